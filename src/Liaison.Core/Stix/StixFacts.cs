using System.Text;
using System.Text.Json;
using Liaison.Core.Geo;

namespace Liaison.Core.Stix;

/// <summary>
/// What the store indexes about an object, read from its JSON: where it is (own coordinates or references to
/// locations), when it happened, and its searchable text. Pure functions; thread safe.
/// </summary>
public static class StixFacts
{
    private static readonly string[] TextProperties =
        ["name", "description", "abstract", "content", "explanation", "objective", "question", "quote", "opinion", "context"];

    private static readonly string[] TextListProperties = ["aliases", "goals", "roles", "sectors", "labels"];

    // (start, end) property pairs naming the time an object describes, most specific first.
    private static readonly (string Start, string? End)[] TimeProperties =
    [
        ("first_seen", "last_seen"),
        ("first_observed", "last_observed"),
        ("start_time", "end_time"),
        ("start_time", "stop_time"),
        ("strike_time", null),
        ("event_time", null),
        ("published", null),
        ("valid_from", "valid_until"),
    ];

    /// <summary>The coordinates of a <c>location</c> object, when it has them.</summary>
    public static GeoPoint? Coordinates(StixObject stixObject)
    {
        ArgumentNullException.ThrowIfNull(stixObject);
        var json = stixObject.Json;
        if (stixObject.Type != "location"
            || !json.TryGetProperty("latitude", out var lat) || lat.ValueKind != JsonValueKind.Number
            || !json.TryGetProperty("longitude", out var lon) || lon.ValueKind != JsonValueKind.Number)
        {
            return null;
        }

        var latitude = lat.GetDouble();
        var longitude = lon.GetDouble();
        return latitude is >= -90 and <= 90 && longitude is >= -180 and <= 180 ? new GeoPoint(latitude, longitude) : null;
    }

    /// <summary>
    /// Pairs (located object id, location id) this object asserts: a location locates itself; a sighting is
    /// located at its <c>where_sighted_refs</c> locations; any <c>location_ref(s)</c> or <c>*_location_ref</c>,
    /// also inside extensions, locates the object; a <c>located-at</c> relationship locates its source.
    /// </summary>
    public static IReadOnlyList<(string ObjectId, string LocationId)> LocationLinks(StixObject stixObject)
    {
        ArgumentNullException.ThrowIfNull(stixObject);
        var links = new List<(string, string)>();
        var id = stixObject.Id.Value;
        var json = stixObject.Json;
        if (stixObject.Type == "location")
        {
            links.Add((id, id));
            return links;
        }

        if (stixObject.Type == "relationship")
        {
            if (json.TryGetProperty("relationship_type", out var kind) && kind.ValueKind == JsonValueKind.String && kind.ValueEquals("located-at"u8)
                && json.TryGetProperty("source_ref", out var source) && source.ValueKind == JsonValueKind.String
                && json.TryGetProperty("target_ref", out var target) && IsLocationId(target))
            {
                links.Add((source.GetString()!, target.GetString()!));
            }

            return links;
        }

        CollectLocationRefs(json, id, links);
        if (json.TryGetProperty("extensions", out var extensions) && extensions.ValueKind == JsonValueKind.Object)
        {
            foreach (var extension in extensions.EnumerateObject())
            {
                if (extension.Value.ValueKind == JsonValueKind.Object)
                {
                    CollectLocationRefs(extension.Value, id, links);
                }
            }
        }

        return links;
    }

    /// <summary>
    /// The time span the object is about, in Unix microseconds: first/last seen or observed, start/end, strike or
    /// event time, publication, validity; when it names none, the span from <c>created</c> to <c>modified</c>.
    /// </summary>
    public static (long Start, long End)? TimeSpanOf(StixObject stixObject)
    {
        ArgumentNullException.ThrowIfNull(stixObject);
        if (FindTimeSpan(stixObject.Json) is { } own)
        {
            return own;
        }

        if (stixObject.Json.TryGetProperty("extensions", out var extensions) && extensions.ValueKind == JsonValueKind.Object)
        {
            foreach (var extension in extensions.EnumerateObject())
            {
                if (extension.Value.ValueKind == JsonValueKind.Object && FindTimeSpan(extension.Value) is { } inExtension)
                {
                    return inExtension;
                }
            }
        }

        if (stixObject.Created is { } created)
        {
            return (created.UnixMicroseconds, (stixObject.Modified ?? created).UnixMicroseconds);
        }

        return null;
    }

    /// <summary>The searchable text: names, descriptions, aliases and similar, also inside extensions.</summary>
    public static string SearchText(JsonElement json)
    {
        var text = new StringBuilder();
        if (json.ValueKind == JsonValueKind.Object)
        {
            AppendText(json, text, depth: 0);
        }

        return text.ToString();
    }

    private static void AppendText(JsonElement json, StringBuilder text, int depth)
    {
        foreach (var name in TextProperties)
        {
            if (json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
            {
                text.Append(value.GetString()).Append('\n');
            }
        }

        foreach (var name in TextListProperties)
        {
            if (json.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in list.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.String)
                    {
                        text.Append(item.GetString()).Append('\n');
                    }
                }
            }
        }

        // Names written in several scripts (persons of interest) are lists of {value, script}.
        if (json.TryGetProperty("names", out var names) && names.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in names.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.String)
                {
                    text.Append(value.GetString()).Append('\n');
                }
            }
        }

        if (depth == 0 && json.TryGetProperty("extensions", out var extensions) && extensions.ValueKind == JsonValueKind.Object)
        {
            foreach (var extension in extensions.EnumerateObject())
            {
                if (extension.Value.ValueKind == JsonValueKind.Object)
                {
                    AppendText(extension.Value, text, depth + 1);
                }
            }
        }
    }

    private static (long, long)? FindTimeSpan(JsonElement json)
    {
        foreach (var (startName, endName) in TimeProperties)
        {
            if (json.TryGetProperty(startName, out var startValue) && TryTimestamp(startValue, out var start))
            {
                var end = endName is not null && json.TryGetProperty(endName, out var endValue) && TryTimestamp(endValue, out var parsedEnd) ? parsedEnd : start;
                return (start, Math.Max(start, end));
            }
        }

        return null;
    }

    private static bool TryTimestamp(JsonElement value, out long unixMicroseconds)
    {
        unixMicroseconds = 0;
        if (value.ValueKind == JsonValueKind.String && StixTimestamp.TryParse(value.GetString(), out var timestamp, out _))
        {
            unixMicroseconds = timestamp.Value.UnixMicroseconds;
            return true;
        }

        return false;
    }

    private static void CollectLocationRefs(JsonElement json, string objectId, List<(string, string)> links)
    {
        foreach (var property in json.EnumerateObject())
        {
            var name = property.Name;
            var isRef = name.EndsWith("location_ref", StringComparison.Ordinal) || name == "where_sighted_refs";
            var isRefs = name.EndsWith("location_refs", StringComparison.Ordinal) || name == "where_sighted_refs";
            if (isRef && IsLocationId(property.Value))
            {
                links.Add((objectId, property.Value.GetString()!));
            }
            else if (isRefs && property.Value.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in property.Value.EnumerateArray())
                {
                    if (IsLocationId(item))
                    {
                        links.Add((objectId, item.GetString()!));
                    }
                }
            }
        }
    }

    private static bool IsLocationId(JsonElement value) =>
        value.ValueKind == JsonValueKind.String && value.GetString()!.StartsWith("location--", StringComparison.Ordinal);
}
