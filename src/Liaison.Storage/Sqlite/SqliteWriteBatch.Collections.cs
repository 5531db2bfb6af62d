using Liaison.Core.Canonical;
using Liaison.Core.Stix;

namespace Liaison.Storage.Sqlite;

public sealed partial class SqliteWriteBatch
{
    private readonly Dictionary<Guid, long> _collectionKeys = [];
    private RawStatement _findCollection = null!;
    private RawStatement _insertMember = null!;
    private RawStatement _saveAddedAt = null!;

    /// <summary>
    /// Stores one validated object as <see cref="Add(StixObject)"/> does and makes that version a member of the
    /// collection, with a <c>date_added</c> of its own.
    /// </summary>
    /// <exception cref="StoreException">No collection has this id.</exception>
    public WriteResult AddToCollection(Guid collectionId, StixObject stixObject)
    {
        ArgumentNullException.ThrowIfNull(stixObject);
        return AddToCollection(collectionId, stixObject, ContentHash.Of(stixObject.Json), stixObject.ToUtf8Bytes(), IndexFacts.Of(stixObject));
    }

    /// <summary>
    /// Stores one validated object (hash, compact JSON and index facts computed by the caller) as
    /// <see cref="Add(StixObject, ContentHash, byte[], IndexFacts)"/> does, with the same outcomes, and makes that
    /// version a member of the collection. A version joins a collection once: posting it again to the same collection
    /// keeps its first <c>date_added</c>; posting a version stored earlier (directly or through another collection)
    /// adds it with a new <c>date_added</c>. A refused write adds nothing.
    /// </summary>
    /// <remarks>
    /// <c>date_added</c> (Unix microseconds) comes from the same sequence as the objects' <c>added_at</c>: unique in
    /// the node and strictly increasing, even when the clock stands still or steps back, so TAXII can page on it.
    /// </remarks>
    /// <exception cref="StoreException">No collection has this id.</exception>
    public WriteResult AddToCollection(Guid collectionId, StixObject stixObject, ContentHash hash, byte[] utf8Json, IndexFacts facts) =>
        AddToCollection(collectionId, stixObject, hash, utf8Json, facts, releaseOutput: false).Result;

    /// <summary>
    /// Stores an object a remote sent into a collection, as <see cref="AddToCollection(Guid, StixObject, ContentHash, byte[], IndexFacts)"/>
    /// does, and records where it came from (once per version and origin), e.g. a partner's TAXII POST.
    /// </summary>
    /// <exception cref="StoreException">No collection has this id.</exception>
    public WriteResult AddReceivedToCollection(Guid collectionId, StixObject stixObject, ContentHash hash, byte[] utf8Json, IndexFacts facts, Provenance provenance)
    {
        ArgumentNullException.ThrowIfNull(provenance);
        var stored = AddToCollection(collectionId, stixObject, hash, utf8Json, facts, releaseOutput: false);
        if (stored.Result.Outcome != WriteOutcome.Refused)
        {
            SaveProvenance(stored.Seq, provenance);
        }

        return stored.Result;
    }

    /// <summary>
    /// Stores what the release pipeline wrote for a partner, into the partner's outbound collection, as
    /// <see cref="AddToCollection(Guid, StixObject, ContentHash, byte[], IndexFacts)"/> does, and marks it as a release
    /// output: never itself a release candidate, never in our own queries, deconfliction or spatial and text indexes.
    /// </summary>
    /// <exception cref="StoreException">No collection has this id.</exception>
    public WriteResult AddReleaseOutput(Guid collectionId, string partner, StixObject stixObject, ContentHash hash, byte[] utf8Json, IndexFacts facts)
    {
        var result = AddToCollection(collectionId, stixObject, hash, utf8Json, facts, releaseOutput: true).Result;
        if (result.Outcome != WriteOutcome.Refused)
        {
            MarkReleaseOutput(stixObject.Id.Value, partner);
        }

        return result;
    }

    private StoredVersion AddToCollection(Guid collectionId, StixObject stixObject, ContentHash hash, byte[] utf8Json, IndexFacts facts, bool releaseOutput)
    {
        ArgumentNullException.ThrowIfNull(stixObject);
        ObjectDisposedException.ThrowIf(_completed, this);
        var collectionKey = CollectionKey(collectionId);
        var stored = Store(stixObject, hash, utf8Json, facts, releaseOutput);
        if (stored.Result.Outcome == WriteOutcome.Refused)
        {
            return stored;
        }

        // The unique (collection, object, version) index makes a repeated post a no-op that keeps the first date.
        _insertMember.Bind(1, collectionKey).Bind(2, NextAddedAt()).Bind(3, stored.Key).Bind(4, stored.Version)
            .Bind(5, stored.Seq).Bind(6, stixObject.Type).Execute();
        return stored;
    }

    private void PrepareCollections()
    {
        _findCollection = Prepare("SELECT key FROM collections WHERE id = ?1");
        _insertMember = Prepare(
            "INSERT INTO collection_objects (collection_key, date_added_us, object_key, version_us, object_seq, type) " +
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (collection_key, object_key, version_us) DO NOTHING");
        _saveAddedAt = Prepare("UPDATE date_added_state SET last_us = ?1");
    }

    private long CollectionKey(Guid collectionId)
    {
        if (_collectionKeys.TryGetValue(collectionId, out var known))
        {
            return known;
        }

        var key = _findCollection.Bind(1, SqliteStixStore.CollectionIdText(collectionId)).QueryInt64()
            ?? throw new StoreException($"no collection {collectionId} in this node: create it first ('liaison collection create')");
        _collectionKeys[collectionId] = key;
        return key;
    }

    /// <summary>Where one version is stored, and what storing it did.</summary>
    private readonly record struct StoredVersion(WriteResult Result, long Key, long Version, long Seq);
}
