using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Liaison.Core.Text;

/// <summary>
/// Folds text so that spellings a person reads as the same compare equal: compatibility forms to their plain letters
/// (NFKC: ligatures, fullwidth and Arabic presentation forms), accents and other combining marks removed (é → e,
/// Arabic harakat, shadda), lower case, Arabic letter variants unified (أ إ آ ٱ → ا, ة → ه, ى → ي, hamza ء and tatweel
/// removed), Arabic-Indic digits to ASCII, format characters (ZWJ, bidi marks) removed and white space collapsed.
/// Letters of other scripts are kept as they are (lower-cased). Pure and thread safe.
/// </summary>
internal static partial class UnicodeFolding
{
    private static readonly FrozenDictionary<char, string> Map = BuildMap();

    /// <summary>The folded form of <paramref name="text"/>.</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            var replacement = Map.TryGetValue(c, out var mapped) ? mapped : null;
            if (replacement is null)
            {
                Append(folded, c, ref pendingSpace);
                continue;
            }

            foreach (var r in replacement)
            {
                Append(folded, r, ref pendingSpace);
            }
        }

        return folded.ToString();
    }

    private static void Append(StringBuilder folded, char c, ref bool pendingSpace)
    {
        if (char.IsWhiteSpace(c))
        {
            pendingSpace = folded.Length > 0;
            return;
        }

        switch (CharUnicodeInfo.GetUnicodeCategory(c))
        {
            case UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format:
                return;
        }

        var lower = c switch
        {
            '\u0640' or '\u0621' => '\0', // tatweel only stretches a word; a lone hamza is dropped like the other hamza seats' marks
            '\u0629' => '\u0647', // ta marbuta → ha: "Fatima" is written with either
            '\u0649' => '\u064A', // alef maksura → ya
            '\u0671' => '\u0627', // alef wasla → alef
            >= '\u0660' and <= '\u0669' => (char)('0' + (c - '\u0660')),
            >= '\u06F0' and <= '\u06F9' => (char)('0' + (c - '\u06F0')),
            _ => char.ToLowerInvariant(c),
        };
        if (lower == '\0')
        {
            return;
        }

        if (pendingSpace)
        {
            folded.Append(' ');
            pendingSpace = false;
        }

        folded.Append(lower);
    }

    private static FrozenDictionary<char, string> BuildMap()
    {
        var map = new Dictionary<char, string>();
        foreach (var entry in Table.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = entry.IndexOf('=', StringComparison.Ordinal);
            var from = (char)int.Parse(entry.AsSpan(0, equals), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var to = string.Concat(entry[(equals + 1)..].Split('.').Select(code => (char)int.Parse(code, NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
            map[from] = to;
        }

        // Letters that NFKD keeps whole although readers treat them as plain Latin letters or pairs.
        foreach (var (from, to) in (ReadOnlySpan<(char, string)>)
                 [('ß', "ss"), ('ẞ', "ss"), ('æ', "ae"), ('Æ', "ae"), ('œ', "oe"), ('Œ', "oe"), ('ø', "o"), ('Ø', "o"), ('đ', "d"), ('Đ', "d"),
                  ('ð', "d"), ('Ð', "d"), ('ł', "l"), ('Ł', "l"), ('þ', "th"), ('Þ', "th"), ('ı', "i"), ('ŧ', "t"), ('ħ', "h")])
        {
            map[from] = to;
        }

        return map.ToFrozenDictionary();
    }
}
