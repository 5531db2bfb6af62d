namespace Liaison.Cli.Output;

/// <summary>
/// A line diff (longest common subsequence) in the unified style: <c>-</c> removed, <c>+</c> added, two spaces kept.
/// For documents people write (agreements): quadratic, bounded by <see cref="MaximumCells"/>.
/// </summary>
internal static class LineDiff
{
    /// <summary>The largest (lines × lines) table computed.</summary>
    public const long MaximumCells = 25_000_000;

    public static IReadOnlyList<string> Of(string before, string after)
    {
        var a = Lines(before);
        var b = Lines(after);
        if ((long)(a.Length + 1) * (b.Length + 1) > MaximumCells)
        {
            throw new CliException(ExitCodes.Rejected, $"the documents have {a.Length} and {b.Length} lines: too many to compare line by line");
        }

        // lengths[i, j]: the longest common subsequence of a[i..] and b[j..].
        var lengths = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lengths[i, j] = a[i] == b[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        var lines = new List<string>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                lines.Add("  " + a[x++]);
                y++;
            }
            else if (y < b.Length && (x == a.Length || lengths[x, y + 1] >= lengths[x + 1, y]))
            {
                lines.Add("+ " + b[y++]);
            }
            else
            {
                lines.Add("- " + a[x++]);
            }
        }

        return lines;
    }

    private static string[] Lines(string text) => text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
}
