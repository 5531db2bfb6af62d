using System.Runtime.InteropServices;
using System.Text.Json;

namespace Liaison.Core.Extensions.Compiled;

/// <summary>A numeric bound of a schema (<c>minimum</c>, <c>exclusiveMaximum</c>...), compared exactly.</summary>
internal sealed class NumberLimit
{
    private readonly byte[] _literal;
    private readonly long? _whole;

    /// <summary>Takes the bound's JSON number.</summary>
    public NumberLimit(JsonElement number)
    {
        _literal = JsonMarshal.GetRawUtf8Value(number).ToArray();
        _whole = number.TryGetInt64(out var whole) ? whole : null;
    }

    /// <summary>Negative, zero or positive as the JSON number <paramref name="instance"/> is below, at or above the bound.</summary>
    public int CompareWith(JsonElement instance) =>
        _whole is { } whole && instance.TryGetInt64(out var value)
            ? value.CompareTo(whole)
            : JsonNumberText.Compare(JsonMarshal.GetRawUtf8Value(instance), _literal);
}
