using System.Text.Json;
using Liaison.Core.Stix;

namespace Liaison.Core.Validation;

/// <summary>Checks one property value against its catalogue row. Every message says what was expected and what was found.</summary>
internal static partial class ValueChecks
{
    public static void Check(ValidationContext context, PropertyRule rule, JsonElement value, Loc path)
    {
        switch (rule.Kind)
        {
            case ValueKind.Special:
                return;
            case ValueKind.String:
                CheckString(context, rule, value, path);
                return;
            case ValueKind.StringList:
                if (NonEmptyArray(context, value, path, "strings"))
                {
                    var i = 0;
                    foreach (var item in value.EnumerateArray())
                    {
                        CheckString(context, rule, item, path.At(i++));
                    }
                }

                return;
            case ValueKind.Boolean:
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    context.Error(path, $"{path.Leaf} must be a boolean (true or false), found {JsonText.Describe(value)}");
                }

                return;
            case ValueKind.Integer:
                CheckInteger(context, rule, value, path);
                return;
            case ValueKind.Number:
                CheckNumber(context, rule, value, path);
                return;
            case ValueKind.Timestamp:
            case ValueKind.TimestampMillis:
                var timestamp = CheckTimestamp(context, value, path, rule.Kind == ValueKind.TimestampMillis);
                if (timestamp is { } parsed)
                {
                    if (rule.Slot == PropertySlot.Created)
                    {
                        context.Created = parsed;
                    }
                    else if (rule.Slot == PropertySlot.Modified)
                    {
                        context.Modified = parsed;
                    }
                }

                return;
            case ValueKind.Ref:
                RefRules.CheckRef(context, value, path, rule.Targets!);
                return;
            case ValueKind.RefList:
                RefRules.CheckRefList(context, value, path, rule.Targets!);
                return;
            case ValueKind.Hashes:
                HashRules.Check(context, value, path);
                return;
            case ValueKind.Dictionary:
                CheckDictionary(context, value, path);
                return;
            case ValueKind.Object:
                if (IsObject(context, value, path))
                {
                    PropertyWalker.Walk(context, value, path, rule.Item!, topLevel: false);
                }

                return;
            case ValueKind.ObjectList:
                if (NonEmptyArray(context, value, path, "objects"))
                {
                    var i = 0;
                    foreach (var item in value.EnumerateArray())
                    {
                        var itemPath = path.At(i++);
                        if (IsObject(context, item, itemPath))
                        {
                            PropertyWalker.Walk(context, item, itemPath, rule.Item!, topLevel: false);
                        }
                    }
                }

                return;
            case ValueKind.ObjectMap:
                CheckObjectMap(context, rule, value, path);
                return;
            case ValueKind.GranularMarkings:
                GranularMarkings.Check(context, value, path);
                return;
            case ValueKind.Extensions:
                ExtensionRules.Check(context, value, path);
                return;
            default:
                throw new InvalidOperationException($"unhandled value kind {rule.Kind}");
        }
    }

    /// <summary>Reports and returns false unless <paramref name="value"/> is an array with at least one element.</summary>
    public static bool NonEmptyArray(ValidationContext context, JsonElement value, Loc path, string what)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            context.Error(path, $"{path.Leaf} must be a list of {what}, found {JsonText.Describe(value)}");
            return false;
        }

        if (value.GetArrayLength() == 0)
        {
            context.Error(path, $"{path.Leaf} must not be an empty list (STIX forbids empty lists; omit the property instead)");
            return false;
        }

        return true;
    }

    public static bool IsObject(ValidationContext context, JsonElement value, Loc path)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        context.Error(path, $"{path.Leaf} must be an object, found {JsonText.Describe(value)}");
        return false;
    }

    /// <summary>Parses a timestamp, reporting why it is not one; <paramref name="millis"/> demands at least 3 fraction digits.</summary>
    public static StixTimestamp? CheckTimestamp(ValidationContext context, JsonElement value, Loc path, bool millis)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            context.Error(path, $"{path.Leaf} must be a timestamp string of the form YYYY-MM-DDTHH:MM:SS[.s+]Z, found {JsonText.Describe(value)}");
            return null;
        }

        if (!StixTimestamp.TryParse(value.GetString(), out var timestamp, out var reason))
        {
            context.Error(path, $"{path.Leaf}: {reason}");
            return null;
        }

        if (millis && timestamp.Value.FractionDigits < 3)
        {
            context.Error(path, $"{path.Leaf} '{timestamp.Value.Text}' must be precise to at least the millisecond (YYYY-MM-DDTHH:MM:SS.sssZ)");
            return null;
        }

        return timestamp;
    }

    private static void CheckInteger(ValidationContext context, PropertyRule rule, JsonElement value, Loc path)
    {
        double number;
        if (value.ValueKind != JsonValueKind.Number)
        {
            context.Error(path, $"{path.Leaf} must be an integer, found {JsonText.Describe(value)}");
            return;
        }

        if (value.TryGetInt64(out var integer))
        {
            number = integer;
        }
        else if (!value.TryGetDouble(out number) || Math.Floor(number) != number || double.IsInfinity(number))
        {
            context.Error(path, $"{path.Leaf} must be an integer, found {JsonText.Describe(value)}");
            return;
        }

        CheckRange(context, rule, number, value, path, "an integer");
    }

    private static void CheckNumber(ValidationContext context, PropertyRule rule, JsonElement value, Loc path)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || double.IsInfinity(number))
        {
            context.Error(path, $"{path.Leaf} must be a number, found {JsonText.Describe(value)}");
            return;
        }

        CheckRange(context, rule, number, value, path, "a number");
    }

    private static void CheckRange(ValidationContext context, PropertyRule rule, double number, JsonElement value, Loc path, string what)
    {
        if ((rule.Minimum is { } min && number < min) || (rule.Maximum is { } max && number > max))
        {
            var range = (rule.Minimum, rule.Maximum) switch
            {
                ({ } lo, { } hi) => $"between {lo} and {hi} inclusive",
                ({ } lo, null) => $"greater than or equal to {lo}",
                (null, { } hi) => $"less than or equal to {hi}",
                _ => "in range",
            };
            context.Error(path, $"{path.Leaf} must be {what} {range}, found {JsonText.Shorten(value.GetRawText())}");
        }
    }

    private static void CheckDictionary(ValidationContext context, JsonElement value, Loc path)
    {
        if (!IsObject(context, value, path))
        {
            return;
        }

        var count = 0;
        foreach (var entry in value.EnumerateObject())
        {
            count++;
            var name = entry.Name;
            if (!IsDictionaryKey(name))
            {
                context.Error(path.Prop(name), $"dictionary key '{JsonText.Shorten(name)}' in {path.Leaf} must have 1 to 250 characters among a-z, A-Z, 0-9, '_' and '-'");
            }

            CheckAnyValue(context, entry.Value, path.Prop(name));
        }

        if (count == 0)
        {
            context.Error(path, $"{path.Leaf} must be a dictionary with at least one entry, found an empty object");
        }
    }

    private static void CheckObjectMap(ValidationContext context, PropertyRule rule, JsonElement value, Loc path)
    {
        if (!IsObject(context, value, path))
        {
            return;
        }

        var count = 0;
        foreach (var entry in value.EnumerateObject())
        {
            count++;
            var entryPath = path.Prop(entry.Name);
            if (rule.Format != StringFormat.None && !Formats.Matches(rule.Format, entry.Name))
            {
                context.Error(entryPath, $"key '{JsonText.Shorten(entry.Name)}' of {path.Leaf} must be {Formats.Describe(rule.Format)}");
            }

            if (IsObject(context, entry.Value, entryPath))
            {
                PropertyWalker.Walk(context, entry.Value, entryPath, rule.Item!, topLevel: false);
            }
        }

        if (count == 0)
        {
            context.Error(path, $"{path.Leaf} must have at least one entry, found an empty object");
        }
    }

    /// <summary>
    /// A value whose shape the catalogue does not define (custom properties, extension bodies, dictionary values): it
    /// must not be null and, if a list, not empty (as the official properties.json and dictionary.json say). What is
    /// nested deeper belongs to whoever defined the property (an extension's own schema), so it is not judged here.
    /// </summary>
    public static void CheckAnyValue(ValidationContext context, JsonElement value, Loc path)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            context.Error(path, $"{path.Leaf} must not be null (STIX has no null values; omit the property instead)");
        }
        else if (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() == 0)
        {
            context.Error(path, $"{path.Leaf} must not be an empty list (STIX forbids empty lists; omit the property instead)");
        }
    }

    private static bool IsDictionaryKey(string name)
    {
        if (name.Length is 0 or > 250)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
