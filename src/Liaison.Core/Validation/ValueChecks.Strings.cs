using System.Text.Json;

namespace Liaison.Core.Validation;

internal static partial class ValueChecks
{
    private static void CheckString(ValidationContext context, PropertyRule rule, JsonElement value, Loc path)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            context.Error(path, $"{path.Leaf} must be a string, found {JsonText.Describe(value)}");
            return;
        }

        if (rule.AllowedValues is null && rule.Format == StringFormat.None)
        {
            return;
        }

        var text = value.GetString()!;
        if (rule.AllowedValues is { } allowed && !allowed.Contains(text))
        {
            context.Error(path, $"{path.Leaf} must be one of {string.Join(", ", allowed.Order(StringComparer.Ordinal).Select(v => $"'{v}'"))}, found '{JsonText.Shorten(text)}'");
        }

        if (rule.Format != StringFormat.None && !Formats.Matches(rule.Format, text))
        {
            context.Error(path, $"{path.Leaf} must be {Formats.Describe(rule.Format)}, found '{JsonText.Shorten(text)}'");
        }
    }
}
