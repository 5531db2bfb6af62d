using System.Collections.Frozen;
using System.Globalization;
using Liaison.Core.Text;

namespace Liaison.Core.Claims;

/// <summary>
/// Turns a source's words for a number of people into numbers: exact numbers in digits or words ("25", "trois",
/// "خمسة"), qualified numbers ("about 25", "au moins six", "more than 20", "between 3 and 5", "3-5") and vague
/// quantities ("plusieurs", "a few", "des dizaines", "عشرات"; see <see cref="Terms"/>), in English, French and
/// Arabic. Case, accents, Arabic letter variants and Arabic-Indic digits do not matter. Pure and thread safe.
/// </summary>
/// <remarks>
/// Readings are tried in this order and the first that applies wins: a qualified number, a phrase of
/// <see cref="Terms"/> (the longest first), a bare number. "about N" is N ± 10 % (integer division); "at least N"
/// is N (the source gives no upper bound, and the view never invents one); "more than N" is N + 1; "between N and
/// M" is N to M with best (N + M) / 2. Numbers above one million are not read.
/// </remarks>
public static partial class VagueQuantities
{
    private const int MaxNumber = 1_000_000;
    private const string Hyphen = "-";

    /// <summary>The tables in folded words, built on first use (after the tables themselves, which live in another part).</summary>
    private static class Folded
    {
        public static readonly (string[] Words, FigureRange Range)[] Phrases =
            [.. Terms.Select(t => (Tokens(t.Phrase), t.Range)).OrderByDescending(p => p.Item1.Length)];

        public static readonly FrozenDictionary<string, int> Numbers =
            NumberWords.ToFrozenDictionary(n => UnicodeFolding.Fold(n.Word), n => n.Value, StringComparer.Ordinal);

        public static readonly string[][] About = [.. VagueQuantities.About.Select(Tokens)];
        public static readonly string[][] AtLeast = [.. VagueQuantities.AtLeast.Select(Tokens)];
        public static readonly string[][] MoreThan = [.. VagueQuantities.MoreThan.Select(Tokens)];
        public static readonly string[][] Between = [.. VagueQuantities.Between.Select(Tokens)];
        public static readonly FrozenSet<string> And = VagueQuantities.And.Select(UnicodeFolding.Fold).ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>The numbers <paramref name="text"/> stands for, or null when it holds no reading Liaison knows.</summary>
    public static FigureRange? Interpret(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = Tokens(text);
        return Qualified(words) ?? Phrase(words) ?? BareNumber(words);
    }

    private static FigureRange? Qualified(string[] words)
    {
        for (var i = 0; i < words.Length; i++)
        {
            if (StartsWithAny(words, i, Folded.Between, out var after) && Number(words, after, out var first, out var next)
                && Separated(words, next, out var second) && Number(words, second, out var last, out _))
            {
                return Span(first, last);
            }

            if (StartsWithAny(words, i, Folded.About, out after) && Number(words, after, out var about, out _))
            {
                return new FigureRange(about - (about / 10), about, about + (about / 10));
            }

            if (StartsWithAny(words, i, Folded.AtLeast, out after) && Number(words, after, out var atLeast, out _))
            {
                return FigureRange.Exactly(atLeast);
            }

            if (StartsWithAny(words, i, Folded.MoreThan, out after) && Number(words, after, out var moreThan, out _) && moreThan < MaxNumber)
            {
                return FigureRange.Exactly(moreThan + 1);
            }

            // "3-5", "3 to 5", "3 à 5", "3 و5": two numbers around a hyphen or a word for "to".
            if (Number(words, i, out var from, out var afterFrom) && Separated(words, afterFrom, out var toAt) && Number(words, toAt, out var to, out _))
            {
                return Span(from, to);
            }
        }

        return null;
    }

    private static FigureRange? Phrase(string[] words)
    {
        foreach (var (phrase, range) in Folded.Phrases)
        {
            for (var i = 0; i + phrase.Length <= words.Length; i++)
            {
                if (words.AsSpan(i, phrase.Length).SequenceEqual(phrase))
                {
                    return range;
                }
            }
        }

        return null;
    }

    private static FigureRange? BareNumber(string[] words)
    {
        for (var i = 0; i < words.Length; i++)
        {
            if (Number(words, i, out var value, out _))
            {
                return FigureRange.Exactly(value);
            }
        }

        return null;
    }

    private static FigureRange Span(int a, int b)
    {
        var (low, high) = a <= b ? (a, b) : (b, a);
        return new FigureRange(low, low + ((high - low) / 2), high);
    }

    /// <summary>Reads a number at <paramref name="start"/>: digits (groups of three after a space or comma join: "2 900"), or number words that add up ("vingt-cinq").</summary>
    private static bool Number(string[] words, int start, out int value, out int next)
    {
        value = 0;
        next = start;
        if (start >= words.Length)
        {
            return false;
        }

        // Arabic joins "and" to the next word: "و5", "وخمسة".
        var first = words[start].Length > 1 && words[start][0] == 'و' ? words[start][1..] : words[start];
        if (first.All(char.IsAsciiDigit))
        {
            var digits = first;
            next = start + 1;
            while (digits.Length <= 3 && next < words.Length && words[next].Length == 3 && words[next].All(char.IsAsciiDigit))
            {
                digits += words[next++];
            }

            return digits.Length <= 7 && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value <= MaxNumber;
        }

        if (!Folded.Numbers.TryGetValue(first, out value))
        {
            return false;
        }

        next = start + 1;
        // Compounds add up when a smaller number follows a multiple of ten: "twenty five", "vingt-cinq", "soixante-dix".
        while (value % 10 == 0)
        {
            var at = next < words.Length && words[next] == Hyphen ? next + 1 : next;
            if (at >= words.Length || !Folded.Numbers.TryGetValue(words[at], out var part) || part >= value || part == 0)
            {
                break;
            }

            value += part;
            next = at + 1;
        }

        return true;
    }

    /// <summary>Whether a range separator (a hyphen, "to", "et", "و" alone or joined to the next number) is at <paramref name="at"/>.</summary>
    private static bool Separated(string[] words, int at, out int next)
    {
        next = at + 1;
        if (at >= words.Length)
        {
            return false;
        }

        if (words[at] == Hyphen || Folded.And.Contains(words[at]))
        {
            return true;
        }

        next = at;
        return words[at].Length > 1 && words[at][0] == 'و';
    }

    private static bool StartsWithAny(string[] words, int start, string[][] phrases, out int after)
    {
        foreach (var phrase in phrases)
        {
            if (start + phrase.Length <= words.Length && words.AsSpan(start, phrase.Length).SequenceEqual(phrase))
            {
                after = start + phrase.Length;
                return true;
            }
        }

        after = start;
        return false;
    }

    /// <summary>The folded words of a text: runs of letters and digits, and a "-" for each hyphen or dash; anything else separates.</summary>
    private static string[] Tokens(string text)
    {
        var folded = UnicodeFolding.Fold(text);
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var inWord = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add(folded[start..i]);
                start = -1;
            }

            if (i < folded.Length && folded[i] is '-' or (>= '\u2010' and <= '\u2015'))
            {
                words.Add(Hyphen);
            }
        }

        return [.. words];
    }
}
