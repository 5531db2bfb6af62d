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
