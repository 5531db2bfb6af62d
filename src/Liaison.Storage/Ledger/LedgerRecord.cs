using Liaison.Core.Ledger;

namespace Liaison.Storage.Ledger;

/// <summary>An entry as stored: its position in the log, the entry, and the exact bytes its leaf hash covers.</summary>
/// <param name="Index">The entry's position, from 0.</param>
/// <param name="Entry">The decoded entry.</param>
/// <param name="Encoded">The stored encoding (<see cref="LedgerEncoding"/>).</param>
public sealed record LedgerRecord(long Index, LedgerEntry Entry, byte[] Encoded)
{
    /// <summary>The entry's leaf hash in the Merkle tree.</summary>
    public TreeHash LeafHash => MerkleHash.Leaf(Encoded);
}
