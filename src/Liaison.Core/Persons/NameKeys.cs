using System.Collections.Frozen;
using Liaison.Core.Text;

namespace Liaison.Core.Persons;

/// <summary>
/// The comparison keys of a person's name in any of Latin, Cyrillic and Arabic script: two spellings match when they
/// share a key. A key is the sorted consonant skeletons of the name's significant tokens, so that transliteration
/// variants, scripts and word order do not matter: "Mohammed Hassan", "Hassan Muhammad", "محمد حسن" and "Мухаммад
/// Хасан" all give <c>hsn mhmd</c>. Pure and thread safe.
/// </summary>
/// <remarks>
/// <para>Steps: fold (<c>UnicodeFolding</c>: NFKC, case, accents, Arabic alef/hamza/ta marbuta/tatweel/harakat); split
/// into tokens at spaces, hyphens, apostrophes and punctuation; drop the article (al, el, ul, il alone or before a
/// hyphen, the sun-letter forms ad-, ar-, as-, ash-, at-, az-… before a hyphen, ال at the start of an Arabic word, аль
/// in Cyrillic); split a fused "abd" ("Abdelkader", "عبدالقادر") into "abd" and the rest; transliterate Cyrillic and
/// Arabic to Latin (<c>Transliteration</c>); reduce each token to its consonant skeleton (<c>NameSkeleton</c>: abu,
/// abou, bou → b; bin, ben, ibn → bn); sort. A patronymic (-ovich, -evich, -ovna, -evna, -ichna, ogly, kyzy) in a
/// name of three tokens or more is optional: keys are made with and without it.</para>
/// <para>Tolerance: skeletons deliberately merge letters that transliterations confuse (kh/h, ch/sh, j/dj/zh, q/k,
/// v/w, doubled letters, all vowels), so different names can share a key (Hassan and Hussein both give <c>hsn</c>); a
/// match is a lead for an analyst, not an identification. Names must agree on every significant token (a missing
/// middle name is a different key), and Turkish or Egyptian readings (Mehmet, Gamal) are not the Arabic ones.</para>
/// </remarks>
public static class NameKeys
{
    /// <summary>At most this many keys per name; the first is the name's most usual reading.</summary>
    public const int MaxKeysPerName = 16;

    private static readonly FrozenSet<string> Articles = FrozenSet.ToFrozenSet(["al", "el", "ul", "il"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> HyphenArticles = FrozenSet.ToFrozenSet(
        ["ad", "an", "ar", "as", "at", "az", "ash", "adh", "ath", "ed", "en", "er", "es", "et", "ez", "ud", "un", "ur", "us", "ut", "uz"],
        StringComparer.Ordinal);

    private static readonly string[] PatronymicEndings = ["ovich", "evich", "ovitch", "evitch", "ovna", "evna", "ichna"];

    private static readonly FrozenSet<string> PatronymicWords = FrozenSet.ToFrozenSet(["ogly", "oglu", "kyzy", "uly"], StringComparer.Ordinal);

    /// <summary>The keys of one name; empty when it has no letters.</summary>
    public static IReadOnlyList<string> Of(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var tokens = Tokens(UnicodeFolding.Fold(name));
        var readings = tokens.Select(Transliteration.Readings).Select(r => r.Select(NameSkeleton.Of).Distinct(StringComparer.Ordinal).ToList()).ToList();
        var patronymics = tokens.Count >= 3 ? Enumerable.Range(0, tokens.Count).Where(i => IsPatronymic(tokens[i])).ToList() : [];

        var keys = new List<string>();
        List<int?> leftOut = [null, .. patronymics.Select(i => (int?)i)];
        foreach (var without in leftOut)
        {
            IEnumerable<List<string>> combinations = [[]];
            for (var i = 0; i < readings.Count; i++)
            {
                if (i != without)
                {
                    var options = readings[i];
                    combinations = combinations.SelectMany(prefix => options.Select(option => (List<string>)[.. prefix, option]));
                }
            }

            keys.AddRange(combinations.Take(MaxKeysPerName).Select(c => string.Join(' ', c.Order(StringComparer.Ordinal))));
        }

        return [.. keys.Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).Take(MaxKeysPerName)];
    }

    private static List<string> Tokens(string folded)
    {
        var tokens = new List<string>();
        foreach (var word in folded.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = word.Split((char[])['-', '\'', '’', '‘', 'ʼ', 'ʻ', '`', '.', ','], StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < parts.Length; i++)
            {
                var part = Transliteration.IsCyrillic(parts[i]) ? Transliteration.Readings(parts[i])[0] : parts[i];
                var beforeHyphen = i < parts.Length - 1;
                if (Articles.Contains(part) || (beforeHyphen && HyphenArticles.Contains(part)))
                {
                    continue;
                }

                tokens.AddRange(SplitAbd(StripArabicArticle(parts[i])).Where(t => t.Length > 0));
            }
        }

        return tokens;
    }

    private static string StripArabicArticle(string part) =>
        part.Length > 3 && part.StartsWith("ال", StringComparison.Ordinal) ? part[2..] : part;

    /// <summary>"Abdelkader" → "abd", "kader"; "عبدالله" → "عبد", "له": the servant-of compound is two tokens when spaced.</summary>
    private static IEnumerable<string> SplitAbd(string part)
    {
        foreach (var (prefix, articles) in (ReadOnlySpan<(string, string[])>)[("abd", ["oul", "ul", "al", "el", "ol"]), ("عبد", ["ال"])])
        {
            if (part.Length > prefix.Length + 1 && part.StartsWith(prefix, StringComparison.Ordinal))
            {
                var rest = part[prefix.Length..];
                if (articles.Contains(rest))
                {
                    return [prefix];
                }

                var article = articles.FirstOrDefault(a => rest.Length > a.Length + 1 && rest.StartsWith(a, StringComparison.Ordinal));
                return [prefix, article is null ? rest : rest[article.Length..]];
            }
        }

        return [part];
    }

    private static bool IsPatronymic(string token)
    {
        var latin = Transliteration.Readings(token)[0];
        return PatronymicWords.Contains(latin) || PatronymicEndings.Any(e => latin.Length > e.Length + 1 && latin.EndsWith(e, StringComparison.Ordinal));
    }
}
