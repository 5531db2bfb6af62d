using System.Diagnostics.CodeAnalysis;

namespace Liaison.Core.Ledger;

/// <summary>The names of entry kinds as people and JSON see them (<c>release</c>, <c>key-rotation</c>…), and what each requires.</summary>
public static class LedgerEntryKinds
{
    private static readonly Dictionary<LedgerEntryKind, string> Names = new()
    {
        [LedgerEntryKind.Release] = "release",
        [LedgerEntryKind.Receipt] = "receipt",
        [LedgerEntryKind.Withdrawal] = "withdrawal",
        [LedgerEntryKind.Approval] = "approval",
        [LedgerEntryKind.Rejection] = "rejection",
        [LedgerEntryKind.AgreementApplied] = "agreement-applied",
        [LedgerEntryKind.KeyRotation] = "key-rotation",
        [LedgerEntryKind.DeconflictionConflict] = "deconfliction-conflict",
        [LedgerEntryKind.DeconflictionAcknowledgement] = "deconfliction-acknowledgement",
        [LedgerEntryKind.RequestForInformation] = "rfi",
        [LedgerEntryKind.DeconflictionReport] = "deconfliction-report",
    };

    private static readonly Dictionary<string, LedgerEntryKind> ByName = Names.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    /// <summary>Whether this program knows the kind (an encoded entry with another number is refused).</summary>
    public static bool IsDefined(LedgerEntryKind kind) => Names.ContainsKey(kind);

    /// <summary>The kind's name, e.g. <c>agreement-applied</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The kind is not defined.</exception>
    public static string Name(LedgerEntryKind kind) =>
        Names.TryGetValue(kind, out var name) ? name : throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a ledger entry kind");

    /// <summary>Finds a kind by its name.</summary>
    public static bool TryParse(string? name, [NotNullWhen(true)] out LedgerEntryKind? kind)
    {
        kind = name is not null && ByName.TryGetValue(name, out var found) ? found : null;
        return kind is not null;
    }

    /// <summary>Every kind but a key rotation concerns one partner.</summary>
    public static bool NeedsPartner(LedgerEntryKind kind) => kind != LedgerEntryKind.KeyRotation;

    /// <summary>Kinds about one STIX object (its id and content hash are required).</summary>
    public static bool NeedsObject(LedgerEntryKind kind) => kind is not (LedgerEntryKind.AgreementApplied or LedgerEntryKind.KeyRotation);
}
