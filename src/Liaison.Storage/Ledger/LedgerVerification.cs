namespace Liaison.Storage.Ledger;

/// <summary>
/// The outcome of recomputing a stored log from its rows: every entry decoded, every stored tree node recomputed,
/// every issued checkpoint's root and signature checked, every key rotation followed. Immutable.
/// </summary>
/// <param name="Entries">Entries read before the first problem (all of them when valid).</param>
/// <param name="Checkpoints">Issued checkpoints checked before the first problem.</param>
/// <param name="Root">The recomputed root of the whole log (when valid).</param>
/// <param name="FirstBadEntry">
/// The first entry that is missing, altered or out of place; for a change only a checkpoint reveals, the first
/// entry after the last checkpoint that still matched. Null when valid.
/// </param>
/// <param name="Problem">What is wrong, in words; null when valid.</param>
public sealed record LedgerVerification(long Entries, int Checkpoints, Core.Ledger.TreeHash? Root, long? FirstBadEntry, string? Problem)
{
    /// <summary>True when nothing is wrong.</summary>
    public bool IsValid => Problem is null;
}
