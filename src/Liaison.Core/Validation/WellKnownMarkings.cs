using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Liaison.Core.Validation;

/// <summary>
/// Marking definitions every STIX node knows without being sent them: the four TLP 1.0 markings built into STIX 2.1
/// (§7.2.1.3) and the five TLP 2.0 markings of the OASIS TLP 2.0 extension
/// (<c>extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d</c>). A reference to one of these resolves even
/// when the input does not carry the object. Immutable and thread safe.
/// </summary>
public static class WellKnownMarkings
{
    /// <summary>TLP 1.0 WHITE (<c>definition_type</c> "tlp").</summary>
    public const string Tlp1WhiteId = "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9";

    /// <summary>TLP 1.0 GREEN.</summary>
    public const string Tlp1GreenId = "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da";

    /// <summary>TLP 1.0 AMBER.</summary>
    public const string Tlp1AmberId = "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82";

    /// <summary>TLP 1.0 RED.</summary>
    public const string Tlp1RedId = "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed";

    /// <summary>TLP 2.0 CLEAR.</summary>
    public const string Tlp2ClearId = "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487";

    /// <summary>TLP 2.0 GREEN.</summary>
    public const string Tlp2GreenId = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb";

    /// <summary>TLP 2.0 AMBER.</summary>
    public const string Tlp2AmberId = "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421";

    /// <summary>TLP 2.0 AMBER+STRICT.</summary>
    public const string Tlp2AmberStrictId = "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003";

    /// <summary>TLP 2.0 RED.</summary>
    public const string Tlp2RedId = "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1";

    /// <summary>The id of the OASIS TLP 2.0 marking extension definition.</summary>
    public const string Tlp2ExtensionId = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";

    internal const string Tlp1Created = "2017-01-20T00:00:00.000Z";
    private const string Tlp2Created = "2022-10-01T00:00:00.000Z";

    private static readonly (string Id, string Name, string Color, bool Tlp2)[] Table =
    [
        (Tlp1WhiteId, "TLP:WHITE", "white", false),
        (Tlp1GreenId, "TLP:GREEN", "green", false),
        (Tlp1AmberId, "TLP:AMBER", "amber", false),
        (Tlp1RedId, "TLP:RED", "red", false),
        (Tlp2ClearId, "TLP:CLEAR", "clear", true),
        (Tlp2GreenId, "TLP:GREEN", "green", true),
        (Tlp2AmberId, "TLP:AMBER", "amber", true),
        (Tlp2AmberStrictId, "TLP:AMBER+STRICT", "amber+strict", true),
        (Tlp2RedId, "TLP:RED", "red", true),
    ];

    private static readonly FrozenDictionary<string, (string Name, string Color, bool Tlp2, JsonElement Json)> ById =
        Table.ToFrozenDictionary(row => row.Id, row => (row.Name, row.Color, row.Tlp2, Build(row.Id, row.Name, row.Color, row.Tlp2)), StringComparer.Ordinal);

    /// <summary>The nine marking-definition objects, TLP 1.0 first, as standalone JSON elements.</summary>
    public static IReadOnlyList<JsonElement> All { get; } = Table.Select(row => ById[row.Id].Json).ToArray();

    /// <summary>Whether <paramref name="id"/> is one of the TLP 1.0 or TLP 2.0 marking-definition ids.</summary>
    public static bool IsWellKnown(string id) => ById.ContainsKey(id);

    /// <summary>Finds a well-known marking's display name (e.g. "TLP:AMBER+STRICT").</summary>
    public static bool TryGetName(string id, [NotNullWhen(true)] out string? name)
    {
        var found = ById.TryGetValue(id, out var row);
        name = found ? row.Name : null;
        return found;
    }

    /// <summary>Finds a well-known marking's full marking-definition object.</summary>
    public static bool TryGetJson(string id, out JsonElement json)
    {
        var found = ById.TryGetValue(id, out var row);
        json = found ? row.Json : default;
        return found;
    }

    /// <summary>Name and colour of a TLP 1.0 marking (the only ones allowed with definition_type "tlp").</summary>
    internal static bool TryGetTlp1(string id, [NotNullWhen(true)] out string? name, [NotNullWhen(true)] out string? color)
    {
        if (ById.TryGetValue(id, out var row) && !row.Tlp2)
        {
            (name, color) = (row.Name, row.Color);
            return true;
        }

        (name, color) = (null, null);
        return false;
    }

    /// <summary>Name and colour of a TLP 2.0 marking (the only ones the TLP 2.0 extension defines).</summary>
    internal static bool TryGetTlp2(string id, [NotNullWhen(true)] out string? name, [NotNullWhen(true)] out string? color)
    {
        if (ById.TryGetValue(id, out var row) && row.Tlp2)
        {
            (name, color) = (row.Name, row.Color);
            return true;
        }

        (name, color) = (null, null);
        return false;
    }

    private static JsonElement Build(string id, string name, string color, bool tlp2)
    {
        var common = "{\"type\":\"marking-definition\",\"spec_version\":\"2.1\",\"id\":\"" + id + "\",\"created\":\"" + (tlp2 ? Tlp2Created : Tlp1Created) + "\"";
        var json = tlp2
            ? common + ",\"name\":\"" + name + "\",\"extensions\":{\"" + Tlp2ExtensionId + "\":{\"extension_type\":\"property-extension\",\"tlp_2_0\":\"" + color + "\"}}}"
            : common + ",\"definition_type\":\"tlp\",\"name\":\"" + name + "\",\"definition\":{\"tlp\":\"" + color + "\"}}";
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
