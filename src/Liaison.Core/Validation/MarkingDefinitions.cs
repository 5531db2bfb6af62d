using System.Text.Json;

namespace Liaison.Core.Validation;

/// <summary>
/// marking-definition rules (§7.2.1): a definition (definition_type + definition) unless the marking is defined by an
/// extension (as TLP 2.0 is); a statement definition carries a statement; TLP 1.0 markings must be exactly the four
/// built into the spec, since "other instances of tlp-marking MUST NOT be used or created".
/// </summary>
internal static class MarkingDefinitions
{
    private static readonly string[] Tlp1Properties = ["type", "spec_version", "id", "created", "definition_type", "name", "definition"];

    public static void Check(ValidationContext context, JsonElement value, Loc path, ulong seen)
    {
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
