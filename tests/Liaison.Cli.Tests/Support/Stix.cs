using System.Text.Json.Nodes;

namespace Liaison.Cli.Tests.Support;

/// <summary>Builders for small, valid STIX 2.1 objects and the files that carry them.</summary>
internal static class Stix
{
    public const string Created = "2015-12-01T00:00:00.000Z";

    /// <summary>A fixed, valid id: <c>type--00000000-0000-4000-8000-00000000000n</c>.</summary>
    public static string Id(string type, int n) => $"{type}--00000000-0000-4000-8000-{n:D12}";

    public static JsonObject Identity(int n, string name, string modified = Created) => new()
    {
        ["type"] = "identity",
        ["spec_version"] = "2.1",
        ["id"] = Id("identity", n),
        ["created"] = Created,
        ["modified"] = modified,
        ["name"] = name,
        ["identity_class"] = "organization",
    };

    /// <summary>A point location; its time span (for <c>--since</c>/<c>--until</c>) runs from created to modified.</summary>
    public static JsonObject Location(int n, string name, double lat, double lon, string created = Created, string? modified = null) => new()
    {
        ["type"] = "location",
        ["spec_version"] = "2.1",
        ["id"] = Id("location", n),
        ["created"] = created,
        ["modified"] = modified ?? created,
        ["name"] = name,
        ["latitude"] = lat,
        ["longitude"] = lon,
    };

    public static JsonObject ThreatActor(int n, string name, string? description = null)
    {
        var json = new JsonObject
        {
            ["type"] = "threat-actor",
            ["spec_version"] = "2.1",
            ["id"] = Id("threat-actor", n),
            ["created"] = Created,
            ["modified"] = Created,
            ["name"] = name,
        };
        if (description is not null)
        {
            json["description"] = description;
        }

        return json;
    }

    public static JsonObject StatementMarking(int n, string statement) => new()
    {
        ["type"] = "marking-definition",
        ["spec_version"] = "2.1",
        ["id"] = Id("marking-definition", n),
        ["created"] = Created,
        ["definition_type"] = "statement",
        ["definition"] = new JsonObject { ["statement"] = statement },
    };

    public static JsonObject With(this JsonObject json, string property, JsonNode? value)
    {
        json[property] = value;
        return json;
    }

    /// <summary>A bundle holding <paramref name="objects"/> (deep-copied), pretty-printed across lines.</summary>
    public static string Bundle(params JsonObject[] objects) => new JsonObject
    {
        ["type"] = "bundle",
        ["id"] = "bundle--00000000-0000-4000-8000-000000000000",
        ["objects"] = new JsonArray(objects.Select(o => o.DeepClone()).ToArray()),
    }.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });

    /// <summary>One object per line.</summary>
    public static string JsonLines(params JsonObject[] objects) =>
        string.Concat(objects.Select(o => o.ToJsonString() + "\n"));
}
