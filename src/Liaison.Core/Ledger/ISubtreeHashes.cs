namespace Liaison.Core.Ledger;

/// <summary>
/// Where proofs read the tree from: the hash of every complete, aligned subtree of the log's leaves — the subtree of
/// height <c>level</c> holding leaves <c>[index · 2^level, (index + 1) · 2^level)</c>. Level 0 is the leaf hashes.
/// The store keeps exactly these (about two per entry), so any root or proof needs O(log n) reads.
/// </summary>
public interface ISubtreeHashes
{
    /// <summary>The hash of a complete subtree; only asked for subtrees that lie wholly inside the tree being proven.</summary>
    TreeHash Subtree(int level, long index);
}
