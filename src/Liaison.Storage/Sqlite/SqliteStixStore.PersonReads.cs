using Liaison.Core.Extensions;
using Liaison.Core.Persons;
using Liaison.Core.Stix;
using Liaison.Storage.Retention;

namespace Liaison.Storage.Sqlite;

public sealed partial class SqliteStixStore
{
    private static readonly byte[] PersonOfInterestKey = System.Text.Encoding.UTF8.GetBytes(LiaisonExtensions.PersonOfInterestId);

    /// <summary>
    /// Who reads through this store, recorded with every read of a person-of-interest record: the operating-system
    /// user by default (<c>local:NAME</c>); a server sets it to the authenticated principal for each request.
    /// </summary>
    public string Reader { get; set; } = "local:" + Environment.UserName;

    /// <summary>Every logged read of person-of-interest records, oldest first; of one record when <paramref name="objectId"/> is given.</summary>
    public IReadOnlyList<PersonRead> PersonReads(string? objectId = null)
    {
        using var command = Command("SELECT seq, read_at_us, reader, object_id, version_us, via FROM person_reads " +
                                    "WHERE $id IS NULL OR object_id = $id ORDER BY seq");
        command.Parameters.AddWithValue("$id", (object?)objectId ?? DBNull.Value);
        using var reader = command.ExecuteReader();
        var reads = new List<PersonRead>();
        while (reader.Read())
        {
            reads.Add(new PersonRead(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4), reader.GetString(5)));
        }

        return reads;
    }

    /// <summary>
    /// Every person-of-interest record this node holds — the latest unrevoked versions of its own and of what partners
    /// sent, not the copies it released — however many there are, with expired ones (their review-by date is for the
    /// caller to weigh). Each is logged as read under <see cref="Reader"/> via <paramref name="via"/>.
    /// </summary>
    public IReadOnlyList<PersonRecord> PersonsOfInterest(string via)
    {
        var held = LatestPersonRecords(heldOnly: true);
        LogReads([.. held.Select(p => (p.Id, p.Version))], via);
        return [.. held.Select(p => p.Record)];
    }

    /// <summary>
    /// The latest version of every identity and threat actor carrying the person-of-interest extension, in id order:
    /// with <paramref name="heldOnly"/>, only what the node holds for use (not revoked, not a copy it released). Only
    /// rows naming the extension leave SQLite: a node may hold far more identities than persons of interest.
    /// </summary>
    private List<(string Id, long Key, long Version, PersonRecord Record)> LatestPersonRecords(bool heldOnly)
    {
        using var command = Command(
            "SELECT k.id, o.key, o.version_us, o.json FROM objects o JOIN object_keys k ON k.key = o.key " +
            "WHERE o.latest = 1 AND o.type IN ('identity', 'threat-actor') AND instr(o.json, $extension) > 0 " +
            (heldOnly ? "AND o.revoked = 0 AND NOT EXISTS (SELECT 1 FROM release_outputs r WHERE r.object_id = k.id) " : "") +
            "ORDER BY k.id");
        command.Parameters.AddWithValue("$extension", PersonOfInterestKey);
        var records = new List<(string, long, long, PersonRecord)>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            using var json = System.Text.Json.JsonDocument.Parse((byte[])reader[3]);
            if (PersonRecord.Read(json.RootElement) is { } record)
            {
                records.Add((reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), record));
            }
        }

        return records;
    }

    /// <summary>
    /// Records a read of every person-of-interest record among <paramref name="objects"/> (one row per version read)
    /// and returns them unchanged.
    /// </summary>
    internal IReadOnlyList<T> LogPersonReads<T>(IReadOnlyList<T> objects, Func<T, StoredObject> stored, string via)
    {
        var reads = new List<(string Id, long Version)>();
        foreach (var item in objects)
        {
            var stix = stored(item);
            if (stix.Type is ("identity" or "threat-actor") && stix.Utf8Json.AsSpan().IndexOf(PersonOfInterestKey) >= 0
                && PersonRecord.Read(stix.ToJsonElement()) is not null)
            {
                reads.Add((stix.Id, stix.Version));
            }
        }

        LogReads(reads, via);
        return objects;
    }

    /// <summary>
    /// Writes the log rows of one read together: in one transaction of their own, or in the write transaction already
    /// open on this connection (the raw connection joins it rather than failing beside it).
    /// </summary>
    private void LogReads(List<(string Id, long Version)> reads, string via)
    {
        if (reads.Count == 0)
        {
            return;
        }

        var own = SQLitePCL.raw.sqlite3_get_autocommit(_connection.Handle) != 0;
        if (own)
        {
            ExecuteRaw("BEGIN IMMEDIATE");
        }

        try
        {
            var at = StixTimestamp.UnixMicrosecondsOf(_clock.UtcNow);
            using var log = new RawStatement(_connection, "INSERT INTO person_reads (read_at_us, reader, object_id, version_us, via) VALUES (?1, ?2, ?3, ?4, ?5)");
            foreach (var (id, version) in reads)
            {
                log.Bind(1, at).Bind(2, Reader).Bind(3, id).Bind(4, version).Bind(5, via).Execute();
            }

            if (own)
            {
                ExecuteRaw("COMMIT");
            }
        }
        catch when (own)
        {
            ExecuteRaw("ROLLBACK");
            throw;
        }
    }

    private void ExecuteRaw(string sql)
    {
        using var statement = new RawStatement(_connection, sql);
        statement.Execute();
    }
}
