using Liaison.Storage.Sqlite;
using static Liaison.Storage.Tests.StixFixtures;

namespace Liaison.Storage.Tests;

public sealed class SqliteStixStoreVersionTests
{
    [Fact]
    public void Every_version_is_kept_and_the_latest_wins_for_reads()
    {
        using var test = new TestStore();
        var v1 = Note(1, "first", modified: Stamp(1));
        var v2 = Note(1, "second", modified: Stamp(2));

        Assert.Equal(WriteOutcome.New, test.Add(Valid(v1)).Outcome);
        Assert.Equal(WriteOutcome.Updated, test.Add(Valid(v2)).Outcome);

        var latest = test.Store.Get(Id("note", 1))!;
        Assert.Contains("second", latest.ToJsonElement().GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, test.Store.GetVersions(Id("note", 1)).Count);
    }

    [Fact]
    public void An_older_version_arriving_late_is_kept_but_does_not_replace_the_latest()
    {
        using var test = new TestStore();
        test.Add(Valid(Note(1, "newer", modified: Stamp(5))));

        Assert.Equal(WriteOutcome.Updated, test.Add(Valid(Note(1, "older", modified: Stamp(2)))).Outcome);

        Assert.Equal("newer", test.Store.Get(Id("note", 1))!.ToJsonElement().GetProperty("content").GetString());
        var versions = test.Store.GetVersions(Id("note", 1));
        Assert.Equal(["older", "newer"], versions.Select(v => v.ToJsonElement().GetProperty("content").GetString()));
        Assert.Equal([false, true], versions.Select(v => v.IsLatest));
    }

    [Fact]
    public void Identical_reingest_is_a_no_op()
    {
        using var test = new TestStore();
        var note = Valid(Note(1, "same"));
        test.Add(note);
        var before = test.Store.Statistics();

        Assert.Equal(WriteOutcome.Unchanged, test.Add(note).Outcome);
        Assert.Equal(before.Versions, test.Store.Statistics().Versions);
    }

    [Fact]
    public void The_same_version_with_other_content_is_refused_and_changes_nothing()
    {
        using var test = new TestStore();
        test.Add(Valid(Note(1, "original")));

        var result = test.Add(Valid(Note(1, "tampered")));

        Assert.Equal(WriteOutcome.Refused, result.Outcome);
        Assert.Contains("already stored with different content", result.Reason, StringComparison.Ordinal);
        Assert.Equal("original", test.Store.Get(Id("note", 1))!.ToJsonElement().GetProperty("content").GetString());
    }

    [Fact]
    public void A_revoked_object_is_hidden_from_queries_and_takes_no_new_version()
    {
        using var test = new TestStore();
        test.Add(Valid(Note(1, "claim", modified: Stamp(1))));
        test.Add(Valid(Note(1, "claim", modified: Stamp(2)).With("revoked", true)));

        Assert.Empty(test.Store.Query(new ObjectQuery { Types = ["note"] }));
        Assert.Single(test.Store.Query(new ObjectQuery { Types = ["note"], IncludeRevoked = true }));
        Assert.True(test.Store.Get(Id("note", 1))!.Revoked);

        var later = test.Add(Valid(Note(1, "claim again", modified: Stamp(3))));
        Assert.Equal(WriteOutcome.Refused, later.Outcome);
        Assert.Contains("revoked", later.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Added_at_is_unique_and_strictly_increasing_even_when_the_clock_stands_still_or_steps_back()
    {
        using var test = new TestStore();
        using (var batch = test.Store.BeginBatch())
        {
            for (var i = 0; i < 50; i++)
            {
                batch.Add(Valid(Note(i, $"n{i}")));
                if (i == 25)
                {
                    test.Clock.UtcNow = test.Clock.UtcNow.AddSeconds(-30);
                }
            }

            batch.Commit();
        }

        test.Reopen();
        test.Add(Valid(Note(99, "after reopen")));
        var added = Enumerable.Range(0, 50).Append(99).Select(i => test.Store.Get(Id("note", i))!.AddedAtMicroseconds).ToList();
        for (var i = 1; i < added.Count; i++)
        {
            Assert.True(added[i] > added[i - 1], $"added_at[{i}] = {added[i]} is not after {added[i - 1]}");
        }

        var start = (test.Clock.UtcNow.AddSeconds(30) - DateTimeOffset.UnixEpoch).Ticks / 10;
        Assert.Equal(start, added[0]);
    }

    [Fact]
    public void A_batch_disposed_without_commit_stores_nothing()
    {
        using var test = new TestStore();
        using (var batch = test.Store.BeginBatch())
        {
            batch.Add(Valid(Note(1, "uncommitted")));
        }

        Assert.Null(test.Store.Get(Id("note", 1)));
        Assert.Equal(0, test.Store.Statistics().Versions);
    }

    [Fact]
    public void Objects_without_modified_have_a_single_version()
    {
        using var test = new TestStore();
        var ip = Valid(new System.Text.Json.Nodes.JsonObject
        {
            ["type"] = "ipv4-addr",
            ["id"] = "ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd",
            ["value"] = "198.51.100.3",
        });

        Assert.Equal(WriteOutcome.New, test.Add(ip).Outcome);
        Assert.Equal(WriteOutcome.Unchanged, test.Add(ip).Outcome);
        Assert.Equal(SqliteWriteBatch.Unversioned, test.Store.Get(ip.Id.Value)!.Version);
    }
}
