using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Liaison.Cli.Node;
using Liaison.Cli.Output;
using Liaison.Core.Geo;
using Liaison.Core.Stix;
using Liaison.Storage;

namespace Liaison.Cli.Commands;

/// <summary><c>liaison query</c>: latest objects by type, time, area and text.</summary>
internal static class QueryCommand
{
    public const int MaxLimit = 10_000;

    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        var types = new Option<string[]>("--type") { Description = "Keep this STIX type (repeatable: any of them).", AllowMultipleArgumentsPerToken = false };
        var since = new Option<string?>("--since") { Description = "Keep objects whose time reaches this instant or later (RFC 3339, or a date YYYY-MM-DD)." };
        var until = new Option<string?>("--until") { Description = "Keep objects whose time starts at this instant or earlier." };
        var bbox = new Option<string?>("--bbox") { Description = "Keep objects located in minLon,minLat,maxLon,maxLat (minLon > maxLon crosses the antimeridian)." };
        var near = new Option<string?>("--near") { Description = "Keep objects located within KM of LAT,LON, written LAT,LON,KM." };
        var text = new Option<string?>("--text") { Description = "Keep objects whose names, descriptions or aliases contain all these words." };
        var limit = new Option<int>("--limit") { Description = $"At most this many results (1-{MaxLimit}).", DefaultValueFactory = _ => 50 };
        var revoked = new Option<bool>("--include-revoked") { Description = "Also show revoked objects." };
        var track = new Option<string?>("--track") { Description = "A group's track: its sightings (intrusion-set or threat-actor id) in time order, with where; the other filters narrow it." };
        var command = new Command("query", "Search the latest versions of stored objects, most recent first.") { types, since, until, bbox, near, text, limit, revoked, track };
        command.SetAction(parse =>
        {
            var output = new CliOutput(environment, parse.GetValue(globals.Json));
            if (parse.GetValue(track) is { } group)
            {
                if (parse.GetValue(types) is { Length: > 0 })
                {
                    throw new CliException(ExitCodes.Usage, "--track shows sightings: it cannot be combined with --type");
                }

                using var trackStore = NodeHome.Resolve(parse.GetValue(globals.Home), environment).OpenStore();
                var trackQuery = Build(["sighting"], parse.GetValue(since), parse.GetValue(until), parse.GetValue(bbox), parse.GetValue(near), parse.GetValue(text), MaxLimit, parse.GetValue(revoked));
                return GroupTrack.Show(trackStore, output, group, trackQuery, parse.GetValue(limit));
            }

            var query = Build(parse.GetValue(types) ?? [], parse.GetValue(since), parse.GetValue(until), parse.GetValue(bbox), parse.GetValue(near), parse.GetValue(text), parse.GetValue(limit), parse.GetValue(revoked));
            using var store = NodeHome.Resolve(parse.GetValue(globals.Home), environment).OpenStore();
            var results = store.Query(query);
            output.Table($"{results.Count} object(s)", ObjectRows.Headers, results.Select(ObjectRows.Row));
            output.Result(new JsonObject { ["count"] = results.Count, ["objects"] = new JsonArray(results.Select(ObjectRows.ToJson).ToArray()) });
            return ExitCodes.Ok;
        });
        return command;
    }

    public static ObjectQuery Build(string[] types, string? since, string? until, string? bbox, string? near, string? text, int limit, bool includeRevoked)
    {
        if (limit is < 1 or > MaxLimit)
        {
            throw new CliException(ExitCodes.Usage, $"--limit must be between 1 and {MaxLimit}, not {limit}");
        }

        foreach (var type in types)
        {
            if (!StixNames.IsValidTypeName(type, out var reason))
            {
                throw new CliException(ExitCodes.Usage, $"--type: {reason}");
            }
        }

        GeoBox? box = null;
        if (bbox is not null)
        {
            box = GeoBox.TryParse(bbox, out var parsed, out var reason) ? parsed : throw new CliException(ExitCodes.Usage, $"--bbox {reason}");
        }

        GeoPoint? centre = null;
        double radius = 0;
        if (near is not null)
        {
            (centre, radius) = ParseNear(near);
        }

        if (box is not null && centre is not null)
        {
            throw new CliException(ExitCodes.Usage, "give --bbox or --near, not both");
        }

        if (text is not null && string.IsNullOrWhiteSpace(text))
        {
            throw new CliException(ExitCodes.Usage, "--text needs at least one word");
        }

        return new ObjectQuery
        {
            Types = types,
            Since = since is null ? null : ParseInstant("--since", since),
            Until = until is null ? null : ParseInstant("--until", until),
            Box = box,
            Near = centre,
            NearKm = radius,
            Text = text,
            Limit = limit,
            IncludeRevoked = includeRevoked,
        };
    }

    private static (GeoPoint, double) ParseNear(string near)
    {
        var parts = near.Split(',');
        if (parts.Length != 3
            || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)
            || !double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var km))
        {
            throw new CliException(ExitCodes.Usage, $"--near '{near}' must be LAT,LON,KM (three numbers)");
        }

        if (lat is < -90 or > 90 || lon is < -180 or > 180 || !(km > 0 && km <= 20_038))
        {
            throw new CliException(ExitCodes.Usage, $"--near '{near}': latitude must be within [-90, 90], longitude within [-180, 180], and the radius within (0, 20038] km");
        }

        return (new GeoPoint(lat, lon), km);
    }

    private static long ParseInstant(string option, string text)
    {
        if (StixTimestamp.TryParse(text, out var timestamp, out _))
        {
            return timestamp.Value.UnixMicroseconds;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return StixTimestamp.UnixMicrosecondsOf(new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        }

        throw new CliException(ExitCodes.Usage, $"{option} '{text}' is neither an RFC 3339 UTC timestamp (2015-12-14T09:00:00Z) nor a date (2015-12-14)");
    }
}
