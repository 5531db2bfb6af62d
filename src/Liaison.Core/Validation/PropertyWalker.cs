using System.Numerics;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Liaison.Core.Validation;

/// <summary>
/// Walks an object's properties once: each known property is checked against its catalogue row and its presence is
/// recorded in a bit mask; unknown ones go to <see cref="CustomProperties"/>. Then required properties, "at least
/// one of" groups, time orderings and the spec's cross check are applied.
/// </summary>
internal static class PropertyWalker
{
    /// <summary>Returns the presence mask of <paramref name="spec"/>'s properties.</summary>
    public static ulong Walk(ValidationContext context, JsonElement value, Loc path, ObjectSpec spec, bool topLevel)
    {
        ulong seen = 0;
        Span<char> buffer = stackalloc char[256];
        foreach (var property in value.EnumerateObject())
        {
            var index = Find(spec, property, buffer);
            if (index < 0)
            {
                if (topLevel)
                {
                    CustomProperties.Check(context, property, path, reservedNamesApply: true);
                }
                else
                {
                    ValueChecks.CheckAnyValue(context, property.Value, path.Prop(property.Name));
                }

                continue;
            }

            var rule = spec.Rules[index];
            if ((seen & (1UL << index)) != 0)
            {
                // JSON parsers disagree on which duplicate wins, so a duplicate is ambiguous content.
                context.Error(path.Prop(rule.Name), $"property '{rule.Name}' appears more than once");
                continue;
            }

            seen |= 1UL << index;
            if (property.Value.ValueKind == JsonValueKind.Null)
            {
                context.Error(path.Prop(rule.Name), $"{rule.Name} must not be null (STIX has no null values; omit the property instead)");
                continue;
            }

            ValueChecks.Check(context, rule, property.Value, path.Prop(rule.Name));
        }

        var missing = spec.RequiredMask & ~seen;
        while (missing != 0)
        {
            var bit = BitOperations.TrailingZeroCount(missing);
            missing &= missing - 1;
            context.Error(path, $"required property '{spec.Rules[bit].Name}' is missing ({Describe(spec)} must have it)");
        }

        foreach (var (mask, names) in spec.AtLeastOneOf)
        {
            if ((seen & mask) == 0)
            {
                context.Error(path, $"{Describe(spec)} must have at least one of {string.Join(", ", names)}; none is present");
            }
        }

        foreach (var order in spec.Orderings)
        {
            if (spec.Has(seen, order.Earlier) && spec.Has(seen, order.Later))
            {
                TimeOrdering.Check(context, value, path, order);
            }
        }

        spec.Check?.Invoke(context, value, path, seen);
        return seen;
    }

    private static string Describe(ObjectSpec spec) => spec.Category is null ? $"each {spec.Name}" : $"every {spec.Name}";

    /// <summary>Finds a property's row without allocating its name (property names are short ASCII in practice).</summary>
    private static int Find(ObjectSpec spec, JsonProperty property, Span<char> buffer)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        if (raw.Length > buffer.Length)
        {
            return -1;
        }

        for (var i = 0; i < raw.Length; i++)
        {
            var b = raw[i];
            if (b >= 0x80 || b == (byte)'\\')
            {
                // Escaped or non-ASCII: decode properly (such names are never catalogue names, but "\u0074ype" is "type").
                return spec.Find(property.Name);
            }

            buffer[i] = (char)b;
        }

        return spec.Find(buffer[..raw.Length]);
    }
}
