using System.Text.Json;
using Liaison.Core.Stix;

namespace Liaison.Core.Validation;

/// <summary>The properties every object has: type, id and spec_version, and the choice of catalogue row.</summary>
public sealed partial class StixValidator
{
    private static StixId? ReadId(ValidationContext context, JsonElement element)
    {
        if (!element.TryGetProperty("id", out var value))
        {
            context.Error(Loc.Root, "required property 'id' is missing (every STIX object has an id of the form 'type--UUID')");
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            context.Error(Loc.Root.Prop("id"), $"id must be a string of the form 'type--UUID', found {JsonText.Describe(value)}");
            return null;
        }

        context.Id = value.GetString();
        if (!StixId.TryParse(context.Id, out var id, out var reason))
        {
            context.Error(Loc.Root.Prop("id"), $"id is not a STIX identifier: {reason}");
            return null;
        }

        return id;
    }

    private static string? ReadType(ValidationContext context, JsonElement element)
    {
        if (!element.TryGetProperty("type", out var value))
        {
            context.Error(Loc.Root, "required property 'type' is missing");
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            context.Error(Loc.Root.Prop("type"), $"type must be a string naming the object's type, found {JsonText.Describe(value)}");
            return null;
        }

        var type = value.GetString()!;
        context.Type = type;
        if (!StixNames.IsValidTypeName(type, out var reason))
        {
            context.Error(Loc.Root.Prop("type"), reason!);
            return null;
        }

        if (type == "bundle")
        {
            context.Error(Loc.Root.Prop("type"), "a bundle is a container, not a STIX object: it cannot appear as an object (nest its objects instead)");
            return null;
        }

        if (type == "action")
        {
            context.Error(Loc.Root.Prop("type"), "type name 'action' is reserved by STIX 2.1 and must not be used");
            return null;
        }

        return type;
    }

    private static void CheckIdMatchesType(ValidationContext context, StixId? id, string type)
    {
        if (id is { } parsed && !string.Equals(parsed.Type, type, StringComparison.Ordinal))
        {
            context.Error(Loc.Root.Prop("id"), $"id '{JsonText.Shorten(parsed.Value)}' must start with '{type}--' (the object's type), found type '{parsed.Type}'");
        }
    }

    /// <summary>
    /// The catalogue row for a spec type; for any other type, the custom stand-in for the family its extension
    /// declares (new-sdo, new-sro, new-sco). Legacy custom objects (type "x-...", deprecated in 2.1) are accepted:
    /// SDO-like when they carry created, observable-like otherwise.
    /// </summary>
    private static ObjectSpec? ResolveSpec(ValidationContext context, JsonElement element, string type)
    {
        if (TypeCatalog.TryGet(type, out var spec))
        {
            return spec;
        }

        if (ExtensionRules.DeclaredNewType(element) is { } declared)
        {
            return declared.Category switch
            {
                ObjectCategory.Sdo => TypeCatalog.CustomSdo,
                ObjectCategory.Sro => TypeCatalog.CustomSro,
                _ => TypeCatalog.CustomSco,
            };
        }

        if (type.StartsWith("x-", StringComparison.Ordinal))
        {
            return element.TryGetProperty("created", out _) ? TypeCatalog.CustomSdo : TypeCatalog.CustomSco;
        }

        context.Error(
            Loc.Root.Prop("type"),
            $"'{type}' is not a STIX 2.1 object type; a custom object type must be defined by an extension definition " +
            "(extensions: {\"extension-definition--<UUID>\": {\"extension_type\": \"new-sdo\" | \"new-sro\" | \"new-sco\"}}) " +
            "or, in the deprecated legacy form, start with 'x-'");
        return null;
    }

    /// <summary>spec_version is "2.1": required on SDOs, SROs and meta objects, optional on SCOs.</summary>
    private static void CheckSpecVersion(ValidationContext context, JsonElement element, ObjectSpec spec)
    {
        if (!element.TryGetProperty("spec_version", out var value))
        {
            return; // Required-ness is in the catalogue.
        }

        if (value.ValueKind != JsonValueKind.String || !value.ValueEquals("2.1"))
        {
            var where = spec.Category == ObjectCategory.Sco ? "when present on a cyber-observable, " : string.Empty;
            context.Error(Loc.Root.Prop("spec_version"), $"{where}spec_version must be '2.1' (this node speaks STIX 2.1), found {JsonText.Describe(value)}");
        }
    }
}
