using Liaison.Core.Ledger;

namespace Liaison.Core.Tests.Ledger;

public sealed class ExchangeComparisonTests
{
    private const string A = "incident--00000000-0000-4000-8000-00000000000a";
    private const string B = "incident--00000000-0000-4000-8000-00000000000b";
    private const string C = "incident--00000000-0000-4000-8000-00000000000c";
    private const string D = "incident--00000000-0000-4000-8000-00000000000d";

    [Fact]
    public void Each_version_lands_in_exactly_one_class()
    {
        using var rus = TestKeys.Rus();
        var releases = new[]
        {
            Release(A, 1), Release(B, 2), Release(C, 3),
            Release(D, 4, partner: "UKR"), // to another partner: not part of this comparison
            new LedgerEntry(LedgerEntryKind.Approval, 0, "RUS", A, 1, null, SampleEntries.HashOf(1)),
        };
        var receipt = SignedReceiptTests.Make(rus,
            new ReceivedObject(A, 1, SampleEntries.HashOf(1)),
            new ReceivedObject(C, 1, SampleEntries.HashOf(99)),
            new ReceivedObject(D, 1, SampleEntries.HashOf(4)));

        var report = ExchangeComparison.Compare(releases, "RUS", [receipt], rus.PublicKeyBase64);

        Assert.Equal([A], report.Acknowledged.Select(i => i.ObjectId));
        Assert.Equal([B], report.NotAcknowledged.Select(i => i.ObjectId));
        Assert.Equal([D], report.NeverReleased.Select(i => i.ObjectId));
        var mismatch = Assert.Single(report.HashMismatches);
        Assert.Equal((C, SampleEntries.HashOf(3), SampleEntries.HashOf(99)), (mismatch.ObjectId, mismatch.Released!.Value, mismatch.Acknowledged!.Value));
        Assert.False(report.IsClean);
    }

    [Fact]
    public void Versions_are_told_apart_and_a_receipt_that_does_not_verify_counts_for_nothing()
    {
        using var rus = TestKeys.Rus();
        using var fra = TestKeys.Fra();
        var releases = new[] { Release(A, 1, version: 10), Release(A, 2, version: 20) };
        var genuine = SignedReceiptTests.Make(rus, new ReceivedObject(A, 10, SampleEntries.HashOf(1)));
        var forged = SignedReceiptTests.Make(fra, new ReceivedObject(A, 20, SampleEntries.HashOf(2)));

        var report = ExchangeComparison.Compare(releases, "RUS", [genuine, forged], rus.PublicKeyBase64);

        Assert.Equal([10L], report.Acknowledged.Select(i => i.ObjectVersion!.Value));
        Assert.Equal([20L], report.NotAcknowledged.Select(i => i.ObjectVersion!.Value));
        Assert.Single(report.RejectedReceipts);
    }

    [Fact]
    public void A_complete_exchange_is_clean()
    {
        using var rus = TestKeys.Rus();
        var report = ExchangeComparison.Compare([Release(A, 1)], "RUS", [SignedReceiptTests.Make(rus, new ReceivedObject(A, 1, SampleEntries.HashOf(1)))], rus.PublicKeyBase64);

        Assert.True(report.IsClean);
    }

    private static LedgerEntry Release(string id, int hash, long version = 1, string partner = "RUS") =>
        new(LedgerEntryKind.Release, SampleEntries.Time, partner, id, version, null, SampleEntries.HashOf(hash));
}
