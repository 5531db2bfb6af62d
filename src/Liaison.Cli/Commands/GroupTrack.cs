using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Liaison.Cli.Output;
using Liaison.Storage;
using Liaison.Storage.Sqlite;

namespace Liaison.Cli.Commands;

/// <summary>
/// <c>liaison query --track GROUP</c>: where a hostile group was seen, oldest first — each sighting of it with its time
/// span, count, confidence and the coordinates of the locations it was seen at; ours and partners' alike.
/// </summary>
internal static class GroupTrack
{
    public static int Show(SqliteStixStore store, CliOutput output, string group, ObjectQuery sightings, int limit)
    {
        if (store.Get(group) is not { } found)
        {
            throw new CliException(ExitCodes.Rejected, $"no object {group}: the group to track must be stored here");
        }

        if (found.Type is not ("intrusion-set" or "threat-actor"))
        {
            throw new CliException(ExitCodes.Usage, $"{group} is a {found.Type}: a track follows an intrusion-set or a threat-actor");
        }

        if (limit is < 1 or > QueryCommand.MaxLimit)
        {
            throw new CliException(ExitCodes.Usage, $"--limit must be between 1 and {QueryCommand.MaxLimit}, not {limit}");
        }

        var points = store.Query(sightings)
            .Select(s => (Stored: s, Json: s.ToJsonElement()))
            .Where(s => s.Json.TryGetProperty("sighting_of_ref", out var of) && of.ValueEquals(group))
            .Select(s => Point(store, s.Stored.Id, s.Json))
            .OrderBy(p => p.FirstSeen, StringComparer.Ordinal).Take(limit).ToList();
        output.Table($"Track of {ObjectRows.Label(found.ToJsonElement())}: {points.Count} sighting(s)", ["first seen", "last seen", "count", "confidence", "where (lat, lon)", "from", "sighting"],
            points.Select(p => (IReadOnlyList<string>)[p.FirstSeen, p.LastSeen, p.Count, p.Confidence, p.Where, p.From, p.Id]));
        output.Result(new JsonObject
        {
            ["group"] = group,
            ["count"] = points.Count,
            ["track"] = new JsonArray(points.Select(p => (JsonNode)new JsonObject
            {
                ["id"] = p.Id, ["first_seen"] = p.FirstSeen, ["last_seen"] = p.LastSeen, ["where"] = p.Where, ["from"] = p.From,
            }).ToArray()),
        });
        return ExitCodes.Ok;
    }

    private sealed record TrackPoint(string Id, string FirstSeen, string LastSeen, string Count, string Confidence, string Where, string From);

    private static TrackPoint Point(SqliteStixStore store, string id, JsonElement sighting)
    {
        var locations = sighting.TryGetProperty("where_sighted_refs", out var refs) && refs.ValueKind == JsonValueKind.Array
            ? refs.EnumerateArray().Select(r => r.GetString()!).Where(r => r.StartsWith("location--", StringComparison.Ordinal)).ToList()
            : [];
        var where = string.Join("; ", store.LocationPoints(locations).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Latitude:0.####}, {p.Longitude:0.####}")));
        var from = store.ProvenanceOf(id) is { Count: > 0 } origins ? origins[0].Remote : "ours";
        return new TrackPoint(id, Text(sighting, "first_seen"), Text(sighting, "last_seen"), Text(sighting, "count"), Text(sighting, "confidence"),
            where.Length == 0 ? "-" : where, from);
    }

    private static string Text(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) ? value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText() : "-";
}
