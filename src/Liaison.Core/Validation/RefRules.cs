using System.Text.Json;
using Liaison.Core.Stix;

namespace Liaison.Core.Validation;

/// <summary>Identifier references (<c>*_ref</c>, <c>*_refs</c>): well-formed identifiers of an allowed type.</summary>
internal static class RefRules
{
    /// <summary>Checks one reference value; <paramref name="path"/> names it in messages.</summary>
    public static void CheckRef(ValidationContext context, JsonElement value, Loc path, RefTarget targets)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            context.Error(path, $"{path.Leaf} must be an identifier string of the form 'type--UUID', found {JsonText.Describe(value)}");
            return;
        }

        var text = value.GetString()!;
        if (!StixId.TryParse(text, out _, out var reason))
        {
            context.Error(path, $"{path.Leaf} must be an identifier: {reason}");
            return;
        }

        var type = text.AsSpan(0, text.IndexOf("--", StringComparison.Ordinal));
        if (!targets.Allows(type))
        {
            context.Error(path, $"{path.Leaf} must reference {targets.Description}, found '{JsonText.Shorten(text)}'");
            return;
        }

        if (ReferenceEquals(targets, RefTarget.MarkingDefinition))
        {
            if (string.Equals(text, context.Id, StringComparison.Ordinal))
            {
                context.Error(path, $"a marking-definition must not mark itself ({path.Leaf} is its own id)");
                return;
            }

            context.AddMarkingRef(text);
        }
    }

    /// <summary>Checks a non-empty list of references.</summary>
    public static void CheckRefList(ValidationContext context, JsonElement value, Loc path, RefTarget targets)
    {
        if (!ValueChecks.NonEmptyArray(context, value, path, "identifiers"))
        {
            return;
        }

        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            CheckRef(context, item, path.At(i), targets);
            i++;
        }
    }
}
