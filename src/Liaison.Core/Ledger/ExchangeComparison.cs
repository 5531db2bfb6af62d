using Liaison.Core.Canonical;

namespace Liaison.Core.Ledger;

/// <summary>One object version in a comparison: what we released and what the partner acknowledged.</summary>
/// <param name="ObjectId">The object's STIX id.</param>
/// <param name="ObjectVersion">The version in microseconds; null for an unversioned object.</param>
/// <param name="Released">The content hash in our release entry; null when we never released it.</param>
/// <param name="Acknowledged">The content hash in the partner's receipt; null when it never acknowledged it.</param>
public sealed record ExchangeItem(string ObjectId, long? ObjectVersion, ContentHash? Released, ContentHash? Acknowledged);

/// <summary>What two sides' signed records say about an exchange (see <see cref="ExchangeComparison.Compare"/>). Immutable.</summary>
/// <param name="Acknowledged">Released, and acknowledged with the same content hash.</param>
/// <param name="NotAcknowledged">Released, never acknowledged: lost, withheld or still in transit.</param>
/// <param name="NeverReleased">Acknowledged, but no release entry of ours: the partner claims something we did not send.</param>
/// <param name="HashMismatches">Released and acknowledged with different content: altered on the way or on one side.</param>
/// <param name="RejectedReceipts">Receipts whose signatures did not verify with the partner's key, and why; not counted.</param>
public sealed record ExchangeReport(
    IReadOnlyList<ExchangeItem> Acknowledged,
    IReadOnlyList<ExchangeItem> NotAcknowledged,
    IReadOnlyList<ExchangeItem> NeverReleased,
    IReadOnlyList<ExchangeItem> HashMismatches,
    IReadOnlyList<string> RejectedReceipts)
{
    /// <summary>True when every release was acknowledged as sent and nothing else was claimed.</summary>
    public bool IsClean => NotAcknowledged.Count == 0 && NeverReleased.Count == 0 && HashMismatches.Count == 0 && RejectedReceipts.Count == 0;
}

/// <summary>
/// Compares our release entries for a partner with the partner's signed receipts, version by version (object id and
/// version). Pure: it reads nothing, and the receipts' signatures are checked here with the partner's pinned key.
/// </summary>
public static class ExchangeComparison
{
    /// <summary>Classifies every version released or acknowledged; each list is ordered by object id, then version.</summary>
    /// <param name="releases">Our ledger entries; only <see cref="LedgerEntryKind.Release"/> entries for <paramref name="partner"/> count.</param>
    /// <param name="partner">The partner, as named in our entries.</param>
    /// <param name="receipts">The partner's receipts.</param>
    /// <param name="partnerPublicKey">The partner's pinned key (base64).</param>
    public static ExchangeReport Compare(IEnumerable<LedgerEntry> releases, string partner, IEnumerable<SignedReceipt> receipts, string partnerPublicKey)
    {
        ArgumentNullException.ThrowIfNull(releases);
        ArgumentNullException.ThrowIfNull(receipts);
        ArgumentNullException.ThrowIfNull(partnerPublicKey);
        var released = new Dictionary<(string, long?), ContentHash>();
        foreach (var entry in releases)
        {
            if (entry.Kind == LedgerEntryKind.Release && string.Equals(entry.Partner, partner, StringComparison.Ordinal))
            {
                released.TryAdd((entry.ObjectId!, entry.ObjectVersion), entry.ContentHash!.Value);
            }
        }

        var acknowledged = new Dictionary<(string, long?), ContentHash>();
        var rejected = new List<string>();
        foreach (var receipt in receipts)
        {
            if (!receipt.Verify(partnerPublicKey, out var failure))
            {
                rejected.Add(failure);
                continue;
            }

            foreach (var item in receipt.Receipt.Received)
            {
                acknowledged.TryAdd((item.ObjectId, item.ObjectVersion), item.ContentHash);
            }
        }

        List<ExchangeItem> ok = [], missing = [], claimed = [], mismatched = [];
        foreach (var ((id, version), hash) in released)
        {
            if (!acknowledged.TryGetValue((id, version), out var theirs))
            {
                missing.Add(new ExchangeItem(id, version, hash, null));
            }
            else
            {
                (theirs == hash ? ok : mismatched).Add(new ExchangeItem(id, version, hash, theirs));
            }
        }

        foreach (var ((id, version), hash) in acknowledged)
        {
            if (!released.ContainsKey((id, version)))
            {
                claimed.Add(new ExchangeItem(id, version, null, hash));
            }
        }

        return new ExchangeReport(Sorted(ok), Sorted(missing), Sorted(claimed), Sorted(mismatched), rejected);
    }

    private static List<ExchangeItem> Sorted(List<ExchangeItem> items) =>
        [.. items.OrderBy(i => i.ObjectId, StringComparer.Ordinal).ThenBy(i => i.ObjectVersion ?? long.MinValue)];
}
