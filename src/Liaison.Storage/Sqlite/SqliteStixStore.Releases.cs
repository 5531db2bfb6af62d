using System.Text.Json;
using Liaison.Core.Geo;
using Liaison.Storage.Partners;
using Microsoft.Data.Sqlite;

namespace Liaison.Storage.Sqlite;

public sealed partial class SqliteStixStore
{
    private const string ReleaseColumns =
        "id, partner, source_id, source_version_us, released_id, released_modified, state, agreement_version, clause, precision_km, " +
        "precise, requested_by, requested_at_us, decided_by, decided_at_us, reason";

    /// <summary>The last object sequence number the release pipeline has looked at for the partner (0 before the first run).</summary>
    public long ReleaseCursor(string partner)
    {
        using var command = Command("SELECT seq FROM release_cursors WHERE partner = $p");
        command.Parameters.AddWithValue("$p", partner);
        return command.ExecuteScalar() is long seq ? seq : 0;
    }

    /// <summary>
    /// Up to <paramref name="limit"/> stored versions after sequence number <paramref name="afterSeq"/>, in the order
    /// they were stored, with their sequence numbers; objects this node wrote as releases are left out.
    /// </summary>
    public IReadOnlyList<(long Seq, StoredObject Object)> ObjectsAfter(long afterSeq, int limit)
    {
        using var command = Command(
            $"SELECT o.seq, {Columns} FROM objects o JOIN object_keys k ON k.key = o.key " +
            "WHERE o.seq > $after AND NOT EXISTS (SELECT 1 FROM release_outputs r WHERE r.object_id = k.id) ORDER BY o.seq LIMIT $limit");
        command.Parameters.AddWithValue("$after", afterSeq);
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        var results = new List<(long, StoredObject)>();
        while (reader.Read())
        {
            results.Add((reader.GetInt64(0), new StoredObject(reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt64(4),
                reader.GetInt64(5) != 0, reader.GetInt64(6) != 0, (byte[])reader[7], (byte[])reader[8])));
        }

        return results;
    }

    /// <summary>The highest object sequence number stored (0 when empty).</summary>
    public long LastSeq()
    {
        using var command = Command("SELECT COALESCE(MAX(seq), 0) FROM objects");
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>The coordinates of the stored locations among <paramref name="locationIds"/> (unknown ids and locations without coordinates give none).</summary>
    public IReadOnlyList<GeoPoint> LocationPoints(IReadOnlyCollection<string> locationIds) => [.. LocationPointsById(locationIds).Values];

    /// <summary>
    /// The coordinates of the stored locations among <paramref name="locationIds"/>, by id (unknown ids and locations
    /// without coordinates are absent). One query however many ids.
    /// </summary>
    public IReadOnlyDictionary<string, GeoPoint> LocationPointsById(IReadOnlyCollection<string> locationIds)
    {
        var points = new Dictionary<string, GeoPoint>(StringComparer.Ordinal);
        if (locationIds.Count == 0)
        {
            return points;
        }

        using var command = Command("SELECT k.id, p.lat, p.lon FROM json_each($ids) j JOIN object_keys k ON k.id = j.value JOIN location_points p ON p.location_key = k.key");
        command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(locationIds));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            points[reader.GetString(0)] = new GeoPoint(reader.GetDouble(1), reader.GetDouble(2));
        }

