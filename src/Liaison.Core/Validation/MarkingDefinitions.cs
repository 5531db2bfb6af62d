using System.Text.Json;

namespace Liaison.Core.Validation;

/// <summary>
/// marking-definition rules (§7.2.1): a definition (definition_type + definition) unless the marking is defined by an
/// extension (as TLP 2.0 is); a statement definition carries a statement; TLP 1.0 markings must be exactly the four
/// built into the spec, since "other instances of tlp-marking MUST NOT be used or created".
/// </summary>
internal static class MarkingDefinitions
{
    private static readonly string[] Tlp2Colours = ["clear", "green", "amber", "amber+strict", "red"];

    private static readonly string[] Tlp1Properties = ["type", "spec_version", "id", "created", "definition_type", "name", "definition"];

    public static void Check(ValidationContext context, JsonElement value, Loc path, ulong seen)
    {
        CheckWellKnownIdentity(context, value, path);
        var hasType = value.TryGetProperty("definition_type", out var definitionType);
        var hasDefinition = value.TryGetProperty("definition", out var definition);
        if (!hasType && !hasDefinition)
        {
            if (!value.TryGetProperty("extensions", out _))
            {
                context.Error(path, "a marking-definition must have definition_type and definition, or be defined by an extension in extensions; none is present");
            }

            return;
        }

        if (hasType != hasDefinition)
        {
            context.Error(path, hasType ? "definition_type is present without definition" : "definition is present without definition_type");
            return;
        }

        if (definitionType.ValueKind != JsonValueKind.String || definition.ValueKind != JsonValueKind.Object)
        {
            return; // Reported by the property walk.
        }

        if (definitionType.ValueEquals("statement"))
        {
            if (!definition.TryGetProperty("statement", out var statement) || statement.ValueKind != JsonValueKind.String)
            {
                context.Error(path.Prop("definition"), "a statement marking's definition must have a string property 'statement'");
            }
        }
        else if (definitionType.ValueEquals("tlp"))
        {
            CheckTlp1(context, value, definition, path);
        }
    }

    /// <summary>
    /// A well-known marking id must carry the well-known meaning: nobody may publish "TLP:GREEN's id" with other
    /// content. TLP 1.0 ids must be defined with definition_type "tlp"; TLP 2.0 ids through the TLP 2.0 extension.
    /// </summary>
    private static void CheckWellKnownIdentity(ValidationContext context, JsonElement value, Loc path)
    {
        if (context.Id is null)
        {
            return;
        }

        if (WellKnownMarkings.TryGetTlp1(context.Id, out var tlp1Name, out _)
            && !(value.TryGetProperty("definition_type", out var definitionType) && definitionType.ValueEquals("tlp")))
        {
            context.Error(path.Prop("id"), $"{context.Id} is the TLP 1.0 {tlp1Name} marking, which must be defined with definition_type 'tlp' exactly as in the STIX 2.1 specification");
        }

        if (WellKnownMarkings.TryGetTlp2(context.Id, out var tlp2Name, out _)
            && !(value.TryGetProperty("extensions", out var extensions) && extensions.ValueKind == JsonValueKind.Object
                 && extensions.TryGetProperty(WellKnownMarkings.Tlp2ExtensionId, out _)))
        {
            context.Error(path.Prop("id"), $"{context.Id} is the TLP 2.0 {tlp2Name} marking, which must be defined through the TLP 2.0 extension ({WellKnownMarkings.Tlp2ExtensionId})");
        }
    }

    /// <summary>The TLP 2.0 extension (its published schema) defines exactly five markings: fixed id, name and tlp_2_0 together.</summary>
    public static void CheckTlp2(ValidationContext context, JsonElement body, Loc bodyPath)
    {
        if (context.Type != "marking-definition")
        {
            return;
        }

        if (context.Id is null || !WellKnownMarkings.TryGetTlp2(context.Id, out var name, out var color))
        {
            context.Error(Loc.Root.Prop("id"), $"the TLP 2.0 extension defines only the five TLP 2.0 markings (TLP:CLEAR, TLP:GREEN, TLP:AMBER, TLP:AMBER+STRICT, TLP:RED with their fixed ids), found id '{context.Id}'");
            return;
        }

        // An unknown colour has already been reported against the extension's vocabulary.
        if (body.TryGetProperty("tlp_2_0", out var tlp) && tlp.ValueKind == JsonValueKind.String
            && Array.IndexOf(Tlp2Colours, tlp.GetString()) >= 0 && !tlp.ValueEquals(color))
        {
            context.Error(bodyPath.Prop("tlp_2_0"), $"{context.Id} is {name}, so tlp_2_0 must be '{color}', found '{JsonText.Shorten(tlp.GetString()!)}'");
        }

        if (!context.Root.TryGetProperty("name", out var nameValue) || !nameValue.ValueEquals(name))
        {
            context.Error(Loc.Root.Prop("name"), $"{context.Id} is {name}, so its name must be '{name}'");
        }
    }

    private static void CheckTlp1(ValidationContext context, JsonElement value, JsonElement definition, Loc path)
    {
        if (context.Id is null || !WellKnownMarkings.TryGetTlp1(context.Id, out var name, out var color))
        {
            context.Error(path.Prop("id"), $"a TLP 1.0 marking (definition_type 'tlp') must be one of the four defined by STIX 2.1 (TLP:WHITE, TLP:GREEN, TLP:AMBER, TLP:RED with their fixed ids), found id '{context.Id}'");
            return;
        }

        if (!definition.TryGetProperty("tlp", out var tlp) || !tlp.ValueEquals(color))
        {
            context.Error(path.Prop("definition").Prop("tlp"), $"{context.Id} is {name}, so definition.tlp must be '{color}'");
        }

        if (!value.TryGetProperty("name", out var nameValue) || !nameValue.ValueEquals(name))
        {
            context.Error(path.Prop("name"), $"{context.Id} is {name}, so its name must be '{name}'");
        }

        if (!value.TryGetProperty("created", out var created) || !created.ValueEquals(WellKnownMarkings.Tlp1Created))
        {
            context.Error(path.Prop("created"), $"the TLP 1.0 markings were created {WellKnownMarkings.Tlp1Created}; created must be exactly that");
        }

        if (!value.TryGetProperty("spec_version", out var version) || !version.ValueEquals("2.1"))
        {
            context.Error(path.Prop("spec_version"), "a TLP 1.0 marking must have spec_version '2.1'");
        }

        foreach (var property in value.EnumerateObject())
        {
            if (Array.IndexOf(Tlp1Properties, property.Name) < 0)
            {
                context.Error(path.Prop(property.Name), $"the TLP 1.0 marking {name} is fixed by the spec and must not carry '{property.Name}'");
            }
        }
    }
}
