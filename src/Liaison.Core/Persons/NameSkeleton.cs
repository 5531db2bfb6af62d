using System.Text;

namespace Liaison.Core.Persons;

/// <summary>
/// The consonant skeleton of one Latin name token, so that transliteration variants meet: Mohammed, Muhammad,
/// Mohamed → <c>mhmd</c>; Chamil, Shamil → <c>Sml</c>; Hussein, Houssein, Khusein → <c>hsn</c>.
/// </summary>
/// <remarks>
/// Steps, in order: keep ASCII letters; x → ks; the digraphs sch, tch, sh, ch → S (French "ch" is "sh"), dzh, zh, dj,
/// j → J, kh → h (Russian writes Arabic ح and خ alike), gh → g, ph → f, th → t, dh → d, ck → k; c, q → k; w → v; a
/// final h after a vowel is dropped (Fatimah, Abdallah); doubled letters collapse (Hassan); vowels a e i o u y are
/// dropped (they are what transliterations disagree on). A token of vowels only is <c>_</c>.
/// </remarks>
internal static class NameSkeleton
{
    private static readonly (string From, string To)[] Digraphs =
    [
        ("sch", "S"), ("tch", "S"), ("dzh", "J"), ("sh", "S"), ("ch", "S"), ("zh", "J"), ("dj", "J"),
        ("kh", "h"), ("gh", "g"), ("ph", "f"), ("th", "t"), ("dh", "d"), ("ck", "k"),
    ];

    public static string Of(string latinToken)
    {
        var letters = new StringBuilder(latinToken.Length);
        foreach (var c in latinToken)
        {
            if (c is >= 'a' and <= 'z')
            {
                letters.Append(c == 'x' ? "ks" : c.ToString());
            }
        }

        var text = letters.ToString();
        foreach (var (from, to) in Digraphs)
        {
            text = text.Replace(from, to, StringComparison.Ordinal);
        }

        var mapped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            mapped.Append(c switch
            {
                'c' or 'q' => 'k',
                'w' => 'v',
                'j' => 'J',
                _ => c,
            });
        }

        if (mapped.Length >= 2 && mapped[^1] == 'h' && IsVowel(mapped[^2]))
        {
            mapped.Length--;
        }

        var skeleton = new StringBuilder(mapped.Length);
        char previous = '\0';
        foreach (var c in mapped.ToString())
        {
            if (c != previous && !IsVowel(c))
            {
                skeleton.Append(c);
            }

            previous = c;
        }

        return skeleton.Length == 0 ? "_" : skeleton.ToString();
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
}
