using System.Globalization;
using System.Text.Json;

namespace Liaison.Core.Validation;

/// <summary>
/// Granular markings (spec §7.2.3): each entry has non-empty <c>selectors</c> and exactly one of <c>marking_ref</c>
/// or <c>lang</c>; every selector must resolve to content present in the object. Selector syntax (§7.2.3.1):
/// property names separated by '.', list positions written <c>[n]</c>, e.g. <c>external_references.[0].url</c>.
/// </summary>
internal static class GranularMarkings
{
    public static readonly ObjectSpec Spec = new(
        "granular marking",
        [P.Strs("selectors").Req(), P.Ref("marking_ref", RefTarget.MarkingDefinition), P.Str("lang").As(StringFormat.LanguageTag)],
        check: CheckEntry);

    public static void Check(ValidationContext context, JsonElement value, Loc path)
    {
        if (!ValueChecks.NonEmptyArray(context, value, path, "granular markings"))
        {
            return;
        }

        var i = 0;
        foreach (var entry in value.EnumerateArray())
        {
            var entryPath = path.At(i++);
            if (ValueChecks.IsObject(context, entry, entryPath))
            {
                PropertyWalker.Walk(context, entry, entryPath, Spec, topLevel: false);
            }
        }
    }

    private static void CheckEntry(ValidationContext context, JsonElement entry, Loc path, ulong seen)
    {
        var hasRef = Spec.Has(seen, "marking_ref");
        var hasLang = Spec.Has(seen, "lang");
        if (hasRef == hasLang)
        {
            context.Error(path, hasRef
                ? "a granular marking must have either marking_ref or lang, not both"
                : "a granular marking must have marking_ref (a marking-definition id) or lang (a language tag); neither is present");
        }

        if (!entry.TryGetProperty("selectors", out var selectors) || selectors.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        var i = 0;
        foreach (var selector in selectors.EnumerateArray())
        {
            if (selector.ValueKind == JsonValueKind.String && Resolve(context.Root, selector.GetString()!) is { } problem)
            {
                context.Error(path.Prop("selectors").At(i), $"selector '{JsonText.Shorten(selector.GetString()!)}' does not select anything in this object: {problem}");
            }

            i++;
        }
    }

    /// <summary>Follows a selector from the object's root; returns null when it resolves, else why not.</summary>
    internal static string? Resolve(JsonElement root, string selector)
    {
        if (selector.Length == 0)
        {
            return "it is empty";
        }

        var current = root;
        var walked = 0;
        foreach (var range in selector.AsSpan().Split('.'))
        {
            var segment = selector.AsSpan()[range];
            var where = walked == 0 ? "the object" : $"'{selector[..walked]}'";
            walked = range.End.Value;
            if (segment.IsEmpty)
            {
                return "it has an empty segment (two dots, or a leading or trailing dot)";
            }

            if (segment[0] == '[')
            {
                if (segment.Length < 3 || segment[^1] != ']'
                    || !int.TryParse(segment[1..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    return $"'{segment}' is neither a property name nor a list position like [0]";
                }

                if (current.ValueKind != JsonValueKind.Array)
                {
                    return $"{where} is not a list, so it has no position {segment}";
                }

                if (index >= current.GetArrayLength())
                {
                    return $"{where} has {current.GetArrayLength()} element(s), so position {segment} does not exist";
                }

                current = current[index];
                continue;
            }

            if (current.ValueKind != JsonValueKind.Object)
            {
                return $"{where} is not an object, so it has no property '{segment}'";
            }

            if (!current.TryGetProperty(segment, out var next))
            {
                return $"{where} has no property '{segment}'";
            }

            current = next;
        }

        return null;
    }
}
