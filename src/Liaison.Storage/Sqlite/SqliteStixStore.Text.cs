using System.Text.Json;
using Liaison.Core.Stix;

namespace Liaison.Storage.Sqlite;

public sealed partial class SqliteStixStore
{
    private const int TextIndexBatch = 10_000;

    /// <summary>
    /// Adds to the full-text index every version stored since the last call, in transactions of 10,000.
    /// Text indexing is kept off the ingest path (FTS5 inserts are several times slower than the row inserts) and
    /// caught up before any text query, after each ingest, and by the server when idle. Returns how many it added.
    /// </summary>
    public long CatchUpTextIndex()
    {
        long total = 0;
        while (true)
        {
            using var transaction = _connection.BeginTransaction(deferred: false);
            // Release outputs are read for the cursor but not indexed: they never answer our own queries.
            using var read = Command(
                "SELECT o.seq, CASE WHEN EXISTS (SELECT 1 FROM release_outputs r WHERE r.object_id = k.id) THEN NULL ELSE o.json END " +
                "FROM objects o JOIN object_keys k ON k.key = o.key " +
                "WHERE o.seq > (SELECT indexed_through_seq FROM text_index_state) ORDER BY o.seq LIMIT $n");
            read.Transaction = transaction;
            read.Parameters.AddWithValue("$n", TextIndexBatch);
            using var insert = Command("INSERT INTO text_index (rowid, body) VALUES ($seq, $body)");
            insert.Transaction = transaction;
            var seqParameter = insert.Parameters.Add("$seq", Microsoft.Data.Sqlite.SqliteType.Integer);
            var bodyParameter = insert.Parameters.Add("$body", Microsoft.Data.Sqlite.SqliteType.Text);
            long last = -1;
            var count = 0;
            using (var reader = read.ExecuteReader())
            {
                while (reader.Read())
                {
                    last = reader.GetInt64(0);
                    count++;
                    var text = reader.IsDBNull(1) ? "" : ExtractText((byte[])reader[1]);
                    if (text.Length > 0)
                    {
                        seqParameter.Value = last;
                        bodyParameter.Value = text;
                        insert.ExecuteNonQuery();
                    }
                }
            }

            if (count == 0)
            {
                return total;
            }

            using var advance = Command("UPDATE text_index_state SET indexed_through_seq = $seq");
            advance.Transaction = transaction;
            advance.Parameters.AddWithValue("$seq", last);
            advance.ExecuteNonQuery();
            transaction.Commit();
            total += count;
        }
    }

    private static string ExtractText(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        return StixFacts.SearchText(document.RootElement);
    }
}
