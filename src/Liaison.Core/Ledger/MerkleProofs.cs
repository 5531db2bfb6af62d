using System.Numerics;

namespace Liaison.Core.Ledger;

/// <summary>
/// Roots, inclusion proofs (RFC 9162 §2.1.3.1) and consistency proofs (§2.1.4.1) computed from stored complete
/// subtrees: O(log n) hashes per proof, each read or combined from O(log n) subtrees. Thread safe when the source is.
/// </summary>
public static class MerkleProofs
{
    /// <summary>The tree head of the first <paramref name="size"/> leaves.</summary>
    public static TreeHash Root(ISubtreeHashes tree, long size)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        return size == 0 ? MerkleHash.Empty : Range(tree, 0, size);
    }

    /// <summary>The audit path of leaf <paramref name="index"/> in the tree of <paramref name="size"/> leaves, leaf side first.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The leaf is not in the tree.</exception>
    public static IReadOnlyList<TreeHash> Inclusion(ISubtreeHashes tree, long index, long size)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, size);
        var path = new List<TreeHash>(64);
        Path(tree, index, 0, size, path);
        return path;
    }

    /// <summary>
    /// The proof that the tree of <paramref name="oldSize"/> leaves is a prefix of the tree of
    /// <paramref name="newSize"/> leaves; empty when the sizes are equal or the old tree is empty.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Not 0 ≤ oldSize ≤ newSize.</exception>
    public static IReadOnlyList<TreeHash> Consistency(ISubtreeHashes tree, long oldSize, long newSize)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentOutOfRangeException.ThrowIfNegative(oldSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(oldSize, newSize);
        var proof = new List<TreeHash>(64);
        if (oldSize > 0 && oldSize < newSize)
        {
            SubProof(tree, oldSize, 0, newSize, true, proof);
        }

        return proof;
    }

    // MTH(D[start:start+n]); start is always a multiple of the largest power of two not above n, because ranges
    // come from splitting at powers of two from the left.
    private static TreeHash Range(ISubtreeHashes tree, long start, long n)
    {
        if (MerkleTree.IsPowerOfTwo(n))
        {
            var level = BitOperations.TrailingZeroCount(n);
            return tree.Subtree(level, start >> level);
        }

        var k = MerkleTree.SplitPoint(n);
        return MerkleHash.Node(tree.Subtree(BitOperations.TrailingZeroCount(k), start / k), Range(tree, start + k, n - k));
    }

    private static void Path(ISubtreeHashes tree, long m, long start, long n, List<TreeHash> path)
    {
        if (n == 1)
        {
            return;
        }

        var k = MerkleTree.SplitPoint(n);
        if (m < k)
        {
            Path(tree, m, start, k, path);
            path.Add(Range(tree, start + k, n - k));
        }
        else
        {
            Path(tree, m - k, start + k, n - k, path);
            path.Add(Range(tree, start, k));
        }
    }

    private static void SubProof(ISubtreeHashes tree, long m, long start, long n, bool isOldRoot, List<TreeHash> proof)
    {
        if (m == n)
        {
            if (!isOldRoot)
            {
                proof.Add(Range(tree, start, n));
            }

            return;
        }

        var k = MerkleTree.SplitPoint(n);
        if (m <= k)
        {
            SubProof(tree, m, start, k, isOldRoot, proof);
            proof.Add(Range(tree, start + k, n - k));
        }
        else
        {
            SubProof(tree, m - k, start + k, n - k, false, proof);
            proof.Add(Range(tree, start, k));
        }
    }
}
