using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Liaison.Core.Policy;

/// <summary>
/// The address of a property inside a STIX object, as written in an agreement: property names separated by dots,
/// <c>[*]</c> for "every element of this list", and names in quotes between brackets when they hold characters a bare
/// name may not (extension keys such as <c>extension-definition--…</c> may, in custom extensions, contain dots).
/// </summary>
/// <remarks>
/// Grammar (an optional leading <c>$</c> or <c>$.</c> is accepted, so validator error paths can be pasted):
/// <code>
/// path    := segment ( '.' name | '[' '*' ']' | '[' quoted ']' )*
/// segment := name | '[' quoted ']'
/// name    := one or more of A-Z a-z 0-9 _ -
/// quoted  := '…' or "…", a backslash escapes the quote or itself
/// </code>
/// Examples: <c>description</c>, <c>external_references[*].url</c>,
/// <c>extensions['extension-definition--12527e46-6eea-4d1b-8e04-4c04d130a1dc'].claims[*].quote</c>,
/// <c>extensions.extension-definition--4e561719-7d4f-4012-a48f-6313c0e343a4.platform</c>.
/// A path names a property: it ends with a name, never with <c>[*]</c>, and does not start with <c>[*]</c>.
/// Numeric indexes are not supported (list order is not meaningful to a policy). Immutable and thread safe.
/// </remarks>
public sealed class PropertyPath : IEquatable<PropertyPath>
{
    private readonly PathSegment[] _segments;

    private PropertyPath(PathSegment[] segments, string text)
    {
        _segments = segments;
        Text = text;
    }

    /// <summary>The segments, first to last; the last is always a name.</summary>
    public IReadOnlyList<PathSegment> Segments => _segments;

    /// <summary>The path in its normal written form (bare names where possible, single quotes otherwise).</summary>
    public string Text { get; }

    /// <summary>The name of the property the path removes or addresses (its last segment).</summary>
    public string LeafName => _segments[^1].Name!;

    internal ReadOnlySpan<PathSegment> Span => _segments;

    /// <summary>Parses a path; throws <see cref="FormatException"/> with the column and reason when malformed.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static PropertyPath Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var path, out var error) ? path : throw new FormatException(error.ToString());
    }

    /// <summary>Parses a path, or says where (1-based column) and why it is malformed.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out PropertyPath? path, [NotNullWhen(false)] out PropertyPathError? error)
    {
        path = null;
        if (string.IsNullOrEmpty(text))
        {
            error = new PropertyPathError(text ?? "", 1, "a path must name a property, e.g. 'description' or 'external_references[*].url'");
            return false;
        }

        var segments = new List<PathSegment>();
        var i = 0;
        if (text[0] == '$')
        {
            i = text.Length > 1 && text[1] == '.' ? 2 : 1;
        }

        var expectName = true;
        while (i < text.Length)
        {
            var c = text[i];
            if (expectName)
            {
                if (c == '[')
                {
                    if (!TryBracket(text, ref i, segments.Count == 0, out var segment, out error))
                    {
                        return false;
                    }

                    segments.Add(segment);
                }
                else if (IsNameChar(c))
                {
                    var start = i;
                    while (i < text.Length && IsNameChar(text[i]))
                    {
                        i++;
                    }

                    segments.Add(PathSegment.Property(text[start..i]));
                }
                else
                {
                    error = new PropertyPathError(text, i + 1, c == '.'
                        ? "empty property name (two dots, or a dot at the start)"
                        : $"unexpected '{c}': a property name is made of letters, digits, '_' and '-'; quote other names as ['…']");
                    return false;
                }

                expectName = false;
                continue;
            }

            if (c == '.')
            {
                if (i == text.Length - 1)
                {
                    error = new PropertyPathError(text, i + 1, "the path ends with '.'; a property name must follow");
                    return false;
                }

                i++;
                if (text[i] == '[')
                {
                    error = new PropertyPathError(text, i + 1, "'[' cannot follow '.'; write name['key'] or name[*] without the dot");
                    return false;
                }

                expectName = true;
            }
            else if (c == '[')
            {
                if (!TryBracket(text, ref i, first: false, out var segment, out error))
                {
                    return false;
                }

                segments.Add(segment);
            }
            else
            {
                error = new PropertyPathError(text, i + 1, $"unexpected '{c}' after a segment; expected '.', '[*]' or '['…']'");
                return false;
            }
        }

        if (segments.Count == 0)
        {
            error = new PropertyPathError(text, text.Length + 1, "a path must name a property after '$'");
            return false;
        }

        if (segments[^1].IsWildcard)
        {
            error = new PropertyPathError(text, text.Length - 2, "a path must end with a property name, not [*]; to remove a whole list, name the list itself");
            return false;
        }

        var array = segments.ToArray();
        path = new PropertyPath(array, Format(array));
        error = null;
        return true;
    }

    /// <summary>Equal when the segments are equal (whatever the written form).</summary>
    public bool Equals(PropertyPath? other) => other is not null && Text == other.Text;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as PropertyPath);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    /// <inheritdoc />
    public override string ToString() => Text;

    private static bool TryBracket(string text, ref int i, bool first, out PathSegment segment, [NotNullWhen(false)] out PropertyPathError? error)
    {
        segment = default;
        var open = i;
        i++;
        if (i >= text.Length)
        {
            error = new PropertyPathError(text, open + 1, "'[' is not closed; expected [*] or ['name']");
            return false;
        }

        var c = text[i];
        if (c == '*')
        {
            if (i + 1 >= text.Length || text[i + 1] != ']')
            {
                error = new PropertyPathError(text, i + 2, "expected ']' after '[*'");
                return false;
            }

            if (first)
            {
                error = new PropertyPathError(text, open + 1, "a path cannot start with [*]; an object is not a list");
                return false;
            }

            i += 2;
            segment = PathSegment.Wildcard;
            error = null;
            return true;
        }

        if (c is not ('\'' or '"'))
        {
            error = new PropertyPathError(text, i + 1, char.IsAsciiDigit(c)
                ? "list indexes are not supported; use [*] for every element"
                : "expected [*] or a quoted name such as ['extension-definition--…']");
            return false;
        }

        var quote = c;
        var name = new StringBuilder();
        i++;
        while (true)
        {
            if (i >= text.Length)
            {
                error = new PropertyPathError(text, open + 2, $"the quoted name is not closed; expected {quote}]");
                return false;
            }

            var d = text[i];
            if (d == '\\' && i + 1 < text.Length && text[i + 1] is '\\' or '\'' or '"')
            {
                name.Append(text[i + 1]);
                i += 2;
                continue;
            }

            if (d == quote)
            {
                break;
            }

            name.Append(d);
            i++;
        }

        if (i + 1 >= text.Length || text[i + 1] != ']')
        {
            error = new PropertyPathError(text, i + 2, $"expected ']' after the closing {quote}");
            return false;
        }

        if (name.Length == 0)
        {
            error = new PropertyPathError(text, open + 2, "the quoted name is empty");
            return false;
        }

        i += 2;
        segment = PathSegment.Property(name.ToString());
        error = null;
        return true;
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-';

    private static string Format(PathSegment[] segments)
    {
        var text = new StringBuilder();
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (segment.IsWildcard)
            {
                text.Append("[*]");
            }
            else if (segment.Name!.All(IsNameChar))
            {
                text.Append(i == 0 ? "" : ".").Append(segment.Name);
            }
            else
            {
                text.Append("['").Append(segment.Name!.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)).Append("']");
            }
        }

        return text.ToString();
    }
}
