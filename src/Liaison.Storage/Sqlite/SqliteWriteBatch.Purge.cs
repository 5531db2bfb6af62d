using System.Text.Json;
using Liaison.Core.Stix;

namespace Liaison.Storage.Sqlite;

public sealed partial class SqliteWriteBatch
{
    /// <summary>
    /// Removes every stored version of one object and every row that indexes it: its text-index postings (the words of
    /// each version indexed so far), spatial rows and location links (its own and those naming it), collection
    /// memberships, provenance, versions and key. Nothing of its content stays in the database file's live pages.
    /// Returns the content hash of each version removed, oldest first; empty when it is not stored.
    /// </summary>
    internal IReadOnlyList<byte[]> PurgeObject(string id)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        if (_findKey.Bind(1, id).QueryInt64() is not { } key)
        {
            return [];
        }

        _recentKeys.Remove(id);
        var indexedThrough = Prepare("SELECT indexed_through_seq FROM text_index_state").QueryInt64() ?? 0;
        var versions = new List<(long Seq, byte[] Hash, byte[] Json)>();
        var read = Prepare("SELECT seq, content_hash, json FROM objects WHERE key = ?1 ORDER BY version_us").Bind(1, key);
        while (read.Step())
        {
            versions.Add((read.Int64(0), read.Blob(1).ToArray(), read.Blob(2).ToArray()));
        }

        read.Reset();
        // A contentless FTS5 table forgets a row only when told the exact text it indexed, which the same extraction
        // gives again from the stored JSON.
        var unindex = Prepare("INSERT INTO text_index (text_index, rowid, body) VALUES ('delete', ?1, ?2)");
        var forgetProvenance = Prepare("DELETE FROM provenance WHERE seq = ?1");
        foreach (var (seq, _, json) in versions)
        {
            if (seq <= indexedThrough)
            {
                using var document = JsonDocument.Parse(json);
                var text = StixFacts.SearchText(document.RootElement);
                if (text.Length > 0)
                {
                    unindex.Bind(1, seq).Bind(2, text).Execute();
                }
            }

            forgetProvenance.Bind(1, seq).Execute();
        }

        foreach (var sql in (ReadOnlySpan<string>)
                 [
                     "DELETE FROM geo WHERE object_key = ?1 OR location_key = ?1",
                     "DELETE FROM location_links WHERE object_key = ?1 OR location_key = ?1 OR via_key = ?1",
                     "DELETE FROM location_points WHERE location_key = ?1",
                     "DELETE FROM collection_objects WHERE object_key = ?1",
                     "DELETE FROM objects WHERE key = ?1",
                     "DELETE FROM object_keys WHERE key = ?1",
                 ])
        {
            Prepare(sql).Bind(1, key).Execute();
        }

        return [.. versions.Select(v => v.Hash)];
    }

    /// <summary>Writes one purge to the purge log (hashes concatenated, 32 bytes each) and returns its position.</summary>
    internal long LogPurge(long purgedAt, string purgedBy, string objectId, string reviewBy, IReadOnlyList<byte[]> contentHashes)
    {
        var hashes = contentHashes.SelectMany(h => h).ToArray();
        return Prepare("INSERT INTO retention_purges (purged_at_us, purged_by, object_id, review_by, versions, content_hashes) " +
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING seq")
            .Bind(1, purgedAt).Bind(2, purgedBy).Bind(3, objectId).Bind(4, reviewBy).Bind(5, contentHashes.Count).Bind(6, hashes)
            .QueryInt64()!.Value;
    }
}
