using System.Diagnostics.CodeAnalysis;

namespace Liaison.Core.Ledger;

/// <summary>
/// Checks inclusion and consistency proofs exactly as RFC 9162 §2.1.3.2 and §2.1.4.2 describe, needing nothing but
/// the proof and the roots. A failure comes with a reason; nothing throws on bad proofs. Thread safe.
/// </summary>
public static class MerkleVerifier
{
    /// <summary>Checks that <paramref name="leaf"/> is leaf <paramref name="index"/> of the tree of <paramref name="size"/> leaves with <paramref name="root"/>.</summary>
    public static bool VerifyInclusion(long index, long size, TreeHash leaf, IReadOnlyList<TreeHash> path, TreeHash root, [NotNullWhen(false)] out string? failure)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!TryRootFromInclusion(index, size, leaf, path, out var computed, out failure))
        {
            return false;
        }

        if (computed != root)
        {
            failure = $"the inclusion proof of leaf {index} leads to root {computed}, not the checkpoint's {root}";
            return false;
        }

        return true;
    }

    /// <summary>The root an inclusion proof leads to, or why the proof cannot be one for that leaf and size.</summary>
    public static bool TryRootFromInclusion(long index, long size, TreeHash leaf, IReadOnlyList<TreeHash> path, out TreeHash root, [NotNullWhen(false)] out string? failure)
    {
        ArgumentNullException.ThrowIfNull(path);
        root = default;
        if (index < 0 || index >= size)
        {
            failure = $"leaf index {index} is outside a tree of {size} leaves";
            return false;
        }

        var fn = index;
        var sn = size - 1;
        var r = leaf;
        foreach (var p in path)
        {
            if (sn == 0)
            {
                failure = $"the inclusion proof has {path.Count} hashes, more than a tree of {size} leaves needs for leaf {index}";
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                r = MerkleHash.Node(p, r);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                r = MerkleHash.Node(r, p);
            }

            fn >>= 1;
            sn >>= 1;
        }

        if (sn != 0)
        {
            failure = $"the inclusion proof has {path.Count} hashes, fewer than a tree of {size} leaves needs for leaf {index}";
            return false;
        }

        root = r;
        failure = null;
        return true;
    }

    /// <summary>
    /// Checks that the tree of <paramref name="oldSize"/> leaves with <paramref name="oldRoot"/> is a prefix of the tree
    /// of <paramref name="newSize"/> leaves with <paramref name="newRoot"/>: nothing in the older log was changed,
    /// removed or reordered.
    /// </summary>
    public static bool VerifyConsistency(long oldSize, long newSize, TreeHash oldRoot, TreeHash newRoot, IReadOnlyList<TreeHash> proof, [NotNullWhen(false)] out string? failure)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (oldSize < 0 || newSize < oldSize)
        {
            failure = $"a log cannot shrink: size {oldSize} cannot be followed by size {newSize}";
            return false;
        }

        if (oldSize == newSize || oldSize == 0)
        {
            failure = proof.Count != 0 ? $"a consistency proof from size {oldSize} to {newSize} must be empty, it has {proof.Count} hashes"
                : oldSize == newSize && oldRoot != newRoot ? $"two different roots for the same size {oldSize}: {oldRoot} and {newRoot}"
                : null;
            return failure is null;
        }

        if (proof.Count == 0)
        {
            failure = $"the consistency proof from size {oldSize} to {newSize} is empty";
            return false;
        }

        var path = new List<TreeHash>(proof.Count + 1);
        if (MerkleTree.IsPowerOfTwo(oldSize))
        {
            path.Add(oldRoot);
        }

        path.AddRange(proof);
        var fn = oldSize - 1;
        var sn = newSize - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }

        var fr = path[0];
        var sr = path[0];
        for (var i = 1; i < path.Count; i++)
        {
            var c = path[i];
            if (sn == 0)
            {
                failure = $"the consistency proof from size {oldSize} to {newSize} has more hashes than it needs";
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                fr = MerkleHash.Node(c, fr);
                sr = MerkleHash.Node(c, sr);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                sr = MerkleHash.Node(sr, c);
            }

            fn >>= 1;
            sn >>= 1;
        }

        failure = sn != 0 ? $"the consistency proof from size {oldSize} to {newSize} has fewer hashes than it needs"
            : fr != oldRoot ? $"the log of size {newSize} does not extend the log of size {oldSize}: the proof leads to old root {fr}, not {oldRoot}"
            : sr != newRoot ? $"the log of size {newSize} does not extend the log of size {oldSize}: the proof leads to new root {sr}, not {newRoot}"
            : null;
        return failure is null;
    }
}
