using System.Text.Json;
using Liaison.Core.Ledger;

namespace Liaison.Storage.Tests.Ledger;

public sealed class PartnerLedgerTests
{
    private const string PartnerIdentity = "identity--c1d2e3f4-5a6b-4c7d-8e9f-0a1b2c3d4e5f";

    [Fact]
    public void A_consistent_checkpoint_is_kept_and_a_fork_is_reported_and_not_kept()
    {
        using var ours = new TestStore();
        using var theirs = new TestStore();
        using var forked = new TestStore();
        using var rus = LedgerFixtures.OtherKey();
        theirs.Store.AppendLedger(LedgerFixtures.Releases(10));
        var first = theirs.Store.IssueCheckpoint("liaison/rus", rus);
        theirs.Store.AppendLedger(LedgerFixtures.Releases(5, 10));
        var second = theirs.Store.IssueCheckpoint("liaison/rus", rus);
        forked.Store.AppendLedger([.. LedgerFixtures.Releases(3), LedgerFixtures.Release(777), .. LedgerFixtures.Releases(11, 4)]);
        var fork = forked.Store.IssueCheckpoint("liaison/rus", rus);

        Assert.True(ours.Store.AcceptPartnerCheckpoint("RUS", rus.PublicKeyBase64, first, []).IsAccepted);
        Assert.True(ours.Store.AcceptPartnerCheckpoint("RUS", rus.PublicKeyBase64, second, [theirs.Store.LedgerConsistencyProof(10, 15)]).IsAccepted);
        var check = ours.Store.AcceptPartnerCheckpoint("RUS", rus.PublicKeyBase64, fork, []);

        Assert.True(check.IsFork, check.Message);
        Assert.Equal([first, second], ours.Store.PartnerCheckpoints("RUS"));
    }

    [Fact]
    public void A_verified_receipt_is_kept_as_received_and_a_forged_one_is_refused()
    {
        using var ours = new TestStore();
        using var rus = LedgerFixtures.OtherKey();
        using var impostor = LedgerFixtures.Key();
        var checkpoint = SignedCheckpoint.Sign(new Checkpoint("liaison/rus", 0, MerkleHash.Empty, LedgerFixtures.Time), rus);
        var receipt = SignedReceipt.Sign(new Receipt(checkpoint, LedgerFixtures.Time, [new ReceivedObject(LedgerFixtures.ObjectId(1), LedgerFixtures.Time, LedgerFixtures.Hash(1))]), rus);
        var json = JsonDocument.Parse(LedgerStix.ToStix(receipt, PartnerIdentity).ToJsonString()).RootElement;
        var forged = JsonDocument.Parse(LedgerStix.ToStix(SignedReceipt.Sign(receipt.Receipt, impostor), PartnerIdentity).ToJsonString()).RootElement;

        Assert.Null(ours.Store.SavePartnerReceipt("RUS", rus.PublicKeyBase64, json));
        Assert.NotNull(ours.Store.SavePartnerReceipt("RUS", rus.PublicKeyBase64, forged));

        var kept = Assert.Single(ours.Store.PartnerReceipts("RUS"));
        Assert.Equal(receipt.Receipt.SignedBytes(), kept.Receipt.SignedBytes());
        Assert.Empty(ours.Store.PartnerReceipts("UKR"));
    }

    [Fact]
    public void A_key_rotation_signed_by_the_old_key_carries_verification_over_to_the_new_key()
    {
        using var test = new TestStore();
        using var old = LedgerFixtures.Key();
        using var next = LedgerFixtures.OtherKey();
        test.Store.AppendLedger(LedgerFixtures.Releases(4));
        test.Store.IssueCheckpoint(LedgerFixtures.Origin, old);
        test.Store.AppendLedger([LedgerEntry.ForKeyRotation(KeyRotation.Create(LedgerFixtures.Origin, old, next.PublicKeyBase64, LedgerFixtures.Time))]);
        test.Store.AppendLedger(LedgerFixtures.Releases(3, 4));
        test.Store.IssueCheckpoint(LedgerFixtures.Origin, next);

        var result = test.Store.VerifyLedger(next.PublicKeyBase64);
        Assert.True(result.IsValid, result.Problem);
        Assert.False(test.Store.VerifyLedger(old.PublicKeyBase64).IsValid);
    }

    [Fact]
    public void A_checkpoint_signed_with_the_old_key_after_a_rotation_fails_verification()
    {
        using var test = new TestStore();
        using var old = LedgerFixtures.Key();
        using var next = LedgerFixtures.OtherKey();
        test.Store.AppendLedger([LedgerEntry.ForKeyRotation(KeyRotation.Create(LedgerFixtures.Origin, old, next.PublicKeyBase64, LedgerFixtures.Time))]);
        test.Store.IssueCheckpoint(LedgerFixtures.Origin, old);

        var result = test.Store.VerifyLedger(next.PublicKeyBase64);

        Assert.False(result.IsValid);
        Assert.Contains("not signed by the key in effect", result.Problem, StringComparison.Ordinal);
    }
}
