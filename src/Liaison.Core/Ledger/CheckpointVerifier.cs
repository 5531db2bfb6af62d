namespace Liaison.Core.Ledger;

/// <summary>
/// What a receiver does with a partner's new checkpoint: check its signature with the pinned key, then its
/// consistency with the checkpoints already held. Pure; thread safe.
/// </summary>
/// <remarks>
/// Held checkpoints were each accepted this way, so they are consistent with one another; consistency is transitive
/// for append-only logs, so relating the new checkpoint to its nearest held neighbours (the largest smaller one and the
/// smallest larger one) proves it consistent with all. Every held checkpoint of the same size is compared directly.
/// </remarks>
public static class CheckpointVerifier
{
    /// <summary>Judges <paramref name="candidate"/>.</summary>
    /// <param name="pinnedPublicKey">The partner's pinned Ed25519 public key (base64).</param>
    /// <param name="held">The partner's checkpoints accepted earlier (any order).</param>
    /// <param name="candidate">The new checkpoint.</param>
    /// <param name="proofs">Consistency proofs the partner supplied with it (from a held size to the new one, or the reverse).</param>
    public static CheckpointCheck Verify(string pinnedPublicKey, IEnumerable<SignedCheckpoint> held, SignedCheckpoint candidate, IEnumerable<ConsistencyProof> proofs)
    {
        ArgumentNullException.ThrowIfNull(pinnedPublicKey);
        ArgumentNullException.ThrowIfNull(held);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(proofs);
        if (!candidate.Verify(pinnedPublicKey, out var signatureFailure))
        {
            return new CheckpointCheck(CheckpointOutcome.BadSignature, signatureFailure);
        }

        var c = candidate.Checkpoint;
        var ordered = held.OrderBy(h => h.Checkpoint.TreeSize).ToList();
        if (ordered.FirstOrDefault(h => h.Checkpoint.Origin != c.Origin) is { } other)
        {
            return new CheckpointCheck(CheckpointOutcome.WrongOrigin, $"the checkpoint is of log '{c.Origin}', the checkpoints held are of '{other.Checkpoint.Origin}'", other);
        }

        foreach (var same in ordered.Where(h => h.Checkpoint.TreeSize == c.TreeSize))
        {
            if (same.Checkpoint.RootHash != c.RootHash)
            {
                return Fork(same, $"two signed checkpoints of '{c.Origin}' at size {c.TreeSize} with different roots: {same.Checkpoint.RootHash} and {c.RootHash}");
            }
        }

        var available = proofs.ToList();
        var before = ordered.LastOrDefault(h => h.Checkpoint.TreeSize < c.TreeSize);
        var after = ordered.FirstOrDefault(h => h.Checkpoint.TreeSize > c.TreeSize);
        if (before is not null && Relate(before.Checkpoint, c, available, before) is { } earlier)
        {
            return earlier;
        }

        if (after is not null && Relate(c, after.Checkpoint, available, after) is { } later)
        {
            return later;
        }

        return new CheckpointCheck(CheckpointOutcome.Accepted, $"checkpoint of '{c.Origin}' at size {c.TreeSize} is signed and consistent with the {ordered.Count} held");
    }

    private static CheckpointCheck? Relate(Checkpoint older, Checkpoint newer, List<ConsistencyProof> proofs, SignedCheckpoint heldOne)
    {
        if (older.TreeSize == 0)
        {
            return null;
        }

        var proof = proofs.FirstOrDefault(p => p.OldSize == older.TreeSize && p.NewSize == newer.TreeSize);
        if (proof is null)
        {
            return new CheckpointCheck(CheckpointOutcome.ProofMissing,
                $"a consistency proof from size {older.TreeSize} to {newer.TreeSize} of '{newer.Origin}' is needed and was not supplied", heldOne);
        }

        return MerkleVerifier.VerifyConsistency(older.TreeSize, newer.TreeSize, older.RootHash, newer.RootHash, proof.Path, out var failure)
            ? null
            : Fork(heldOne, $"the log '{newer.Origin}' was rewritten or forked: {failure}");
    }

    private static CheckpointCheck Fork(SignedCheckpoint held, string message) => new(CheckpointOutcome.Fork, "FORK: " + message, held);
}
