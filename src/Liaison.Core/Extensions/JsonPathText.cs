using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Liaison.Core.Extensions;

/// <summary>
/// Builds the JSON paths that <see cref="Stix.StixError"/> carries: <c>$</c>, then <c>.name</c> for a property whose
/// name is a plain identifier, <c>['name']</c> for any other name, and <c>[3]</c> for an array index.
/// </summary>
internal static class JsonPathText
{
    /// <summary>Appends a property step.</summary>
    public static string Property(string path, string name)
    {
        if (IsPlainName(name))
        {
            return string.Concat(path, ".", name);
        }

        var escaped = name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal);
        return string.Concat(path, "['", escaped, "']");
    }

    /// <summary>Appends an array index step.</summary>
    public static string Index(string path, int index) => string.Concat(path, "[", index.ToString(CultureInfo.InvariantCulture), "]");

    /// <summary>
    /// Turns a JSON pointer into <paramref name="instance"/> (e.g. <c>/claims/1/killed</c>) into a path appended to
    /// <paramref name="basePath"/>. A segment is written as an index when the value it steps into is an array.
    /// Returns the value found at the pointer, when there is one.
    /// </summary>
    public static string FromPointer(string basePath, JsonElement instance, IReadOnlyList<string> segments, out JsonElement? value)
    {
        var path = new StringBuilder(basePath);
        JsonElement? current = instance;
        foreach (var segment in segments)
        {
            if (current is { ValueKind: JsonValueKind.Array } array
                && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                path.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
                current = index < array.GetArrayLength() ? array[index] : null;
            }
            else
            {
                var step = Property(string.Empty, segment);
                path.Append(step);
                current = current is { ValueKind: JsonValueKind.Object } obj && obj.TryGetProperty(segment, out var child) ? child : null;
            }
        }

        value = current;
        return path.ToString();
    }

    /// <summary>Splits a JSON pointer (RFC 6901) into its unescaped segments.</summary>
    public static IReadOnlyList<string> Segments(string pointer)
    {
        if (pointer.Length == 0)
        {
            return [];
        }

        var start = pointer[0] == '#' ? 1 : 0;
        if (pointer.Length == start)
        {
            return [];
        }

        if (pointer[start] != '/')
        {
            throw new FormatException($"'{pointer}' is not a JSON pointer");
        }

        var parts = pointer[(start + 1)..].Split('/');
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = parts[i].Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
        }

        return parts;
    }

    private static bool IsPlainName(string name)
    {
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
