using Liaison.Core;
using Liaison.Core.Canonical;
using Liaison.Core.Stix;
using Microsoft.Data.Sqlite;

namespace Liaison.Storage.Sqlite;

/// <summary>
/// One write transaction. Objects added are visible to this batch at once and to others after
/// <see cref="Commit"/>; disposing without committing rolls everything back. Not thread safe.
/// </summary>
public sealed partial class SqliteWriteBatch : IDisposable
{
    /// <summary>Version key of objects that have neither <c>modified</c> nor <c>created</c> (one version only).</summary>
    public const long Unversioned = long.MinValue;

    private readonly SqliteConnection _connection;
    private readonly IClock _clock;
    private readonly SqliteTransaction _transaction;
    private const int RecentKeysLimit = 10_000;

    private readonly List<RawStatement> _statements = [];
    private readonly Dictionary<string, long> _recentKeys = new(StringComparer.Ordinal);
    private readonly RawStatement _insertKey;
    private readonly RawStatement _findKey;
    private readonly RawStatement _findLatest;
    private readonly RawStatement _findVersion;
    private readonly RawStatement _insert;
    private readonly RawStatement _demote;
    private long _lastAddedAt;
    private long _persistedAddedAt;
    private bool _completed;

    internal SqliteWriteBatch(SqliteConnection connection, IClock clock)
    {
        _connection = connection;
        _clock = clock;
        // IMMEDIATE takes the write lock now, so the added_at read below cannot race another writer.
        _transaction = connection.BeginTransaction(deferred: false);
        _insertKey = Prepare("INSERT INTO object_keys (id) VALUES (?1) ON CONFLICT (id) DO NOTHING RETURNING key");
        _findKey = Prepare("SELECT key FROM object_keys WHERE id = ?1");
        _findLatest = Prepare("SELECT seq, version_us, content_hash, revoked FROM objects WHERE key = ?1 AND latest = 1");
        _findVersion = Prepare("SELECT content_hash, seq FROM objects WHERE key = ?1 AND version_us = ?2");
        _insert = Prepare(
            "INSERT INTO objects (key, type, version_us, added_at_us, latest, revoked, time_start_us, time_end_us, content_hash, json) " +
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
        _demote = Prepare("UPDATE objects SET latest = 0 WHERE seq = ?1");
        PrepareSpatial();
        PrepareCollections();

        // Collection membership draws its date_added from the same sequence; date_added_state keeps the highest value
        // ever handed out, so removing members never lets a value be handed out twice.
        using var max = _connection.CreateCommand();
        max.Transaction = _transaction;
        max.CommandText = "SELECT MAX(COALESCE((SELECT MAX(added_at_us) FROM objects), 0), (SELECT last_us FROM date_added_state))";
        _lastAddedAt = _persistedAddedAt = SqliteStixStore.ToLong(max.ExecuteScalar());
    }

    /// <summary>Stores one validated object (a no-op when this exact version is already there).</summary>
    public WriteResult Add(StixObject stixObject)
    {
        ArgumentNullException.ThrowIfNull(stixObject);
        return Add(stixObject, ContentHash.Of(stixObject.Json), stixObject.ToUtf8Bytes(), IndexFacts.Of(stixObject));
    }

    /// <summary>Stores one validated object whose hash, compact JSON and index facts the caller already computed.</summary>
    public WriteResult Add(StixObject stixObject, ContentHash hash, byte[] utf8Json, IndexFacts facts) =>
        Store(stixObject, hash, utf8Json, facts).Result;

    /// <summary>Stores a version as <see cref="Add(StixObject, ContentHash, byte[], IndexFacts)"/> does, and says which row holds it.</summary>
    /// <remarks>
    /// A release output (<paramref name="releaseOutput"/>) never answers our own queries, so it gets no place in the
    /// spatial index (no geo rows, no links); a released location still records its point, so that an object a partner
    /// sends us at that location is placed there.
    /// </remarks>
    private StoredVersion Store(StixObject stixObject, ContentHash hash, byte[] utf8Json, IndexFacts facts, bool releaseOutput = false)
    {
        ArgumentNullException.ThrowIfNull(stixObject);
        ArgumentNullException.ThrowIfNull(facts);
        ObjectDisposedException.ThrowIf(_completed, this);
        var version = stixObject.Version?.UnixMicroseconds ?? Unversioned;
        var (key, isNewKey) = KeyForObject(stixObject.Id.Value);

        long? latestSeq = null;
        long latestVersion = 0;
        if (!isNewKey)
        {
            _findLatest.Bind(1, key);
            try
            {
                if (_findLatest.Step())
                {
                    latestSeq = _findLatest.Int64(0);
                    latestVersion = _findLatest.Int64(1);
                    if (latestVersion == version)
                    {
                        return new StoredVersion(SameVersion(_findLatest.Blob(2), hash.Bytes, stixObject), key, version, latestSeq.Value);
                    }

                    if (_findLatest.Int64(3) != 0 && version > latestVersion)
                    {
                        return new StoredVersion(new WriteResult(WriteOutcome.Refused, $"{stixObject.Id} was revoked; a revoked object takes no new versions"), key, version, 0);
                    }
                }
            }
            finally
            {
                _findLatest.Reset();
            }
        }

        var isLatest = latestSeq is null || version > latestVersion;
        if (!isLatest)
        {
            _findVersion.Bind(1, key).Bind(2, version);
            try
            {
                if (_findVersion.Step())
                {
                    return new StoredVersion(SameVersion(_findVersion.Blob(0), hash.Bytes, stixObject), key, version, _findVersion.Int64(1));
                }
            }
            finally
            {
                _findVersion.Reset();
            }
        }

        if (isLatest && latestSeq is { } previous)
        {
            _demote.Bind(1, previous).Execute();
        }

        var span = facts.TimeSpan;
        _insert.Bind(1, key).Bind(2, stixObject.Type).Bind(3, version).Bind(4, NextAddedAt())
            .Bind(5, isLatest ? 1 : 0).Bind(6, stixObject.Revoked ? 1 : 0)
            .Bind(7, span?.Start).Bind(8, span?.End)
            .Bind(9, hash.Bytes).Bind(10, utf8Json)
            .Execute();
        var seq = SQLitePCL.raw.sqlite3_last_insert_rowid(_connection.Handle);

        if (isLatest && !releaseOutput)
        {
            IndexLocation(stixObject, key, isNewKey, facts);
        }
        else if (isLatest && stixObject.Type == "location")
        {
            SetPoint(key, facts.Coordinates, isNewKey);
        }

        return new StoredVersion(new WriteResult(latestSeq is null ? WriteOutcome.New : WriteOutcome.Updated), key, version, seq);
    }

    /// <summary>Makes every write of this batch durable and visible.</summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        if (_lastAddedAt > _persistedAddedAt)
        {
            _saveAddedAt.Bind(1, _lastAddedAt).Execute();
            _persistedAddedAt = _lastAddedAt;
        }

        _transaction.Commit();
        _completed = true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_completed)
        {
            _transaction.Rollback();
            _completed = true;
        }

