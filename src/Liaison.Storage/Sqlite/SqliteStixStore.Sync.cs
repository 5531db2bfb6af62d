namespace Liaison.Storage.Sqlite;

public sealed partial class SqliteStixStore
{
    /// <summary>
    /// Where the last pull from <paramref name="remote"/>'s collection stopped: the remote's own
    /// <c>X-TAXII-Date-Added-Last</c> text, committed with the objects it covers; null before the first pull.
    /// </summary>
    public string? PullCursor(string remote, string collectionId)
    {
        using var command = Command("SELECT date_added FROM pull_cursors WHERE remote = $r AND collection_id = $c");
        command.Parameters.AddWithValue("$r", remote);
        command.Parameters.AddWithValue("$c", collectionId);
        return command.ExecuteScalar() as string;
    }

    /// <summary>Every recorded origin of an object's versions, oldest first.</summary>
    public IReadOnlyList<Provenance> ProvenanceOf(string objectId)
    {
        using var command = Command(
            "SELECT p.remote, p.collection_id, p.received_at_us FROM provenance p JOIN objects o ON o.seq = p.seq " +
            "JOIN object_keys k ON k.key = o.key WHERE k.id = $id ORDER BY p.received_at_us");
        command.Parameters.AddWithValue("$id", objectId);
        using var reader = command.ExecuteReader();
        var result = new List<Provenance>();
        while (reader.Read())
        {
            result.Add(new Provenance(reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
        }

        return result;
    }
}
