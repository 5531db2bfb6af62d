namespace Liaison.Storage.Tests.Ledger;

/// <summary>Someone with the database file changes rows directly; verification must fail and name the first bad entry.</summary>
public sealed class LedgerTamperingTests
{
    private static TestStore Ledger(int entries, params int[] checkpointsAt)
    {
        var test = new TestStore();
        using var key = LedgerFixtures.Key();
        var appended = 0;
        foreach (var at in checkpointsAt.Append(entries))
        {
            test.Store.AppendLedger(LedgerFixtures.Releases(at - appended, appended));
            appended = at;
            test.Store.IssueCheckpoint(LedgerFixtures.Origin, key);
        }

        test.Store.Dispose();
        return test;
    }

    private static (long? FirstBad, string? Problem) Verify(TestStore test)
    {
        test.Reopen();
        using var key = LedgerFixtures.Key();
        var result = test.Store.VerifyLedger(key.PublicKeyBase64);
        Assert.False(result.IsValid, "the tampered ledger verified");
        return (result.FirstBadEntry, result.Problem);
    }

    [Fact]
    public void Editing_one_byte_of_an_entry_names_that_entry()
    {
        using var test = Ledger(50);
        LedgerFixtures.Tamper(test.DatabasePath, "UPDATE ledger_entries SET entry = CAST(replace(CAST(entry AS TEXT), 'RUS v3', 'RUS v4') AS BLOB) WHERE seq = 17");

        var (bad, problem) = Verify(test);

        Assert.Equal(17, bad);
        Assert.Contains("entry 17 was altered", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Deleting_an_entry_names_the_missing_one()
    {
        using var test = Ledger(50);
        LedgerFixtures.Tamper(test.DatabasePath, "DELETE FROM ledger_entries WHERE seq = 23");

        var (bad, problem) = Verify(test);

        Assert.Equal(23, bad);
        Assert.Contains("entry 23 is missing", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Swapping_two_entries_names_the_first_one_moved()
    {
        using var test = Ledger(50);
        LedgerFixtures.Tamper(test.DatabasePath,
            "UPDATE ledger_entries SET entry = (SELECT entry FROM ledger_entries e WHERE e.seq = CASE ledger_entries.seq WHEN 8 THEN 30 ELSE 8 END), " +
            "object_id = (SELECT object_id FROM ledger_entries e WHERE e.seq = CASE ledger_entries.seq WHEN 8 THEN 30 ELSE 8 END) WHERE seq IN (8, 30)");

        var (bad, problem) = Verify(test);

        Assert.Equal(8, bad);
        Assert.Contains("holds the bytes of entry 30", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Deleting_the_newest_entries_and_their_tree_nodes_is_caught_by_the_signed_checkpoint()
    {
        using var test = Ledger(50);
        LedgerFixtures.Tamper(test.DatabasePath, "DELETE FROM ledger_entries WHERE seq >= 45; DELETE FROM ledger_tree WHERE position >= 88");

        var (bad, problem) = Verify(test);

        Assert.Equal(45, bad);
        Assert.Contains("entries from 45 on were deleted", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Changing_a_stored_tree_node_names_the_entries_it_covers()
    {
        using var test = Ledger(50);
        LedgerFixtures.Tamper(test.DatabasePath, "UPDATE ledger_tree SET hash = zeroblob(32) WHERE position = 14"); // level 3, entries 0 to 7

        var (bad, problem) = Verify(test);

        Assert.Equal(0, bad);
        Assert.Contains("tree node 14 (level 3, entries 0 to 7) does not match", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Changing_a_partner_column_is_caught_although_the_entry_bytes_are_intact()
    {
        using var test = Ledger(10);
        LedgerFixtures.Tamper(test.DatabasePath, "UPDATE ledger_entries SET partner = 'UKR' WHERE seq = 4");

        var (bad, _) = Verify(test);

        Assert.Equal(4, bad);
    }

    [Fact]
    public void Rewriting_an_entry_and_recomputing_the_tree_is_caught_by_the_checkpoint_that_covered_it()
    {
        using var test = Ledger(40, 10, 20);
        // The forger rebuilds entry 14 and the whole tree consistently: only the signed checkpoints stand in the way.
        test.Reopen();
        var forged = Liaison.Core.Ledger.LedgerEncoding.Encode(14, LedgerFixtures.Release(914));
        test.Store.Dispose();
        LedgerFixtures.Tamper(test.DatabasePath, $"UPDATE ledger_entries SET entry = x'{Convert.ToHexString(forged)}', object_id = '{LedgerFixtures.ObjectId(914)}' WHERE seq = 14; DELETE FROM ledger_tree");
        test.Reopen();
        var entries = test.Store.LedgerEntries(0, 100);
        test.Store.Dispose();
        var frontier = new Liaison.Core.Ledger.MerkleFrontier();
        var rows = new List<string>();
        foreach (var record in entries)
        {
            frontier.Append(record.LeafHash, (level, index, hash) => rows.Add($"({Liaison.Core.Ledger.MerkleTree.Position(level, index)}, x'{hash}')"));
        }

        LedgerFixtures.Tamper(test.DatabasePath, $"INSERT INTO ledger_tree (position, hash) VALUES {string.Join(", ", rows)}");

        var (bad, problem) = Verify(test);

        Assert.Equal(10, bad);
        Assert.Contains("an entry from 10 to 19 was altered", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_forged_checkpoint_row_is_caught()
    {
        using var test = Ledger(12, 6);
        LedgerFixtures.Tamper(test.DatabasePath, "UPDATE ledger_checkpoints SET time_us = time_us + 1 WHERE tree_size = 12");

        var (_, problem) = Verify(test);

        Assert.Contains("checkpoint at size 12 is not signed by the key in effect", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Verification_of_a_ledger_signed_with_another_key_fails()
    {
        using var test = Ledger(5);
        test.Reopen();
        using var other = LedgerFixtures.OtherKey();

        Assert.False(test.Store.VerifyLedger(other.PublicKeyBase64).IsValid);
    }
}
