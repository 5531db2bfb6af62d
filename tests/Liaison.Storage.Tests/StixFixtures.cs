using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Liaison.Core.Stix;
using Liaison.Core.Validation;

namespace Liaison.Storage.Tests;

/// <summary>Builders for valid STIX objects used across the storage tests.</summary>
internal static class StixFixtures
{
    private static readonly StixValidator Validator = new();

    public static string Stamp(int day, int hour = 0) =>
        new DateTime(2015, 12, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(day).AddHours(hour).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string Id(string type, int n) => $"{type}--{new Guid($"00000000-0000-4000-8000-{n:D12}"):D}";

    public static JsonObject Location(int n, double lat, double lon, string modified = "2015-12-01T00:00:00.000Z", string? name = null) => new()
    {
        ["type"] = "location",
        ["spec_version"] = "2.1",
        ["id"] = Id("location", n),
        ["created"] = "2015-12-01T00:00:00.000Z",
        ["modified"] = modified,
        ["name"] = name ?? $"Site {n}",
        ["latitude"] = lat,
        ["longitude"] = lon,
    };

    public static JsonObject ThreatActor(int n, string name, params string[] aliases)
    {
        var json = new JsonObject
        {
            ["type"] = "threat-actor",
            ["spec_version"] = "2.1",
            ["id"] = Id("threat-actor", n),
            ["created"] = "2015-12-01T00:00:00.000Z",
            ["modified"] = "2015-12-01T00:00:00.000Z",
            ["name"] = name,
        };
        if (aliases.Length > 0)
        {
            json["aliases"] = new JsonArray(aliases.Select(a => (JsonNode)JsonValue.Create(a)!).ToArray());
        }

        return json;
    }

    public static JsonObject Sighting(int n, int actor, int location, string firstSeen, string lastSeen) => new()
    {
        ["type"] = "sighting",
        ["spec_version"] = "2.1",
        ["id"] = Id("sighting", n),
        ["created"] = "2015-12-01T00:00:00.000Z",
        ["modified"] = "2015-12-01T00:00:00.000Z",
        ["first_seen"] = firstSeen,
        ["last_seen"] = lastSeen,
        ["sighting_of_ref"] = Id("threat-actor", actor),
        ["where_sighted_refs"] = new JsonArray(Id("location", location)),
    };

    public static JsonObject LocatedAt(int n, string sourceId, int location) => new()
    {
        ["type"] = "relationship",
        ["spec_version"] = "2.1",
        ["id"] = Id("relationship", n),
        ["created"] = "2015-12-01T00:00:00.000Z",
        ["modified"] = "2015-12-01T00:00:00.000Z",
        ["relationship_type"] = "located-at",
        ["source_ref"] = sourceId,
        ["target_ref"] = Id("location", location),
    };

    public static JsonObject Note(int n, string content, string modified = "2015-12-01T00:00:00.000Z") => new()
    {
        ["type"] = "note",
        ["spec_version"] = "2.1",
        ["id"] = Id("note", n),
        ["created"] = "2015-12-01T00:00:00.000Z",
        ["modified"] = modified,
        ["content"] = content,
        ["object_refs"] = new JsonArray(Id("threat-actor", 1)),
    };

    public static StixObject Valid(JsonObject json)
    {
        var result = Validator.Validate(JsonSerializer.SerializeToElement(json));
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        return result.Object!;
    }

    public static JsonObject With(this JsonObject json, string property, JsonNode? value)
    {
        var copy = (JsonObject)json.DeepClone();
        copy[property] = value;
        return copy;
    }
}
