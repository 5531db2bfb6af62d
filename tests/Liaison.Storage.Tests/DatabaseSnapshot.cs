using System.Text;
using Microsoft.Data.Sqlite;

namespace Liaison.Storage.Tests;

/// <summary>Everything a store holds, as text, read straight from the file: to show an operation changed nothing.</summary>
internal static class DatabaseSnapshot
{
    private static readonly string[] Queries =
    [
        "SELECT k.id, o.version_us, o.added_at_us, o.latest, o.revoked, hex(o.content_hash), o.json FROM objects o JOIN object_keys k ON k.key = o.key ORDER BY o.seq",
        "SELECT key, id FROM object_keys ORDER BY key",
        "SELECT * FROM location_points ORDER BY location_key",
        "SELECT * FROM location_links ORDER BY 1, 2, 3",
        "SELECT * FROM geo ORDER BY 1, 2, 3",
        "SELECT * FROM text_index_state",
    ];

    public static string Of(string databasePath)
    {
        var text = new StringBuilder();
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        foreach (var sql in Queries)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.GetValue(i);
                    text.Append(value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)).Append('|');
                }

                text.Append('\n');
            }
        }

        return text.ToString();
    }
}
