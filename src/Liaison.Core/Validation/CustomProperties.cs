using System.Text.Json;
using Liaison.Core.Stix;

namespace Liaison.Core.Validation;

/// <summary>
/// Properties the catalogue does not define for the object's type (custom or top-level extension properties):
/// a valid property name that is not reserved, a non-null value, and the suffix conventions of the spec
/// (<c>_ref</c> is an identifier, <c>_refs</c> a list of identifiers, <c>_bin</c> base64, <c>_hex</c> hexadecimal).
/// </summary>
internal static class CustomProperties
{
    /// <summary>Names reserved by STIX 2.1 for future use; no object may carry them.</summary>
    private static readonly string[] Reserved = ["severity", "action", "username", "phone_numbers"];

    public static void Check(ValidationContext context, JsonProperty property, Loc parent, bool reservedNamesApply)
    {
        var name = property.Name;
        var path = parent.Prop(name);
        if (!StixNames.IsValidPropertyName(name, out var reason))
        {
            context.Error(path, reason!);
            return;
        }

        if (reservedNamesApply && Array.IndexOf(Reserved, name) >= 0)
        {
            context.Error(path, $"property name '{name}' is reserved by STIX 2.1 and must not be used");
            return;
        }

        var value = property.Value;
        if (name.EndsWith("_ref", StringComparison.Ordinal))
        {
            RefRules.CheckRef(context, value, path, RefTarget.AnyObject);
        }
        else if (name.EndsWith("_refs", StringComparison.Ordinal))
        {
            RefRules.CheckRefList(context, value, path, RefTarget.AnyObject);
        }
        else if (name.EndsWith("_bin", StringComparison.Ordinal) || name.EndsWith("_hex", StringComparison.Ordinal))
        {
            var format = name[^1] == 'n' ? StringFormat.Base64 : StringFormat.Hex;
            if (value.ValueKind != JsonValueKind.String || !Formats.Matches(format, value.GetString()!))
            {
                context.Error(path, $"{name} must be {Formats.Describe(format)} (the '{name[^4..]}' suffix says so), found {JsonText.Describe(value)}");
            }
        }
        else
        {
            ValueChecks.CheckAnyValue(context, value, path);
        }
    }
}
