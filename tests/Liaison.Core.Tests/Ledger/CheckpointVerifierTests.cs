using Liaison.Core.Crypto;
using Liaison.Core.Ledger;

namespace Liaison.Core.Tests.Ledger;

public sealed class CheckpointVerifierTests
{
    private static readonly MemoryTree History = MemoryTree.OfEntries(SampleEntries.Many(20).Select((e, i) => LedgerEncoding.Encode(i, e)));

    // The same first 20 entries except entry 3, which the partner rewrote afterwards.
    private static readonly MemoryTree Rewritten = MemoryTree.OfEntries(SampleEntries.Many(20)
        .Select((e, i) => LedgerEncoding.Encode(i, i == 3 ? SampleEntries.Release(hash: SampleEntries.HashOf(999)) : e)));

    private static SignedCheckpoint At(MemoryTree tree, long size, NodeKey key) =>
        SignedCheckpoint.Sign(new Checkpoint(TestKeys.RusOrigin, size, tree.Root(size), SampleEntries.Time + size), key);

    [Fact]
    public void A_first_checkpoint_is_accepted_on_its_signature()
    {
        using var rus = TestKeys.Rus();

        var check = CheckpointVerifier.Verify(rus.PublicKeyBase64, [], At(History, 5, rus), []);

        Assert.Equal(CheckpointOutcome.Accepted, check.Outcome);
    }

    [Fact]
    public void A_growing_log_with_its_proofs_is_accepted_between_held_checkpoints()
    {
        using var rus = TestKeys.Rus();
        var held = new[] { At(History, 4, rus), At(History, 16, rus) };
        var proofs = new[] { new ConsistencyProof(4, 10, MerkleProofs.Consistency(History, 4, 10)), new ConsistencyProof(10, 16, MerkleProofs.Consistency(History, 10, 16)) };

        var check = CheckpointVerifier.Verify(rus.PublicKeyBase64, held, At(History, 10, rus), proofs);

        Assert.True(check.IsAccepted, check.Message);
    }

    [Fact]
    public void A_checkpoint_not_signed_by_the_pinned_key_is_refused()
    {
        using var rus = TestKeys.Rus();
        using var impostor = TestKeys.Fra();

        var check = CheckpointVerifier.Verify(rus.PublicKeyBase64, [], At(History, 5, impostor), []);

        Assert.Equal(CheckpointOutcome.BadSignature, check.Outcome);
    }

    [Fact]
    public void Two_signed_roots_for_the_same_size_are_a_fork()
    {
        using var rus = TestKeys.Rus();
        var held = At(History, 12, rus);

        var check = CheckpointVerifier.Verify(rus.PublicKeyBase64, [held], At(Rewritten, 12, rus), []);

        Assert.True(check.IsFork);
        Assert.Same(held, check.Conflicting);
        Assert.StartsWith("FORK: two signed checkpoints", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_partner_serving_a_rewritten_history_is_caught_by_consistency()
    {
        using var rus = TestKeys.Rus();
        var held = At(History, 8, rus);
        var proof = new ConsistencyProof(8, 20, MerkleProofs.Consistency(Rewritten, 8, 20));

        var check = CheckpointVerifier.Verify(rus.PublicKeyBase64, [held], At(Rewritten, 20, rus), [proof]);

        Assert.Equal(CheckpointOutcome.Fork, check.Outcome);
        Assert.Contains("was rewritten or forked", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_older_checkpoint_of_another_history_is_caught_against_a_later_held_one()
    {
        using var rus = TestKeys.Rus();
        var held = At(History, 20, rus);
        var proof = new ConsistencyProof(6, 20, MerkleProofs.Consistency(Rewritten, 6, 20));

        Assert.True(CheckpointVerifier.Verify(rus.PublicKeyBase64, [held], At(Rewritten, 2, rus), [new ConsistencyProof(2, 20, MerkleProofs.Consistency(History, 2, 20))]).IsAccepted);
        Assert.True(CheckpointVerifier.Verify(rus.PublicKeyBase64, [held], At(Rewritten, 6, rus), [proof]).IsFork);
    }

    [Fact]
    public void Without_the_needed_proof_the_checkpoint_waits()
    {
        using var rus = TestKeys.Rus();

        var check = CheckpointVerifier.Verify(rus.PublicKeyBase64, [At(History, 8, rus)], At(History, 20, rus), []);

        Assert.Equal(CheckpointOutcome.ProofMissing, check.Outcome);
        Assert.Contains("from size 8 to 20", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_checkpoint_of_another_log_is_not_compared()
    {
        using var rus = TestKeys.Rus();
        var other = SignedCheckpoint.Sign(new Checkpoint("liaison/elsewhere", 3, History.Root(3), 0), rus);

        Assert.Equal(CheckpointOutcome.WrongOrigin, CheckpointVerifier.Verify(rus.PublicKeyBase64, [At(History, 8, rus)], other, []).Outcome);
    }
}
