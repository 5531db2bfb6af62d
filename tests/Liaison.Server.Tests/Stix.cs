using System.Text.Json.Nodes;

namespace Liaison.Server.Tests;

/// <summary>Small valid STIX objects for the tests.</summary>
internal static class Stix
{
    public static string Id(string type, int n) => $"{type}--{new Guid($"00000000-0000-4000-8000-{n:D12}"):D}";

    public static JsonObject Note(int n, string content, string modified = "2015-12-15T00:00:00.000Z") => new()
    {
        ["type"] = "note",
        ["spec_version"] = "2.1",
        ["id"] = Id("note", n),
        ["created"] = "2015-12-15T00:00:00.000Z",
        ["modified"] = modified,
        ["content"] = content,
        ["object_refs"] = new JsonArray(Id("threat-actor", 1)),
    };

    public static JsonObject ThreatActor(int n, string name) => new()
    {
        ["type"] = "threat-actor",
        ["spec_version"] = "2.1",
        ["id"] = Id("threat-actor", n),
        ["created"] = "2015-12-15T00:00:00.000Z",
        ["modified"] = "2015-12-15T00:00:00.000Z",
        ["name"] = name,
    };
}
