using System.Diagnostics.CodeAnalysis;

namespace Liaison.Core.Ledger;

/// <summary>
/// The entries a batch appended to a log — positions <see cref="FromIndex"/> to the checkpoint's size − 1 — with the
/// peaks of the log before them. With the signed checkpoint that closes the batch, a recipient can rebuild the root
/// from the peaks and the entries' leaves: every entry is proved in the log, and nothing else of the log is shown.
/// </summary>
/// <param name="FromIndex">The position of the first entry.</param>
/// <param name="Peaks">The complete subtree roots of the log of <see cref="FromIndex"/> entries, largest first.</param>
/// <param name="Encoded">The entries in the ledger's binary encoding.</param>
public sealed record LedgerRange(long FromIndex, IReadOnlyList<TreeHash> Peaks, IReadOnlyList<byte[]> Encoded)
{
    /// <summary>Checks the range against <paramref name="checkpoint"/> and decodes its entries, or says why it does not hold.</summary>
    public bool TryVerify(Checkpoint checkpoint, [NotNullWhen(true)] out IReadOnlyList<LedgerEntry>? entries, [NotNullWhen(false)] out string? failure)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        entries = null;
        if (FromIndex < 0 || FromIndex + Encoded.Count != checkpoint.TreeSize)
        {
            failure = $"the entries cover positions {FromIndex} to {FromIndex + Encoded.Count - 1}, not the end of a log of {checkpoint.TreeSize}";
            return false;
        }

        if (Peaks.Count != System.Numerics.BitOperations.PopCount((ulong)FromIndex))
        {
            failure = $"a log of {FromIndex} entries has {System.Numerics.BitOperations.PopCount((ulong)FromIndex)} peaks, not {Peaks.Count}";
            return false;
        }

        var frontier = new MerkleFrontier(FromIndex, Peaks);
        var decoded = new List<LedgerEntry>(Encoded.Count);
        for (var i = 0; i < Encoded.Count; i++)
        {
            if (!LedgerEncoding.TryDecode(Encoded[i], out var index, out var entry, out var problem))
            {
                failure = $"entry {FromIndex + i}: {problem}";
                return false;
            }

            if (index != FromIndex + i)
            {
                failure = $"entry {FromIndex + i} says it is at position {index}";
                return false;
            }

            frontier.Append(MerkleHash.Leaf(Encoded[i]));
            decoded.Add(entry);
        }

        if (frontier.Root() != checkpoint.RootHash)
        {
            failure = $"the entries from position {FromIndex} do not make the signed root {checkpoint.RootHash}: they are not the log's";
            return false;
        }

        entries = decoded;
        failure = null;
        return true;
    }
}
