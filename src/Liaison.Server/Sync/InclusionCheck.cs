using System.Text.Json;
using Liaison.Core.Canonical;
using Liaison.Core.Ledger;

namespace Liaison.Server.Sync;

/// <summary>
/// Proves that what a partner sent is in its log: each signed checkpoint carries the entries of the batch it closes
/// and the peaks before them (<see cref="LedgerRange"/>); rebuilt, they must give the signed root. An object received
/// is proved when an entry of a proved range holds its exact content hash.
/// </summary>
public static class InclusionCheck
{
    /// <summary>What the checkpoints of one pull prove.</summary>
    /// <param name="Proven">Content hashes of the entries proved in the partner's log.</param>
    /// <param name="Failures">Checkpoints whose entries do not make their signed root (or are unsigned by the pinned key), and why.</param>
    public sealed record Result(IReadOnlySet<ContentHash> Proven, IReadOnlyList<string> Failures);

    /// <summary>Checks every checkpoint object's range against its own signed root and the partner's pinned key.</summary>
    public static Result Run(IEnumerable<JsonElement> checkpoints, string pinnedPublicKey)
    {
        ArgumentNullException.ThrowIfNull(checkpoints);
        var proven = new HashSet<ContentHash>();
        var failures = new List<string>();
        foreach (var stix in checkpoints)
        {
            if (!LedgerStix.TryCheckpointFromStix(stix, out var checkpoint, out var unreadable))
            {
                failures.Add($"unreadable checkpoint: {unreadable}");
                continue;
            }

            if (LedgerStix.RangeFromStix(stix) is not { } range)
            {
                continue; // a checkpoint without entries proves consistency only
            }

            if (!checkpoint.Verify(pinnedPublicKey, out var signature))
            {
                failures.Add($"checkpoint at size {checkpoint.Checkpoint.TreeSize}: {signature}");
            }
            else if (!range.TryVerify(checkpoint.Checkpoint, out var entries, out var failure))
            {
                failures.Add($"checkpoint at size {checkpoint.Checkpoint.TreeSize}: {failure}");
            }
            else
            {
                proven.UnionWith(entries.Where(e => e.ContentHash is not null).Select(e => e.ContentHash!.Value));
            }
        }

        return new Result(proven, failures);
    }
}
