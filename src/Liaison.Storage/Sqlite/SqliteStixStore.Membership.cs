using Liaison.Storage.Taxii;
using Microsoft.Data.Sqlite;

namespace Liaison.Storage.Sqlite;

public sealed partial class SqliteStixStore
{
    private const string MemberColumns = "m.date_added_us, m.object_seq, m.object_key";

    /// <summary>
    /// One page of a collection for TAXII (<c>objects/</c>, <c>manifest/</c>, <c>objects/{id}/</c>): the member versions
    /// that match every filter, in <c>date_added</c> order. <c>added_after</c> is exclusive and applies to the
    /// collection's own <c>date_added</c>; ids and types are OR'ed within and AND'ed across; the version filter is
    /// described on <see cref="TaxiiVersionFilter"/> (last/first among the versions <em>in this collection</em>).
    /// One query, answered from the membership indexes, at most <paramref name="limit"/> + 1 rows.
    /// </summary>
    /// <param name="collectionId">The collection; an unknown one reads as empty.</param>
    /// <param name="filter">The TAXII filters.</param>
    /// <param name="limit">Page size, at least 1 (the server clamps it to its maximum).</param>
    /// <param name="includeJson">False for a manifest: the objects' JSON is not read, and entries carry an empty array.</param>
    /// <returns>The entries and whether more match after them.</returns>
    public CollectionPage ReadCollection(Guid collectionId, TaxiiFilter filter, int limit, bool includeJson = true)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        if (!MembershipSql.SpecVersionsMatch(filter))
        {
            return new CollectionPage([], false);
        }

        using var command = _connection.CreateCommand();
        MembershipSql.BindCommon(command, collectionId, filter);
        command.Parameters.AddWithValue("$n", limit + 1);
        var version = MembershipSql.VersionPredicate(filter.Versions, command);
        var types = filter.Types.Distinct(StringComparer.Ordinal).ToList();
        string members;
        if (filter.Ids.Count > 0)
        {
            // A few objects: all their versions through the (collection, object, version) index, then sorted.
            var ids = MembershipSql.Bind(command, "$i", filter.Ids.Distinct(StringComparer.Ordinal));
            var typeFilter = types.Count > 0 ? $"AND m.type IN ({MembershipSql.Bind(command, "$t", types)}) " : string.Empty;
            members = $"SELECT {MemberColumns} FROM collection_objects m INDEXED BY ix_collection_objects_version " +
                      $"WHERE m.collection_key = {MembershipSql.CollectionKey} AND m.object_key IN (SELECT key FROM object_keys WHERE id IN ({ids})) " +
                      $"AND m.date_added_us > $after {typeFilter}AND {version} ORDER BY m.date_added_us LIMIT $n";
        }
        else if (types.Count == 0)
        {
            // The whole collection: a range of the primary key (collection, date_added), already in order.
            members = $"SELECT {MemberColumns} FROM collection_objects m " +
                      $"WHERE m.collection_key = {MembershipSql.CollectionKey} AND m.date_added_us > $after AND {version} " +
                      "ORDER BY m.date_added_us LIMIT $n";
        }
        else
        {
            // Per type, a range of the (collection, type, date_added) index, already in order and cut at the page size;
            // the few pages are merged. A rare type in a large collection costs no scan of the others.
            var typeNames = MembershipSql.Bind(command, "$t", types).Split(", ");
            members = string.Join(" UNION ALL ", typeNames.Select(type =>
                $"SELECT * FROM (SELECT {MemberColumns} FROM collection_objects m INDEXED BY ix_collection_objects_type " +
                $"WHERE m.collection_key = {MembershipSql.CollectionKey} AND m.type = {type} AND m.date_added_us > $after AND {version} " +
                "ORDER BY m.date_added_us LIMIT $n)"));
            members = $"SELECT * FROM ({members}) ORDER BY date_added_us LIMIT $n";
        }

        command.CommandText = EntrySelect(includeJson) + $"FROM ({members}) m " +
                              "CROSS JOIN objects o ON o.seq = m.object_seq CROSS JOIN object_keys k ON k.key = m.object_key " +
                              "ORDER BY m.date_added_us";
        var entries = ReadEntries(command, includeJson);
        var more = entries.Count > limit;
        if (more)
        {
            entries.RemoveAt(entries.Count - 1);
        }