        return points;
    }

    /// <summary>For each of <paramref name="objectIds"/> received from a remote, the first remote it came from.</summary>
    public IReadOnlyDictionary<string, string> OriginsOf(IReadOnlyCollection<string> objectIds)
    {
        using var command = Command(
            "SELECT k.id, p.remote FROM json_each($ids) j JOIN object_keys k ON k.id = j.value JOIN objects o ON o.key = k.key " +
            "JOIN provenance p ON p.seq = o.seq ORDER BY p.received_at_us DESC");
        command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(objectIds));
        using var reader = command.ExecuteReader();
        var origins = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            // Oldest last, so the first origin wins.
            origins[reader.GetString(0)] = reader.GetString(1);
        }

        return origins;
    }

    /// <summary>The release-log rows of the partner for each of <paramref name="sourceIds"/>, newest first.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ReleaseRecord>> ReleasesOf(string partner, IReadOnlyCollection<string> sourceIds)
    {
        using var command = Command(
            $"SELECT {ReleaseColumns} FROM releases WHERE partner = $p AND source_id IN (SELECT value FROM json_each($ids)) ORDER BY id DESC");
        command.Parameters.AddWithValue("$p", partner);
        command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(sourceIds));
        return ReadReleases(command).GroupBy(r => r.SourceId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ReleaseRecord>)g.ToList(), StringComparer.Ordinal);
    }

    /// <summary>Whether this node wrote the object as a release (or a release's companion) to some partner.</summary>
    public bool IsReleaseOutput(string objectId)
    {
        using var command = Command("SELECT 1 FROM release_outputs WHERE object_id = $id");
        command.Parameters.AddWithValue("$id", objectId);
        return command.ExecuteScalar() is not null;
    }

    /// <summary>The most recent release-log rows for one source object (newest first), any state.</summary>
    public IReadOnlyList<ReleaseRecord> ReleasesOf(string partner, string sourceId)
    {
        using var command = Command($"SELECT {ReleaseColumns} FROM releases WHERE partner = $p AND source_id = $s ORDER BY id DESC");
        command.Parameters.AddWithValue("$p", partner);
        command.Parameters.AddWithValue("$s", sourceId);
        return ReadReleases(command);
    }

    /// <summary>The source ids whose latest release to the partner is in force (released, not withdrawn).</summary>
    public IReadOnlySet<string> ReleasedSources(string partner)
    {
        using var command = Command(
            "SELECT r.source_id FROM releases r WHERE r.partner = $p AND r.state = 'released' AND r.id = " +
            "(SELECT MAX(id) FROM releases x WHERE x.partner = r.partner AND x.source_id = r.source_id AND x.state IN ('released', 'withdrawn'))");
        command.Parameters.AddWithValue("$p", partner);
        using var reader = command.ExecuteReader();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    /// <summary>The release-log rows in a state (every partner when <paramref name="partner"/> is null), oldest first.</summary>
    public IReadOnlyList<ReleaseRecord> ReleasesInState(ReleaseState state, string? partner = null, int limit = 10_000)
    {
        using var command = Command($"SELECT {ReleaseColumns} FROM releases WHERE state = $s AND ($p IS NULL OR partner = $p) ORDER BY id LIMIT $limit");
        command.Parameters.AddWithValue("$s", StateText(state));
        command.Parameters.AddWithValue("$p", (object?)partner ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", limit);
        return ReadReleases(command);
    }

    /// <summary>One release-log row by number, or null.</summary>
    public ReleaseRecord? FindRelease(long id)
    {
        using var command = Command($"SELECT {ReleaseColumns} FROM releases WHERE id = $id");
        command.Parameters.AddWithValue("$id", id);
        return ReadReleases(command).FirstOrDefault();
    }

    /// <summary>Everything waiting to go to the partner (embargoed, held for references, graduated), oldest first.</summary>
    public IReadOnlyList<WaitingRelease> WaitingReleases(string partner)
    {
        using var command = Command("SELECT partner, source_id, source_version_us, not_before_us, reason FROM release_waiting WHERE partner = $p ORDER BY source_id");
        command.Parameters.AddWithValue("$p", partner);
        using var reader = command.ExecuteReader();
        var waiting = new List<WaitingRelease>();
        while (reader.Read())
        {
            waiting.Add(new WaitingRelease(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.IsDBNull(3) ? null : reader.GetInt64(3), reader.GetString(4)));
        }

        return waiting;
    }

    /// <summary>What partners sent that we did not accept, newest first (every partner when null).</summary>
    public IReadOnlyList<QuarantineEntry> Quarantine(string? partner = null, int limit = 1000)
    {
        using var command = Command("SELECT id, partner, object_id, received_at_us, reason, json FROM quarantine WHERE $p IS NULL OR partner = $p ORDER BY id DESC LIMIT $limit");
        command.Parameters.AddWithValue("$p", (object?)partner ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        var entries = new List<QuarantineEntry>();
        while (reader.Read())
        {
            entries.Add(new QuarantineEntry(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetString(4), (byte[])reader[5]));
        }

        return entries;
    }

    internal static string StateText(ReleaseState state) => state switch
    {
        ReleaseState.Pending => "pending",
        ReleaseState.Released => "released",
        ReleaseState.Rejected => "rejected",
        ReleaseState.Withdrawn => "withdrawn",
        _ => "failed",
    };

    private static ReleaseState ParseState(string text) => text switch
    {
        "pending" => ReleaseState.Pending,
        "released" => ReleaseState.Released,
        "rejected" => ReleaseState.Rejected,
        "withdrawn" => ReleaseState.Withdrawn,
        _ => ReleaseState.Failed,
    };

    private static List<ReleaseRecord> ReadReleases(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var records = new List<ReleaseRecord>();
        while (reader.Read())
        {
            records.Add(new ReleaseRecord(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), ParseState(reader.GetString(6)), reader.GetInt32(7), reader.GetString(8),
                reader.IsDBNull(9) ? null : reader.GetDouble(9), reader.GetInt64(10) != 0, reader.GetString(11), reader.GetInt64(12),
                reader.IsDBNull(13) ? null : reader.GetString(13), reader.IsDBNull(14) ? null : reader.GetInt64(14), reader.IsDBNull(15) ? null : reader.GetString(15)));
        }

        return records;
    }
}
