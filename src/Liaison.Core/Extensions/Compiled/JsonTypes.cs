using System.Text.Json;

namespace Liaison.Core.Extensions.Compiled;

/// <summary>The JSON Schema <c>type</c> names a schema allows, as flags.</summary>
[Flags]
internal enum JsonTypes
{
    None = 0,
    Null = 1,
    Boolean = 2,
    Object = 4,
    Array = 8,
    String = 16,
    Number = 32,
    Integer = 64,
}

/// <summary>How JsonSchema.Net (8.x) types an instance value.</summary>
internal static class JsonTypesOf
{
    /// <summary>The flag for a <c>type</c> name; throws on a name JSON Schema does not define.</summary>
    public static JsonTypes Parse(string name) => name switch
    {
        "null" => JsonTypes.Null,
        "boolean" => JsonTypes.Boolean,
        "object" => JsonTypes.Object,
        "array" => JsonTypes.Array,
        "string" => JsonTypes.String,
        "number" => JsonTypes.Number,
        "integer" => JsonTypes.Integer,
        _ => throw new NotSupportedException($"'{name}' is not a JSON Schema type"),
    };

    /// <summary>Whether <paramref name="instance"/> is one of <paramref name="allowed"/>.</summary>
    public static bool Matches(JsonTypes allowed, JsonElement instance) => instance.ValueKind switch
    {
        JsonValueKind.Object => (allowed & JsonTypes.Object) != 0,
        JsonValueKind.Array => (allowed & JsonTypes.Array) != 0,
        JsonValueKind.String => (allowed & JsonTypes.String) != 0,
        JsonValueKind.True or JsonValueKind.False => (allowed & JsonTypes.Boolean) != 0,
        JsonValueKind.Null => (allowed & JsonTypes.Null) != 0,
        JsonValueKind.Number => (allowed & JsonTypes.Number) != 0 || ((allowed & JsonTypes.Integer) != 0 && IsInteger(instance)),
        _ => false,
    };

    /// <summary>
    /// An integer is a number whose value as a <see cref="double"/> has no fraction, as JsonSchema.Net decides it:
    /// <c>1.0</c>, <c>1e2</c> and <c>1.0000000000000000001</c> (which rounds to 1) are integers, <c>2.5</c> is not, and
    /// so is <c>1e400</c> (infinity).
    /// </summary>
    private static bool IsInteger(JsonElement number) =>
        number.TryGetInt64(out _) || (number.TryGetDouble(out var value) && value == Math.Truncate(value));
}
