using System.Text;

namespace Liaison.Core.Canonical;

internal ref partial struct CanonicalJsonWriter
{
    private const int DescribedLength = 64;

    /// <summary>
    /// The JSONPath of the value being written, e.g. <c>$.objects[3].name</c> or <c>$['x-acme'].score</c>.
    /// Only called on the error path; segments are member slots (names in the arena) or complemented array indexes.
    /// </summary>
    private readonly string FormatPath()
    {
        var path = new StringBuilder("$");
        for (var i = 0; i < _depth; i++)
        {
            var segment = _scratch.Path[i];
            if (segment < 0)
            {
                path.Append('[').Append(~segment).Append(']');
                continue;
            }

            var member = _scratch.Members[segment];
            var name = Encoding.UTF8.GetString(_scratch.Names, member.NameStart, member.NameLength);
            if (IsPlainName(name))
            {
                path.Append('.').Append(name);
            }
            else
            {
                path.Append("['").Append(Truncate(name).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)).Append("']");
            }
        }

        return path.ToString();
    }

    /// <summary>Shows (the start of) raw UTF-8 text in an error message.</summary>
    private static string Describe(ReadOnlySpan<byte> text) =>
        Truncate(Encoding.UTF8.GetString(text[..Math.Min(text.Length, DescribedLength * 4)]));

    private static string Truncate(string text) =>
        text.Length <= DescribedLength ? text : string.Concat(text.AsSpan(0, DescribedLength), "…");

    private static bool IsPlainName(string name)
    {
        if (name.Length == 0 || char.IsAsciiDigit(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }
}
