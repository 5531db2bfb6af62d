using System.Globalization;
using System.Text.Json;

namespace Liaison.Cli.Tests.Support;

/// <summary>Deep JSON equality: same properties and values; numbers by value; property order irrelevant; arrays in order.</summary>
internal static class JsonAssert
{
    public static void Equal(JsonElement expected, JsonElement actual, string context)
    {
        if (Difference(expected, actual, "$") is { } difference)
        {
            Assert.Fail($"{context}: {difference}\nexpected: {expected.GetRawText()}\nactual:   {actual.GetRawText()}");
        }
    }

    /// <summary>Where and how two JSON values differ, or null when they are equal.</summary>
    public static string? Difference(JsonElement expected, JsonElement actual, string path)
    {
        if (expected.ValueKind != actual.ValueKind)
        {
            return $"{path}: {expected.ValueKind} expected, found {actual.ValueKind}";
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var expectedNames = expected.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
                var actualNames = actual.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
                if (expectedNames.Except(actualNames).FirstOrDefault() is { } missing)
                {
                    return $"{path}.{missing} is missing";
                }

                if (actualNames.Except(expectedNames).FirstOrDefault() is { } extra)
                {
                    return $"{path}.{extra} was added";
                }

                foreach (var property in expected.EnumerateObject())
                {
                    if (Difference(property.Value, actual.GetProperty(property.Name), $"{path}.{property.Name}") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var left = expected.EnumerateArray().ToList();
                var right = actual.EnumerateArray().ToList();
                if (left.Count != right.Count)
                {
                    return $"{path}: {left.Count} items expected, found {right.Count}";
                }

                for (var i = 0; i < left.Count; i++)
                {
                    if (Difference(left[i], right[i], $"{path}[{i}]") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValueKind.String:
                return string.Equals(expected.GetString(), actual.GetString(), StringComparison.Ordinal) ? null : $"{path}: \"{expected.GetString()}\" expected, found \"{actual.GetString()}\"";
            case JsonValueKind.Number:
                return SameNumber(expected, actual) ? null : $"{path}: {expected.GetRawText()} expected, found {actual.GetRawText()}";
            default:
                return null;
        }
    }

    private static bool SameNumber(JsonElement expected, JsonElement actual)
    {
        if (expected.TryGetDecimal(out var a) && actual.TryGetDecimal(out var b))
        {
            return a == b;
        }

        return double.Parse(expected.GetRawText(), CultureInfo.InvariantCulture) == double.Parse(actual.GetRawText(), CultureInfo.InvariantCulture);
    }
}
