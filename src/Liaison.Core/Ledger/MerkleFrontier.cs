namespace Liaison.Core.Ledger;

/// <summary>
/// The right edge of a growing tree: one complete subtree root per set bit of its size (a "compact range" from 0).
/// Appending a leaf completes zero or more subtrees; they are reported in post-order, the order the store keeps
/// them in. The root of the whole tree is folded from these peaks. Not thread safe.
/// </summary>
public sealed class MerkleFrontier
{
    private readonly List<TreeHash> _peaks = new(64);

    /// <summary>An empty tree.</summary>
    public MerkleFrontier()
    {
    }

    /// <summary>Resumes a tree of <paramref name="size"/> leaves from its peaks, largest subtree first (see <see cref="PeaksOf"/>).</summary>
    /// <exception cref="ArgumentException">The number of peaks does not match the size.</exception>
    public MerkleFrontier(long size, IEnumerable<TreeHash> peaks)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        ArgumentNullException.ThrowIfNull(peaks);
        _peaks.AddRange(peaks);
        Preconditions.CheckArgument(_peaks.Count == System.Numerics.BitOperations.PopCount((ulong)size), "a tree has one peak per set bit of its size");
        Size = size;
    }

    /// <summary>How many leaves the tree has.</summary>
    public long Size { get; private set; }

    /// <summary>The complete subtrees (level, index) whose roots are the peaks of a tree of <paramref name="size"/> leaves, largest first.</summary>
    public static IEnumerable<(int Level, long Index)> PeaksOf(long size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        long start = 0;
        for (var level = 62; level >= 0; level--)
        {
            if ((size & (1L << level)) != 0)
            {
                yield return (level, start >> level);
                start += 1L << level;
            }
        }
    }

    /// <summary>
    /// Appends a leaf hash and calls <paramref name="completed"/> for it (level 0) and for every subtree it completes,
    /// in post-order.
    /// </summary>
    public void Append(TreeHash leaf, Action<int, long, TreeHash>? completed = null)
    {
        var index = Size;
        completed?.Invoke(0, index, leaf);
        var hash = leaf;
        var level = 0;
        for (var s = index; (s & 1) == 1; s >>= 1)
        {
            hash = MerkleHash.Node(_peaks[^1], hash);
            _peaks.RemoveAt(_peaks.Count - 1);
            level++;
            completed?.Invoke(level, index >> level, hash);
        }

        _peaks.Add(hash);
        Size = index + 1;
    }

    /// <summary>The tree head (RFC 9162 MTH) of the leaves appended so far.</summary>
    public TreeHash Root()
    {
        if (_peaks.Count == 0)
        {
            return MerkleHash.Empty;
        }

        var root = _peaks[^1];
        for (var i = _peaks.Count - 2; i >= 0; i--)
        {
            root = MerkleHash.Node(_peaks[i], root);
        }

        return root;
    }
}
