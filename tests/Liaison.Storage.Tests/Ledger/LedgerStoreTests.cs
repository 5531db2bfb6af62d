using Liaison.Core.Ledger;

namespace Liaison.Storage.Tests.Ledger;

public sealed class LedgerStoreTests
{
    [Fact]
    public void An_entry_appended_in_a_batch_is_committed_with_the_object_or_not_at_all()
    {
        using var test = new TestStore();
        var incident = StixFixtures.Valid(StixFixtures.ThreatActor(1, "Jaysh al-Islam"));
        using (var batch = test.Store.BeginBatch())
        {
            batch.Add(incident);
            batch.AppendLedger(LedgerFixtures.Release(1));
        }

        Assert.Equal(0, test.Store.LedgerSize);
        Assert.Null(test.Store.Get(incident.Id.Value));

        using (var batch = test.Store.BeginBatch())
        {
            batch.Add(incident);
            Assert.Equal(0, batch.AppendLedger(LedgerFixtures.Release(1)).Index);
            Assert.Equal(1, batch.AppendLedger(LedgerFixtures.Release(2)).Index);
            batch.Commit();
        }

        Assert.Equal(2, test.Store.LedgerSize);
        Assert.NotNull(test.Store.Get(incident.Id.Value));
        Assert.Equal(LedgerFixtures.ObjectId(2), test.Store.LedgerEntryAt(1)!.Entry.ObjectId);
    }

    [Fact]
    public void Roots_and_proofs_from_the_stored_tree_match_the_tree_head_of_the_entries_at_every_size()
    {
        using var test = new TestStore();
        var leaves = new List<TreeHash>();
        for (var round = 0; round < 9; round++)
        {
            // Batches of uneven sizes, so the frontier is reloaded from the stored tree many times.
            leaves.AddRange(test.Store.AppendLedger(LedgerFixtures.Releases((round * 3) + 1, leaves.Count)).Select(r => r.LeafHash));
        }

        for (var size = 1; size <= leaves.Count; size++)
        {
            var root = MerkleTree.RootOf(leaves[..size]);
            Assert.Equal(root, test.Store.LedgerRoot(size));
            for (var index = 0; index < size; index += 5)
            {
                var proof = test.Store.LedgerInclusionProof(index, size);
                Assert.True(MerkleVerifier.VerifyInclusion(index, size, leaves[index], proof.Path, root, out var failure), failure);
            }

            var consistency = test.Store.LedgerConsistencyProof(size / 2, size);
            Assert.True(MerkleVerifier.VerifyConsistency(size / 2, size, MerkleTree.RootOf(leaves[..(size / 2)]), root, consistency.Path, out var why), why);
        }
    }

    [Fact]
    public void Entries_are_found_by_object_and_partner()
    {
        using var test = new TestStore();
        test.Store.AppendLedger([LedgerFixtures.Release(1), LedgerFixtures.Release(2), LedgerFixtures.Release(1, partner: "UKR")]);

        Assert.Equal([0L, 2L], test.Store.FindLedgerEntries(LedgerFixtures.ObjectId(1)).Select(r => r.Index));
        Assert.Equal([2L], test.Store.FindLedgerEntries(LedgerFixtures.ObjectId(1), "UKR").Select(r => r.Index));
        Assert.Equal([1L, 2L], test.Store.LedgerEntries(1, 10).Select(r => r.Index));
    }

    [Fact]
    public void An_issued_checkpoint_signs_the_root_as_the_batch_leaves_it()
    {
        using var test = new TestStore();
        using var key = LedgerFixtures.Key();
        test.Store.AppendLedger(LedgerFixtures.Releases(5));
        SignedCheckpoint checkpoint;
        using (var batch = test.Store.BeginBatch())
        {
            batch.AppendLedger(LedgerFixtures.Release(5));
            checkpoint = batch.IssueCheckpoint(LedgerFixtures.Origin, key, "RUS");
            batch.Commit();
        }

        Assert.Equal(6, checkpoint.Checkpoint.TreeSize);
        Assert.Equal(test.Store.LedgerRoot(6), checkpoint.Checkpoint.RootHash);
        Assert.True(checkpoint.Verify(key.PublicKeyBase64, out var failure), failure);
        var issued = Assert.Single(test.Store.IssuedCheckpoints());
        Assert.Equal((checkpoint, key.PublicKeyBase64, (string?)"RUS"), issued);
    }

    [Fact]
    public void An_intact_ledger_verifies_with_its_root()
    {
        using var test = new TestStore();
        using var key = LedgerFixtures.Key();
        test.Store.IssueCheckpoint(LedgerFixtures.Origin, key);
        test.Store.AppendLedger(LedgerFixtures.Releases(40));
        test.Store.IssueCheckpoint(LedgerFixtures.Origin, key);
        test.Store.AppendLedger(LedgerFixtures.Releases(3, 40));

        var result = test.Store.VerifyLedger(key.PublicKeyBase64);

        Assert.True(result.IsValid, result.Problem);
        Assert.Equal(43, result.Entries);
        Assert.Equal(2, result.Checkpoints);
        Assert.Equal(test.Store.LedgerRoot(43), result.Root);
    }

    [Fact]
    public void An_empty_ledger_verifies()
    {
        using var test = new TestStore();
        using var key = LedgerFixtures.Key();

        Assert.True(test.Store.VerifyLedger(key.PublicKeyBase64).IsValid);
        Assert.Equal(MerkleHash.Empty, test.Store.LedgerRoot(0));
    }
}
