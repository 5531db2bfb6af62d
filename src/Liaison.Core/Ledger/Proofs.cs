namespace Liaison.Core.Ledger;

/// <summary>An RFC 9162 inclusion proof: the audit path of one leaf in a tree of a given size, leaf side first.</summary>
/// <param name="LeafIndex">The leaf's position, from 0.</param>
/// <param name="TreeSize">The size of the tree the path leads to the root of.</param>
/// <param name="Path">The sibling hashes.</param>
public sealed record InclusionProof(long LeafIndex, long TreeSize, IReadOnlyList<TreeHash> Path);

/// <summary>An RFC 9162 consistency proof: the tree of <paramref name="OldSize"/> leaves is a prefix of the tree of <paramref name="NewSize"/>.</summary>
/// <param name="OldSize">The earlier size.</param>
/// <param name="NewSize">The later size.</param>
/// <param name="Path">The proof's hashes.</param>
public sealed record ConsistencyProof(long OldSize, long NewSize, IReadOnlyList<TreeHash> Path);
