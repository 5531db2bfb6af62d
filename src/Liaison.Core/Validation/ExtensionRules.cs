using System.Text.Json;
using Liaison.Core.Stix;

namespace Liaison.Core.Validation;

/// <summary>
/// The <c>extensions</c> dictionary (spec §7.3 and §11): keys are extension-definition ids or predefined
/// <c>*-ext</c> names; each body is a non-empty object. Bodies keyed by an extension-definition id carry an
/// <c>extension_type</c>; known extensions (the TLP 2.0 one built in, others through <see cref="IExtensionCatalog"/>)
/// are checked against their definition.
/// </summary>
internal static class ExtensionRules
{
    public const string NewSdo = "new-sdo";
    public const string NewSro = "new-sro";
    public const string NewSco = "new-sco";

    internal static readonly string[] ExtensionTypes = [NewSdo, NewSco, NewSro, "property-extension", "toplevel-property-extension"];

    private const string DefinitionPrefix = "extension-definition--";

    private static readonly ObjectSpec Tlp2Body = new(
        "TLP 2.0 marking extension",
        [
            P.Str("extension_type").Req().OneOf("property-extension"),
            P.Str("tlp_2_0").Req().OneOf("clear", "green", "amber", "amber+strict", "red"),
        ]);

    public static void Check(ValidationContext context, JsonElement value, Loc path)
    {
        if (!ValueChecks.IsObject(context, value, path))
        {
            return;
        }

        var count = 0;
        foreach (var entry in value.EnumerateObject())
        {
            count++;
            var key = entry.Name;
            var bodyPath = path.Prop(key);
            if (key.StartsWith(DefinitionPrefix, StringComparison.Ordinal))
            {
                CheckDefinitionKeyed(context, key, entry.Value, bodyPath);
            }
            else if (IsPredefinedName(key))
            {
                CheckPredefined(context, key, entry.Value, bodyPath);
            }
            else
            {
                context.Error(bodyPath, $"extension key '{JsonText.Shorten(key)}' must be an extension definition id ('extension-definition--<UUID>') or a predefined extension name ending in '-ext'");
            }
        }

        if (count == 0)
        {
            context.Error(path, "extensions must have at least one extension, found an empty object");
        }
    }

    /// <summary>
    /// For an object whose type is not a spec type: the extension that declares it as a new SDO, SRO or SCO, read
    /// from its own <c>extensions</c> (first match), or null.
    /// </summary>
    public static (ObjectCategory Category, string ExtensionId)? DeclaredNewType(JsonElement root)
    {
        if (!root.TryGetProperty("extensions", out var extensions) || extensions.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var entry in extensions.EnumerateObject())
        {
            if (entry.Value.ValueKind == JsonValueKind.Object
                && entry.Value.TryGetProperty("extension_type", out var kind) && kind.ValueKind == JsonValueKind.String
                && entry.Name.StartsWith(DefinitionPrefix, StringComparison.Ordinal))
            {
                ObjectCategory? category = kind.GetString() switch
                {
                    NewSdo => ObjectCategory.Sdo,
                    NewSro => ObjectCategory.Sro,
                    NewSco => ObjectCategory.Sco,
                    _ => null,
                };
                if (category is { } found)
                {
                    return (found, entry.Name);
                }
            }
        }

        return null;
    }

    private static void CheckDefinitionKeyed(ValidationContext context, string key, JsonElement body, Loc bodyPath)
    {
        if (!StixId.TryParse(key, out _, out var reason))
        {
            context.Error(bodyPath, $"extension key must be an extension definition id: {reason}");
        }

        if (!IsNonEmptyObject(context, body, bodyPath))
        {
            return;
        }

        if (string.Equals(key, WellKnownMarkings.Tlp2ExtensionId, StringComparison.Ordinal))
        {
            if (context.Type != "marking-definition")
            {
                context.Error(bodyPath, $"the TLP 2.0 extension applies to marking-definition objects only, not to '{context.Type}'");
            }

            PropertyWalker.Walk(context, body, bodyPath, Tlp2Body, topLevel: false);
            MarkingDefinitions.CheckTlp2(context, body, bodyPath);
            return;
        }

        string? extensionType = null;
        foreach (var property in body.EnumerateObject())
        {
            if (property.NameEquals("extension_type"))
            {
                extensionType = CheckExtensionType(context, property.Value, bodyPath.Prop("extension_type"));
            }
            else
            {
                CustomProperties.Check(context, property, bodyPath, reservedNamesApply: false);
            }
        }

        if (!body.TryGetProperty("extension_type", out _))
        {
            context.Error(bodyPath, $"an extension keyed by its definition id must have extension_type (one of {string.Join(", ", ExtensionTypes)})");
        }

        var definesNewType = extensionType is NewSdo or NewSro or NewSco;
        if (definesNewType && context.Spec is { IsCustom: false })
        {
            context.Error(bodyPath.Prop("extension_type"), $"extension_type '{extensionType}' defines a new object type, but '{context.Type}' is a STIX 2.1 type (extensions must not redefine spec objects)");
        }

        if (context.Extensions is { } catalog && catalog.TryGet(key, out var known))
        {
            if (definesNewType && known.DefinesType is { } definedType && !string.Equals(definedType, context.Type, StringComparison.Ordinal))
            {
                context.Error(bodyPath, $"extension {key} defines objects of type '{definedType}', not '{context.Type}'");
            }

            known.Validate(context.Root, body, bodyPath.ToString(), context.Index, context.Id, context.Errors);
        }
    }

    private static string? CheckExtensionType(ValidationContext context, JsonElement value, Loc path)
    {
        var text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        if (text is null || Array.IndexOf(ExtensionTypes, text) < 0)
        {
            context.Error(path, $"extension_type must be one of {string.Join(", ", ExtensionTypes)}, found {JsonText.Describe(value)}");
            return null;
        }

        return text;
    }

    private static void CheckPredefined(ValidationContext context, string key, JsonElement body, Loc bodyPath)
    {
        if (context.Type == "marking-definition")
        {
            context.Error(bodyPath, $"a marking-definition's extensions must be keyed by extension definition ids, found '{key}'");
            return;
        }

        if (!IsNonEmptyObject(context, body, bodyPath))
        {
            return;
        }

        if (context.Spec?.PredefinedExtensions is { } predefined && predefined.TryGetValue(key, out var spec))
        {
            PropertyWalker.Walk(context, body, bodyPath, spec, topLevel: false);
            return;
        }

        // A custom (pre-extension-definition, deprecated) extension: only the generic property rules apply.
        foreach (var property in body.EnumerateObject())
        {
            CustomProperties.Check(context, property, bodyPath, reservedNamesApply: false);
        }
    }

    private static bool IsNonEmptyObject(ValidationContext context, JsonElement body, Loc path)
    {
        if (!ValueChecks.IsObject(context, body, path))
        {
            return false;
        }

        using var properties = body.EnumerateObject();
        if (!properties.MoveNext())
        {
            context.Error(path, "an extension must have at least one property, found an empty object");
            return false;
        }

        return true;
    }

    /// <summary>Predefined and legacy custom extension names: a type-name-like string ending in "-ext".</summary>
    private static bool IsPredefinedName(string key) =>
        key.Length > 4 && key.EndsWith("-ext", StringComparison.Ordinal) && StixNames.IsValidTypeName(key, out _);
}
