using System.Text.Json;

namespace Liaison.Core.Validation;

/// <summary>Common properties of each object family (spec §3.2) and the shared nested structures.</summary>
internal static class CommonSpecs
{
    public static readonly ObjectSpec KillChainPhase = new(
        "kill chain phase",
        [P.Str("kill_chain_name").Req(), P.Str("phase_name").Req()]);

    public static readonly ObjectSpec ExternalReference = new(
        "external reference",
        [P.Str("source_name").Req(), P.Str("description"), P.Str("url"), P.Hashes("hashes"), P.Str("external_id")],
        atLeastOneOf: [["description", "url", "external_id"]],
        check: CheckExternalReference);

    private static PropertyRule Type => new("type", ValueKind.Special) { IsRequired = true };

    private static PropertyRule Id => new("id", ValueKind.Special) { IsRequired = true };

    private static PropertyRule SpecVersion => new("spec_version", ValueKind.Special);

    private static PropertyRule Created(ValueKind kind) => new("created", kind) { IsRequired = true, Slot = PropertySlot.Created };

    private static PropertyRule ObjectMarkingRefs => P.Refs("object_marking_refs", RefTarget.MarkingDefinition);

    private static PropertyRule GranularMarkingsRule => new("granular_markings", ValueKind.GranularMarkings);

    private static PropertyRule ExtensionsRule => new("extensions", ValueKind.Extensions);

    private static PropertyRule ExternalReferences => P.Objs("external_references", ExternalReference);

    /// <summary>SDO and SRO common properties (also used by language-content and extension-definition).</summary>
    public static readonly PropertyRule[] Core =
    [
        Type,
        SpecVersion.Req(),
        Id,
        P.Ref("created_by_ref", RefTarget.Identity),
        Created(ValueKind.TimestampMillis),
        new("modified", ValueKind.TimestampMillis) { IsRequired = true, Slot = PropertySlot.Modified },
        P.Bool("revoked"),
        P.Strs("labels"),
        P.Int("confidence", 0, 100),
        P.Str("lang").As(StringFormat.LanguageTag),
        ExternalReferences,
        ObjectMarkingRefs,
        GranularMarkingsRule,
        ExtensionsRule,
    ];

    /// <summary>SCO common properties: no created/modified, spec_version optional.</summary>
    public static readonly PropertyRule[] CyberObservable =
    [
        Type,
        SpecVersion,
        Id,
        ObjectMarkingRefs,
        GranularMarkingsRule,
        P.Bool("defanged"),
        ExtensionsRule,
    ];

    /// <summary>marking-definition's own property set (§7.2.1): created without the millisecond rule, no modified.</summary>
    public static readonly PropertyRule[] Marking =
    [
        Type,
        SpecVersion.Req(),
        Id,
        P.Ref("created_by_ref", RefTarget.Identity),
        Created(ValueKind.Timestamp),
        ExternalReferences,
        ObjectMarkingRefs,
        GranularMarkingsRule,
        ExtensionsRule,
        P.Str("name"),
        P.Str("definition_type"),
        new("definition", ValueKind.Object) { Item = new ObjectSpec("marking definition body", []) },
    ];

    /// <summary>CVE and CAPEC references must carry an external_id of the registry's form.</summary>
    private static void CheckExternalReference(ValidationContext context, JsonElement value, Loc path, ulong seen)
    {
        if (!value.TryGetProperty("source_name", out var source) || source.ValueKind != JsonValueKind.String)
        {
            return;
        }

        var sourceName = source.GetString();
        var (prefix, example) = sourceName switch
        {
            "cve" => ("CVE-", "CVE-2016-1234"),
            "capec" => ("CAPEC-", "CAPEC-163"),
            _ => (null, null),
        };
        if (prefix is null)
        {
            return;
        }

        if (!value.TryGetProperty("external_id", out var externalId))
        {
            context.Error(path, $"an external reference with source_name '{sourceName}' must have external_id (e.g. '{example}')");
            return;
        }

        var id = externalId.ValueKind == JsonValueKind.String ? externalId.GetString()! : null;
        if (id is null)
        {
            return; // Reported as a type error by the walk.
        }

        var ok = sourceName == "cve" ? IsCveId(id) : IsCapecId(id);
        if (!ok)
        {
            context.Error(path.Prop("external_id"), $"external_id of a '{sourceName}' reference must look like '{example}', found '{JsonText.Shorten(id)}'");
        }
    }

    /// <summary>CVE-YYYY-NNNN: four-digit year, then 4 digits starting with 0, or 4+ digits not starting with 0.</summary>
    private static bool IsCveId(string id)
    {
        if (id.Length < 13 || !id.StartsWith("CVE-", StringComparison.Ordinal) || id[8] != '-' || !AllDigits(id.AsSpan(4, 4)))
        {
            return false;
        }

        var number = id.AsSpan(9);
        return AllDigits(number) && (number[0] != '0' ? number.Length >= 4 : number.Length == 4);
    }

    private static bool IsCapecId(string id) => id.Length > 6 && id.StartsWith("CAPEC-", StringComparison.Ordinal) && AllDigits(id.AsSpan(6));

    private static bool AllDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return !text.IsEmpty;
    }
}
