using Liaison.Core.Ledger;

namespace Liaison.Core.Tests.Ledger;

/// <summary>A batch's entries and the peaks before them prove each entry in the log against the signed root.</summary>
public sealed class LedgerRangeTests
{
    private static (List<byte[]> Encoded, Checkpoint Checkpoint) Log(int size)
    {
        var encoded = Enumerable.Range(0, size)
            .Select(i => LedgerEncoding.Encode(i, new LedgerEntry(LedgerEntryKind.Release, 1_000 + i, "RUS", $"location--00000000-0000-4000-8000-{i:D12}", 1, "c", SampleEntries.HashOf(i))))
            .ToList();
        var frontier = new MerkleFrontier();
        foreach (var entry in encoded)
        {
            frontier.Append(MerkleHash.Leaf(entry));
        }

        return (encoded, new Checkpoint("liaison/test", size, frontier.Root(), 0));
    }

    private static LedgerRange Range(List<byte[]> encoded, int from)
    {
        var peaks = new List<TreeHash>();
        // The peaks of a tree of `from` leaves, largest first: the roots of its complete subtrees.
        long start = 0;
        foreach (var (level, _) in MerkleFrontier.PeaksOf(from))
        {
            var leaves = encoded.Skip((int)start).Take(1 << level).Select(e => MerkleHash.Leaf(e)).ToList();
            peaks.Add(MerkleTree.RootOf(leaves));
            start += 1L << level;
        }

        return new LedgerRange(from, peaks, encoded.Skip(from).ToList());
    }

    [Theory]
    [InlineData(13, 0)]
    [InlineData(13, 5)]
    [InlineData(13, 8)]
    [InlineData(13, 12)]
    [InlineData(64, 63)]
    public void The_entries_of_a_batch_and_the_peaks_before_them_make_the_signed_root(int size, int from)
    {
        var (encoded, checkpoint) = Log(size);

        Assert.True(Range(encoded, from).TryVerify(checkpoint, out var entries, out var failure), failure);
        Assert.Equal(size - from, entries.Count);
        Assert.Equal(SampleEntries.HashOf(from), entries[0].ContentHash);
    }

    [Fact]
    public void An_altered_entry_wrong_peaks_or_a_range_not_ending_at_the_checkpoint_fail()
    {
        var (encoded, checkpoint) = Log(13);
        var range = Range(encoded, 5);
        var altered = range.Encoded.Select(e => e.ToArray()).ToList();
        altered[2][^1] ^= 1;
        var shifted = range with { Peaks = range.Peaks.Reverse().ToList() };
        var short1 = range with { Encoded = range.Encoded.Take(7).ToList() };

        Assert.False((range with { Encoded = altered }).TryVerify(checkpoint, out _, out var tampered));
        Assert.False(shifted.TryVerify(checkpoint, out _, out var peaks));
        Assert.False(short1.TryVerify(checkpoint, out _, out var ending));
        Assert.NotNull(tampered);
        Assert.Contains("signed root", peaks, StringComparison.Ordinal);
        Assert.Contains("not the end of a log of 13", ending, StringComparison.Ordinal);
    }
}
