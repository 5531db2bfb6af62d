namespace Liaison.Storage.Sqlite;

public sealed partial class SqliteStixStore
{
    /// <summary>
    /// Which of our objects the partner knows as <paramref name="releasedId"/>: the source id of a version released to
    /// it under that id, or null when we released nothing to it under that id. Scans the release log (no index on
    /// released ids): it serves the rare questions a partner's conflict report raises, not the release path.
    /// </summary>
    public string? ReleasedSourceOf(string partner, string releasedId)
    {
        ArgumentNullException.ThrowIfNull(partner);
        ArgumentNullException.ThrowIfNull(releasedId);
        using var command = Command("SELECT source_id FROM releases WHERE partner = $p AND released_id = $r AND state IN ('released', 'withdrawn') LIMIT 1");
        command.Parameters.AddWithValue("$p", partner);
        command.Parameters.AddWithValue("$r", releasedId);
        return command.ExecuteScalar() as string;
    }
}
