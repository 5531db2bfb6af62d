using System.Numerics;

namespace Liaison.Core.Ledger;

/// <summary>
/// The Merkle tree head of RFC 9162 §2.1.1 (MTH) and the arithmetic of its shape: a tree of n leaves splits at k,
/// the largest power of two below n, so the left part is always a complete subtree. Thread safe.
/// </summary>
public static class MerkleTree
{
    /// <summary>The tree head of a list of leaf hashes, computed from scratch (O(n)); for small trees and tests.</summary>
    public static TreeHash RootOf(IReadOnlyList<TreeHash> leaves)
    {
        ArgumentNullException.ThrowIfNull(leaves);
        return leaves.Count == 0 ? MerkleHash.Empty : Range(leaves, 0, leaves.Count);
    }

    /// <summary>The largest power of two strictly below <paramref name="n"/> (n ≥ 2): where a tree of n leaves splits.</summary>
    public static long SplitPoint(long n)
    {
        Preconditions.CheckArgument(n >= 2, "only a tree of two leaves or more splits");
        return 1L << (63 - BitOperations.LeadingZeroCount((ulong)(n - 1)));
    }

    /// <summary>Whether <paramref name="n"/> is a power of two (1, 2, 4…).</summary>
    public static bool IsPowerOfTwo(long n) => n > 0 && (n & (n - 1)) == 0;

    /// <summary>
    /// The position of a complete subtree in post-order, the order in which appending leaves completes subtrees
    /// (leaf 0, leaf 1, their parent, leaf 2…). Stored node rows are keyed by it, so every append writes at the end
    /// of the table.
    /// </summary>
    public static long Position(int level, long index)
    {
        Preconditions.CheckArgument(level is >= 0 and < 62 && index >= 0, "a subtree has a level in [0, 62) and an index ≥ 0");
        var lastLeaf = ((index + 1) << level) - 1;
        return (2 * lastLeaf) - BitOperations.PopCount((ulong)lastLeaf) + level;
    }

    private static TreeHash Range(IReadOnlyList<TreeHash> leaves, int start, int count)
    {
        if (count == 1)
        {
            return leaves[start];
        }

        var k = (int)SplitPoint(count);
        return MerkleHash.Node(Range(leaves, start, k), Range(leaves, start + k, count - k));
    }
}
