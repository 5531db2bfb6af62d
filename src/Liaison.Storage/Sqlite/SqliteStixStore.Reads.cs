using System.Text;
using Liaison.Core.Geo;
using Microsoft.Data.Sqlite;

namespace Liaison.Storage.Sqlite;

public sealed partial class SqliteStixStore
{
    private const string Columns = "k.id, o.type, o.version_us, o.added_at_us, o.latest, o.revoked, o.content_hash, o.json";

    /// <summary>The latest version of an object, or null when the id is unknown.</summary>
    public StoredObject? Get(string id)
    {
        using var command = Command($"SELECT {Columns} FROM object_keys k JOIN objects o ON o.key = k.key WHERE k.id = $id AND o.latest = 1");
        command.Parameters.AddWithValue("$id", id);
        var found = LogPersonReads(ReadAll(command), o => o, "get");
        return found.Count > 0 ? found[0] : null;
    }

    /// <summary>Every stored version of an object, oldest first.</summary>
    public IReadOnlyList<StoredObject> GetVersions(string id)
    {
        using var command = Command($"SELECT {Columns} FROM object_keys k JOIN objects o ON o.key = k.key WHERE k.id = $id ORDER BY o.version_us");
        command.Parameters.AddWithValue("$id", id);
        return LogPersonReads(ReadAll(command), o => o, "versions");
    }

    /// <summary>Whether any version of the object is stored.</summary>
    public bool Contains(string id)
    {
        using var command = Command("SELECT 1 FROM object_keys k JOIN objects o ON o.key = k.key WHERE k.id = $id LIMIT 1");
        command.Parameters.AddWithValue("$id", id);
        return command.ExecuteScalar() is not null;
    }

    /// <summary>
    /// The latest versions matching every filter of <paramref name="query"/>, most recent (by the time they describe)
    /// first. A text filter first brings the text index up to date.
    /// </summary>
    public IReadOnlyList<StoredObject> Query(ObjectQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Text is not null)
        {
            CatchUpTextIndex();
        }

        using var command = _connection.CreateCommand();
        var sql = new StringBuilder();
        // What this node wrote for its partners (sanitised copies under released ids) is not part of what it knows:
        // a query shows our objects and what partners sent, never our own releases again.
        var where = new List<string> { "o.latest = 1", "NOT EXISTS (SELECT 1 FROM release_outputs r WHERE r.object_id = k.id)" };
        var box = query.Box ?? (query.Near is { } centre ? GeoBox.Around(centre, query.NearKm) : (GeoBox?)null);
        if (box is { } b)
        {
            // The spatial index carries each located object's time span: filter space and time there, then join.
            // "+g.object_key" keeps the planner from walking ix_geo_object to avoid a sort for DISTINCT, which
            // would visit the whole table instead of the few cell ranges.
            var inner = new List<string>();
            var ranges = ZOrderCell.Cover(b);
            var cells = new List<string>(ranges.Count);
            for (var i = 0; i < ranges.Count; i++)
            {
                cells.Add($"g.cell BETWEEN $c{i}a AND $c{i}b");
                command.Parameters.AddWithValue($"$c{i}a", ranges[i].From);
                command.Parameters.AddWithValue($"$c{i}b", ranges[i].To);
            }

            inner.Add("(" + string.Join(" OR ", cells) + ")");
            inner.Add("g.lat BETWEEN $minLat AND $maxLat");
            inner.Add(b.CrossesAntimeridian ? "(g.lon >= $minLon OR g.lon <= $maxLon)" : "g.lon BETWEEN $minLon AND $maxLon");
            command.Parameters.AddWithValue("$minLat", b.MinLatitude);
            command.Parameters.AddWithValue("$maxLat", b.MaxLatitude);
            command.Parameters.AddWithValue("$minLon", b.MinLongitude);
            command.Parameters.AddWithValue("$maxLon", b.MaxLongitude);
            if (query.Near is { } near)
            {
                inner.Add("distance_km(g.lat, g.lon, $nearLat, $nearLon) <= $nearKm");
                command.Parameters.AddWithValue("$nearLat", near.Latitude);
                command.Parameters.AddWithValue("$nearLon", near.Longitude);
                command.Parameters.AddWithValue("$nearKm", query.NearKm);
            }

            if (query.Since is not null)
            {
                inner.Add("g.time_end_us >= $since");
            }

            if (query.Until is not null)
            {
                inner.Add("g.time_start_us <= $until");
            }

            sql.Append("SELECT ").Append(Columns).Append(" FROM (SELECT DISTINCT +g.object_key AS object_key FROM geo g WHERE ")
               .Append(string.Join(" AND ", inner))
               .Append(") located JOIN objects o ON o.key = located.object_key JOIN object_keys k ON k.key = o.key ");
        }
        else
        {
            sql.Append("SELECT ").Append(Columns).Append(" FROM objects o JOIN object_keys k ON k.key = o.key ");
        }

