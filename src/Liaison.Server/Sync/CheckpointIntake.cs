using System.Text.Json;
using Liaison.Core.Ledger;
using Liaison.Storage.Partners;
using Liaison.Storage.Sqlite;

namespace Liaison.Server.Sync;

/// <summary>
/// What a receiver does with the checkpoints a partner published: each, smallest tree first, is checked against the
/// partner's pinned key and every checkpoint held from it (with the consistency proof it carries), and kept only when
/// it holds. A fork — two histories of one log — is reported, never stored over.
/// </summary>
public static class CheckpointIntake
{
    /// <summary>Checks and keeps <paramref name="checkpoints"/>; returns one check per checkpoint, in the order checked.</summary>
    public static IReadOnlyList<CheckpointCheck> Accept(SqliteStixStore store, PartnerInfo partner, IEnumerable<JsonElement> checkpoints)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(partner);
        var read = new List<(SignedCheckpoint Checkpoint, IReadOnlyList<ConsistencyProof> Proofs)>();
        var checks = new List<CheckpointCheck>();
        foreach (var stix in checkpoints)
        {
            if (LedgerStix.TryCheckpointFromStix(stix, out var checkpoint, out var failure))
            {
                read.Add((checkpoint, LedgerStix.ConsistencyFromStix(stix, checkpoint.Checkpoint.TreeSize)));
            }
            else
            {
                checks.Add(new CheckpointCheck(CheckpointOutcome.BadSignature, $"unreadable checkpoint: {failure}"));
            }
        }

        foreach (var (checkpoint, proofs) in read.OrderBy(r => r.Checkpoint.Checkpoint.TreeSize))
        {
            checks.Add(store.AcceptPartnerCheckpoint(partner.Code, partner.PublicKey, checkpoint, proofs));
        }

        return checks;
    }
}