        _transaction.Dispose();
        foreach (var statement in _statements)
        {
            statement.Dispose();
        }
    }

    /// <summary>The key of an object about to be stored; new objects are the common case, so insert first.</summary>
    private (long Key, bool IsNew) KeyForObject(string id)
    {
        if (_insertKey.Bind(1, id).QueryInt64() is { } inserted)
        {
            Remember(id, inserted);
            return (inserted, true);
        }

        return (_findKey.Bind(1, id).QueryInt64()!.Value, false);
    }

    /// <summary>The key of a referenced object, created when it is not stored (yet); references usually resolve, so look first.</summary>
    private long KeyForReference(string id)
    {
        if (_recentKeys.TryGetValue(id, out var recent))
        {
            return recent;
        }

        var key = _findKey.Bind(1, id).QueryInt64() ?? _insertKey.Bind(1, id).QueryInt64()!.Value;
        Remember(id, key);
        return key;
    }

    // Keys given out by this batch: references (a sighting's location) usually follow what they name closely.
    private void Remember(string id, long key)
    {
        if (_recentKeys.Count >= RecentKeysLimit)
        {
            _recentKeys.Clear();
        }

        _recentKeys[id] = key;
    }

    private static WriteResult SameVersion(ReadOnlySpan<byte> storedHash, ReadOnlySpan<byte> hash, StixObject stixObject) =>
        storedHash.SequenceEqual(hash)
            ? new WriteResult(WriteOutcome.Unchanged)
            : new WriteResult(WriteOutcome.Refused,
                $"{stixObject.Id} version {stixObject.Version?.Text ?? "(unversioned)"} is already stored with different content; " +
                "a change needs a new version with a later 'modified'");

    // TAXII orders by date added and pages with it, so it must be unique and strictly increasing even when the
    // clock stands still or steps back.
    private long NextAddedAt()
    {
        var now = StixTimestamp.UnixMicrosecondsOf(_clock.UtcNow);
        _lastAddedAt = Math.Max(now, _lastAddedAt + 1);
        return _lastAddedAt;
    }

    private RawStatement Prepare(string sql)
    {
        var statement = new RawStatement(_connection, sql);
        _statements.Add(statement);
        return statement;
    }
}