        if (query.Text is not null)
        {
            where.Add("o.seq IN (SELECT rowid FROM text_index WHERE text_index MATCH $text)");
            command.Parameters.AddWithValue("$text", TextIndex.ToMatchExpression(query.Text));
        }

        if (query.Types.Count > 0)
        {
            var names = new List<string>();
            for (var i = 0; i < query.Types.Count; i++)
            {
                names.Add($"$t{i}");
                command.Parameters.AddWithValue($"$t{i}", query.Types[i]);
            }

            where.Add($"o.type IN ({string.Join(", ", names)})");
        }

        if (query.Since is { } since)
        {
            where.Add("o.time_end_us >= $since");
            command.Parameters.AddWithValue("$since", since);
        }

        if (query.Until is { } until)
        {
            where.Add("o.time_start_us <= $until");
            command.Parameters.AddWithValue("$until", until);
        }

        if (!query.IncludeRevoked)
        {
            where.Add("o.revoked = 0");
        }

        sql.Append("WHERE ").Append(string.Join(" AND ", where))
           .Append(" ORDER BY o.time_end_us DESC, o.added_at_us DESC LIMIT $limit");
        command.Parameters.AddWithValue("$limit", Math.Max(0, query.Limit));
        command.CommandText = sql.ToString();
        return LogPersonReads(ReadAll(command), o => o, "query");
    }

    /// <summary>Counts that describe the store.</summary>
    public StoreStatistics Statistics()
    {
        long Scalar(string sql)
        {
            using var command = Command(sql);
            return ToLong(command.ExecuteScalar());
        }

        var byType = new List<(string, long)>();
        using (var command = Command("SELECT type, COUNT(*) FROM objects WHERE latest = 1 GROUP BY type ORDER BY 2 DESC, 1"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                byType.Add((reader.GetString(0), reader.GetInt64(1)));
            }
        }

        var bytes = new[] { Path, Path + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length);
        return new StoreStatistics(
            Objects: Scalar("SELECT COUNT(*) FROM objects WHERE latest = 1"),
            Versions: Scalar("SELECT COUNT(*) FROM objects"),
            Revoked: Scalar("SELECT COUNT(*) FROM objects WHERE latest = 1 AND revoked = 1"),
            ByType: byType,
            LocatedObjects: Scalar("SELECT COUNT(DISTINCT object_key) FROM geo"),
            TextIndexBacklog: Scalar("SELECT COUNT(*) FROM objects WHERE seq > (SELECT indexed_through_seq FROM text_index_state)"),
            DatabaseBytes: bytes);
    }

    private static List<StoredObject> ReadAll(SqliteCommand command)
    {
        var results = new List<StoredObject>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            results.Add(new StoredObject(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetInt64(2),
                reader.GetInt64(3),
                reader.GetInt64(4) != 0,
                reader.GetInt64(5) != 0,
                (byte[])reader[6],
                (byte[])reader[7]));
        }

        return results;
    }

}
