using System.Collections.Frozen;
using System.Text;

namespace Liaison.Core.Persons;

/// <summary>
/// Latin readings of a folded name token written in Cyrillic or Arabic script (one reading for Cyrillic; a few for
/// Arabic, whose letters ث ذ ق and a medial و are read more than one way). Latin tokens pass through unchanged.
/// </summary>
internal static class Transliteration
{
    /// <summary>At most this many readings of one token; the first is always the most usual one.</summary>
    public const int MaxReadings = 8;

    private static readonly FrozenDictionary<char, string> Cyrillic = new Dictionary<char, string>
    {
        ['а'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "g", ['д'] = "d", ['е'] = "e", ['ж'] = "zh", ['з'] = "z", ['и'] = "i",
        ['к'] = "k", ['л'] = "l", ['м'] = "m", ['н'] = "n", ['о'] = "o", ['п'] = "p", ['р'] = "r", ['с'] = "s", ['т'] = "t",
        ['у'] = "u", ['ф'] = "f", ['х'] = "kh", ['ц'] = "ts", ['ч'] = "ch", ['ш'] = "sh", ['щ'] = "shch", ['ъ'] = "", ['ы'] = "y",
        ['ь'] = "", ['э'] = "e", ['ю'] = "yu", ['я'] = "ya", ['і'] = "i", ['є'] = "e", ['ґ'] = "g", ['ў'] = "u", ['қ'] = "k",
        ['ғ'] = "gh", ['ҳ'] = "h", ['ә'] = "a", ['ө'] = "o", ['ү'] = "u", ['һ'] = "h", ['ӏ'] = "",
    }.ToFrozenDictionary();

    // Each Arabic letter's readings, the usual one first. ع and the hamza are not written in most Latin forms ('Umar,
    // Omar); ه at the end is a ta marbuta or a silent h (Fatima, Fatimah); ي is read as a vowel, as "y" is.
    private static readonly FrozenDictionary<char, string[]> Arabic = new Dictionary<char, string[]>
    {
        ['ا'] = ["a"], ['ب'] = ["b"], ['ت'] = ["t"], ['ث'] = ["th", "s"], ['ج'] = ["j"], ['ح'] = ["h"], ['خ'] = ["kh"],
        ['د'] = ["d"], ['ذ'] = ["dh", "z"], ['ر'] = ["r"], ['ز'] = ["z"], ['س'] = ["s"], ['ش'] = ["sh"], ['ص'] = ["s"],
        ['ض'] = ["d"], ['ط'] = ["t"], ['ظ'] = ["z"], ['ع'] = [""], ['غ'] = ["gh"], ['ف'] = ["f"], ['ق'] = ["q", "g"],
        ['ك'] = ["k"], ['ل'] = ["l"], ['م'] = ["m"], ['ن'] = ["n"], ['ه'] = ["h"], ['ي'] = ["i"],
        ['پ'] = ["p"], ['چ'] = ["ch"], ['ژ'] = ["zh"], ['ک'] = ["k"], ['گ'] = ["g"], ['ی'] = ["i"],
    }.ToFrozenDictionary();

    public static bool IsArabic(string token) => token.Any(c => c is >= '\u0600' and <= '\u06FF');

    public static bool IsCyrillic(string token) => token.Any(c => c is >= '\u0400' and <= '\u04FF');

    /// <summary>The Latin readings of a folded token.</summary>
    public static IReadOnlyList<string> Readings(string token)
    {
        if (IsArabic(token))
        {
            return FromArabic(token);
        }

        if (IsCyrillic(token))
        {
            var latin = new StringBuilder(token.Length + 4);
            foreach (var c in token)
            {
                latin.Append(Cyrillic.TryGetValue(c, out var mapped) ? mapped : c.ToString());
            }

            return [latin.ToString()];
        }

        return [token];
    }

    private static List<string> FromArabic(string token)
    {
        var readings = new List<string> { string.Empty };
        for (var i = 0; i < token.Length; i++)
        {
            var options = token[i] switch
            {
                'و' when i == 0 => ["w"],
                'و' when i == token.Length - 1 => ["u"],
                'و' => ["u", "w"],
                'ه' when i == token.Length - 1 && i > 0 => [""],
                var c => Arabic.TryGetValue(c, out var mapped) ? mapped : [],
            };
            if (options.Length == 0)
            {
                continue;
            }

            readings = [.. readings.SelectMany(reading => options.Select(option => reading + option)).Take(MaxReadings)];
        }

        return readings;
    }
}
