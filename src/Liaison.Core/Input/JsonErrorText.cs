using System.Text.Json;

namespace Liaison.Core.Input;

/// <summary>Turns parser exceptions and token kinds into words for error messages.</summary>
internal static class JsonErrorText
{
    /// <summary>The parser's reason without its buffer-relative position (we report our own line numbers).</summary>
    public static string Reason(JsonException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut].TrimEnd('.', ' ') : message;
    }

    /// <summary>
    /// Words for why one object (or line) could not be parsed, in our terms rather than the parser's: the limits we
    /// set, the key that appears twice, an object cut short.
    /// </summary>
    public static string ForObject(JsonException ex, int maxDepth)
    {
        var reason = Reason(ex);
        const string duplicatePrefix = "Duplicate property '";
        if (reason.StartsWith(duplicatePrefix, StringComparison.Ordinal))
        {
            var end = reason.IndexOf('\'', duplicatePrefix.Length);
            var name = end > 0 ? reason[duplicatePrefix.Length..end] : "?";
            return $"property '{name}' appears twice in one JSON object (duplicate keys are ambiguous and not allowed)";
        }

        if (reason.Contains("maximum configured depth", StringComparison.Ordinal))
        {
            return $"nests deeper than the {maxDepth}-level limit";
        }

        if (reason.StartsWith("Expected depth to be zero", StringComparison.Ordinal))
        {
            return "ends early (truncated JSON)";
        }

        return reason;
    }

    public static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
