using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Liaison.Core.Validation;

namespace Liaison.Core.Tests.Validation;

/// <summary>Builds STIX test objects: a minimal valid object of any type, then tweak it with With/Without.</summary>
internal static class StixBuilder
{
    public const string Created = "2024-03-01T10:00:00.000Z";
    public const string Modified = "2024-03-02T10:00:00.000Z";
    public const string IdentityId = "identity--5b3c1e2a-8f4d-4c6e-9a1b-2d3e4f5a6b7c";
    public const string ThreatActorId = "threat-actor--9a8a0d25-7636-429b-a99e-b2a73cd0f11f";
    public const string LocationId = "location--a6e9345f-5a15-4c29-8bb3-7dcc5d168d64";
    public const string IndicatorId = "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f";
    public const string Ipv4Id = "ipv4-addr--6a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d";
    public const string FileId = "file--0e1f2a3b-4c5d-4e6f-9a7b-8c9d0e1f2a3b";
    public const string StatementMarkingId = "marking-definition--0e1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b";

    private static int _counter;

    /// <summary>A fresh, well-formed id of the given type (deterministic within a run).</summary>
    public static string NewId(string type) =>
        string.Create(CultureInfo.InvariantCulture, $"{type}--00000000-0000-4000-8000-{Interlocked.Increment(ref _counter):D12}");

    /// <summary>The smallest valid object of each STIX 2.1 type.</summary>
    public static JsonObject Minimal(string type) => type switch
    {
        "attack-pattern" or "campaign" or "course-of-action" or "identity" or "incident" or "infrastructure" or "intrusion-set"
            or "threat-actor" or "tool" or "vulnerability" => Sdo(type).With("name", "Bravo"),
        "grouping" => Sdo(type).With("context", "suspicious-activity").With("object_refs", Array(ThreatActorId)),
        "indicator" => Sdo(type).With("pattern", "[ipv4-addr:value = '198.51.100.1']").With("pattern_type", "stix").With("valid_from", Created),
        "location" => Sdo(type).With("region", "western-asia"),
        "malware" => Sdo(type).With("is_family", false),
        "malware-analysis" => Sdo(type).With("product", "sandbox").With("result", "malicious"),
        "note" => Sdo(type).With("content", "text").With("object_refs", Array(ThreatActorId)),
        "observed-data" => Sdo(type).With("first_observed", Created).With("last_observed", Created).With("number_observed", 1).With("object_refs", Array(Ipv4Id)),
        "opinion" => Sdo(type).With("opinion", "agree").With("object_refs", Array(ThreatActorId)),
        "report" => Sdo(type).With("name", "Daily").With("published", Created).With("object_refs", Array(ThreatActorId)),
        "relationship" => Sdo(type).With("relationship_type", "uses").With("source_ref", ThreatActorId).With("target_ref", "malware--5f6a7b8c-9d0e-4f1a-8b2c-3d4e5f6a7b8c"),
        "sighting" => Sdo(type).With("sighting_of_ref", ThreatActorId),
        "artifact" => Sco(type).With("payload_bin", "VGhpcyBpcyBhIHRlc3Q="),
        "autonomous-system" => Sco(type).With("number", 15139),
        "directory" => Sco(type).With("path", "/tmp"),
        "domain-name" => Sco(type).With("value", "example.org"),
        "email-addr" => Sco(type).With("value", "desk@example.org"),
        "email-message" => Sco(type).With("is_multipart", false),
        "file" => Sco(type).With("name", "a.txt"),
        "ipv4-addr" => Sco(type).With("value", "198.51.100.1"),
        "ipv6-addr" => Sco(type).With("value", "2001:db8::1"),
        "mac-addr" => Sco(type).With("value", "d2:fb:49:24:37:18"),
        "mutex" or "software" => Sco(type).With("name", "x"),
        "network-traffic" => Sco(type).With("src_ref", Ipv4Id).With("protocols", Array("tcp")),
        "process" => Sco(type).With("pid", 4),
        "url" => Sco(type).With("value", "https://example.org/"),
        "user-account" => Sco(type).With("user_id", "1001"),
        "windows-registry-key" => Sco(type).With("key", "HKEY_LOCAL_MACHINE\\Software"),
        "x509-certificate" => Sco(type).With("serial_number", "01"),
        "marking-definition" => new JsonObject
        {
            ["type"] = type, ["spec_version"] = "2.1", ["id"] = NewId(type), ["created"] = Created,
            ["definition_type"] = "statement", ["definition"] = new JsonObject { ["statement"] = "Copyright Liaison" },
        },
        "language-content" => Sdo(type).With("object_ref", ThreatActorId).With("contents", new JsonObject { ["fr"] = new JsonObject { ["name"] = "Bravo" } }),
        "extension-definition" => Sdo(type).With("created_by_ref", IdentityId).With("name", "ext").With("schema", "text").With("version", "1").With("extension_types", Array("new-sdo")),
        _ => throw new ArgumentException($"no minimal object for '{type}'", nameof(type)),
    };

    public static JsonObject Sdo(string type) => new()
    {
        ["type"] = type, ["spec_version"] = "2.1", ["id"] = NewId(type), ["created"] = Created, ["modified"] = Modified,
    };

    public static JsonObject Sco(string type) => new() { ["type"] = type, ["spec_version"] = "2.1", ["id"] = NewId(type) };

    public static JsonArray Array(params JsonNode?[] items) => new(items);

    public static JsonObject With(this JsonObject stixObject, string name, JsonNode? value)
    {
        stixObject[name] = value;
        return stixObject;
    }

    public static JsonObject Without(this JsonObject stixObject, string name)
    {
        stixObject.Remove(name);
        return stixObject;
    }

    public static JsonElement ToElement(this JsonObject stixObject) => JsonSerializer.SerializeToElement(stixObject);

    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    public static StixValidationResult Validate(this JsonObject stixObject, IExtensionCatalog? catalog = null, int? index = null) =>
        new StixValidator(catalog).Validate(stixObject.ToElement(), index);
}