        LogPersonReads(entries, e => e.Stored, "taxii");
        return new CollectionPage(entries, more);
    }

    /// <summary>
    /// Every version of one object in a collection (<c>objects/{id}/versions/</c>), in <c>date_added</c> order. Only
    /// <see cref="TaxiiFilter.AddedAfter"/> and <see cref="TaxiiFilter.SpecVersions"/> apply. Empty when the object or
    /// the collection is unknown, or the object has no version there.
    /// </summary>
    public IReadOnlyList<CollectionEntry> ObjectVersions(Guid collectionId, string objectId, TaxiiFilter filter, bool includeJson = true)
    {
        ArgumentNullException.ThrowIfNull(objectId);
        ArgumentNullException.ThrowIfNull(filter);
        if (!MembershipSql.SpecVersionsMatch(filter))
        {
            return [];
        }

        using var command = _connection.CreateCommand();
        MembershipSql.BindCommon(command, collectionId, filter);
        command.Parameters.AddWithValue("$id", objectId);
        command.CommandText = EntrySelect(includeJson) + "FROM collection_objects m INDEXED BY ix_collection_objects_version " +
                              "CROSS JOIN objects o ON o.seq = m.object_seq CROSS JOIN object_keys k ON k.key = m.object_key " +
                              $"WHERE m.collection_key = {MembershipSql.CollectionKey} AND m.object_key = (SELECT key FROM object_keys WHERE id = $id) " +
                              "AND m.date_added_us > $after ORDER BY m.date_added_us";
        return LogPersonReads(ReadEntries(command, includeJson), e => e.Stored, "taxii");
    }

    /// <summary>
    /// Removes from a collection the versions of one object that match the filter (TAXII <c>DELETE objects/{id}/</c>):
    /// <see cref="TaxiiFilter.Versions"/> (pass <see cref="TaxiiVersionFilter"/> with <c>All</c> to remove every
    /// version), <see cref="TaxiiFilter.SpecVersions"/> and <see cref="TaxiiFilter.AddedAfter"/>. The versions stay in
    /// the store (and in other collections). Returns how many memberships were removed.
    /// </summary>
    public int DeleteFromCollection(Guid collectionId, string objectId, TaxiiFilter filter)
    {
        ArgumentNullException.ThrowIfNull(objectId);
        ArgumentNullException.ThrowIfNull(filter);
        if (!MembershipSql.SpecVersionsMatch(filter))
        {
            return 0;
        }

        // One statement: "last"/"first" are decided on the collection as it was before the delete.
        using var command = _connection.CreateCommand();
        MembershipSql.BindCommon(command, collectionId, filter);
        command.Parameters.AddWithValue("$id", objectId);
        var version = MembershipSql.VersionPredicate(filter.Versions, command);
        command.CommandText = "DELETE FROM collection_objects AS m " +
                              $"WHERE m.collection_key = {MembershipSql.CollectionKey} AND m.object_key = (SELECT key FROM object_keys WHERE id = $id) " +
                              $"AND m.date_added_us > $after AND {version}";
        return command.ExecuteNonQuery();
    }

    private static string EntrySelect(bool includeJson) =>
        $"SELECT m.date_added_us, k.id, o.type, o.version_us, o.added_at_us, o.latest, o.revoked, o.content_hash{(includeJson ? ", o.json " : " ")}";

    private static List<CollectionEntry> ReadEntries(SqliteCommand command, bool includeJson)
    {
        var results = new List<CollectionEntry>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var stored = new StoredObject(
                reader.GetString(1),
                reader.GetString(2),
                reader.GetInt64(3),
                reader.GetInt64(4),
                reader.GetInt64(5) != 0,
                reader.GetInt64(6) != 0,
                (byte[])reader[7],
                includeJson ? (byte[])reader[8] : []);
            results.Add(new CollectionEntry(stored, reader.GetInt64(0), MembershipSql.SpecVersion));
        }

        return results;
    }
}
