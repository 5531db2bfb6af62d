using Liaison.Core.Canonical;
using Liaison.Core.Ledger;

namespace Liaison.Core.Tests.Ledger;

/// <summary>Ledger entries of the seed scenario, fixed so their encodings and hashes can be pinned.</summary>
internal static class SampleEntries
{
    public const long Time = 1_450_166_400_000_000; // 2015-12-15T08:00:00Z
    public const string Incident = "incident--81847e12-93e2-44c6-a0db-23cf385deff8";
    public const string Strike = "x-liaison-strike-assessment--22f5d4b4-6e42-485b-ae40-5bf9db18164c";

    public static readonly ContentHash IncidentHash = ContentHash.Parse("d4191834714542dcf3e5d8a6ab386c9b72259430730157b6e5c76469cbb6a622");

    public static LedgerEntry Release(string objectId = Incident, long offset = 0, ContentHash? hash = null, string partner = "RUS") =>
        new(LedgerEntryKind.Release, Time + offset, partner, objectId, Time - 3_600_000_000, "RUS v3 release[1]", hash ?? IncidentHash);

    public static LedgerEntry Receipt(string objectId, long? version, ContentHash hash, string partner = "FRA") =>
        new(LedgerEntryKind.Receipt, Time, partner, objectId, version, null, hash);

    /// <summary>n distinct release entries (object ids and hashes differ).</summary>
    public static IEnumerable<LedgerEntry> Many(int count, string partner = "RUS") => Enumerable.Range(0, count).Select(i =>
        new LedgerEntry(LedgerEntryKind.Release, Time + i, partner, $"incident--{new Guid(i, 0, 0, [0x80, 0, 0, 0, 0, 0, 0, 0]):D}".Replace("-0000-0000-", "-0000-4000-", StringComparison.Ordinal),
            Time, null, HashOf(i)));

    public static ContentHash HashOf(int i)
    {
        var bytes = new byte[32];
        BitConverter.TryWriteBytes(bytes, i);
        bytes[31] = 0x5a;
        return ContentHash.FromBytes(bytes);
    }
}
