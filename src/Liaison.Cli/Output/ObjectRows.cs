using System.Text.Json;
using System.Text.Json.Nodes;
using Liaison.Core.Stix;
using Liaison.Storage;

namespace Liaison.Cli.Output;

/// <summary>How stored objects are shown: one table row each, or their JSON with the node's metadata.</summary>
internal static class ObjectRows
{
    public static readonly string[] Headers = ["type", "id", "name", "version", "added"];

    public static IReadOnlyList<string> Row(StoredObject stored)
    {
        var json = stored.ToJsonElement();
        return [stored.Type, stored.Id, Label(json) + (stored.Revoked ? " (revoked)" : string.Empty), VersionText(json), Microseconds(stored.AddedAtMicroseconds)];
    }

    /// <summary>A short human label: the name, else the first words of the description or content, else the type.</summary>
    public static string Label(JsonElement json)
    {
        foreach (var property in (string[])["name", "value", "relationship_type", "content", "description", "abstract"])
        {
            if (json.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String)
            {
                var text = value.GetString()!;
                return text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");
            }
        }

        return string.Empty;
    }

    public static JsonNode ToJson(StoredObject stored) => new JsonObject
    {
        ["added_at"] = Microseconds(stored.AddedAtMicroseconds),
        ["latest"] = stored.IsLatest,
        ["revoked"] = stored.Revoked,
        ["content_hash"] = Convert.ToHexStringLower(stored.ContentHash),
        ["object"] = JsonNode.Parse(stored.Utf8Json),
    };

    public static string Microseconds(long unixMicroseconds) => StixTimestamp.FromUnixMicroseconds(unixMicroseconds).Text;

    private static string VersionText(JsonElement json) =>
        json.TryGetProperty("modified", out var modified) && modified.ValueKind == JsonValueKind.String ? modified.GetString()!
        : json.TryGetProperty("created", out var created) && created.ValueKind == JsonValueKind.String ? created.GetString()!
        : "-";
}
