using static Liaison.Storage.Tests.StixFixtures;
using static Liaison.Storage.Tests.Taxii.TaxiiFixtures;

namespace Liaison.Storage.Tests.Taxii;

public sealed class CollectionMembershipTests
{
    private static long DateAdded(TestStore test, Guid collection, string label) =>
        test.Store.ReadCollection(collection, All, 1000).Entries.Single(e => Label(e) == label).DateAddedMicroseconds;

    [Fact]
    public void Posting_stores_the_version_and_makes_it_a_member()
    {
        using var test = new TestStore();
        var collection = test.NewCollection();

        Assert.Equal([WriteOutcome.New, WriteOutcome.Updated], test.Post(collection, Note(1, "v1", Stamp(1)), Note(1, "v2", Stamp(2))).Select(r => r.Outcome));

        Assert.Equal(2, test.Store.GetVersions(Id("note", 1)).Count);
        Assert.Equal(["note1@1", "note1@2"], test.Store.ReadCollection(collection, All, 10).Labels());
    }

    [Fact]
    public void Posting_the_same_version_again_to_the_same_collection_keeps_its_first_date_added()
    {
        using var test = new TestStore();
        var collection = test.NewCollection();
        test.Post(collection, ThreatActor(1, "Daech"));
        var first = DateAdded(test, collection, "threat-actor1@0");
        test.Clock.UtcNow = test.Clock.UtcNow.AddMinutes(5);

        Assert.Equal(WriteOutcome.Unchanged, test.Post(collection, ThreatActor(1, "Daech")).Single().Outcome);

        Assert.Equal(first, test.Store.ReadCollection(collection, All, 10).Entries.Single().DateAddedMicroseconds);
    }

    [Fact]
    public void A_version_already_stored_through_another_collection_joins_with_a_new_date_added()
    {
        using var test = new TestStore();
        var toRussia = test.NewCollection("Outbound RUS");
        var toUnhcr = test.NewCollection("Outbound UNHCR");
        test.Post(toRussia, ThreatActor(1, "Daech"));

        Assert.Equal(WriteOutcome.Unchanged, test.Post(toUnhcr, ThreatActor(1, "Daech")).Single().Outcome);

        Assert.True(DateAdded(test, toUnhcr, "threat-actor1@0") > DateAdded(test, toRussia, "threat-actor1@0"));
        Assert.Single(test.Store.GetVersions(Id("threat-actor", 1)));
    }

    [Fact]
    public void A_version_stored_by_ingest_joins_a_collection_later_with_its_own_date_added()
    {
        using var test = new TestStore();
        var collection = test.NewCollection();
        test.Add(Valid(ThreatActor(1, "Daech")));
        var addedAt = test.Store.Get(Id("threat-actor", 1))!.AddedAtMicroseconds;
        Assert.Empty(test.Store.ReadCollection(collection, All, 10).Entries);

        test.Post(collection, ThreatActor(1, "Daech"));

        Assert.True(DateAdded(test, collection, "threat-actor1@0") > addedAt);
    }

    [Fact]
    public void A_refused_write_adds_no_membership()
    {
        using var test = new TestStore();
        var collection = test.NewCollection();
        test.Post(collection, Note(1, "original", Stamp(1)), Note(2, "claim", Stamp(1)), Note(2, "claim", Stamp(2)).With("revoked", true));

        var results = test.Post(collection, Note(1, "tampered", Stamp(1)), Note(2, "after revocation", Stamp(3)));

        Assert.All(results, r => Assert.Equal(WriteOutcome.Refused, r.Outcome));
        Assert.Equal(["note1@1", "note2@1", "note2@2"], test.Store.ReadCollection(collection, All, 10).Labels());
    }

    [Fact]
    public void Posting_to_an_unknown_collection_is_refused_and_stores_nothing()
    {
        using var test = new TestStore();
        var unknown = Guid.NewGuid();
        using var batch = test.Store.BeginBatch();

        var error = Assert.Throws<StoreException>(() => batch.AddToCollection(unknown, Valid(ThreatActor(1, "Daech"))));

        Assert.Contains(unknown.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Null(test.Store.Get(Id("threat-actor", 1)));
    }

    [Fact]
    public void A_batch_disposed_without_commit_adds_no_membership()
    {
        using var test = new TestStore();
        var collection = test.NewCollection();
        using (var batch = test.Store.BeginBatch())
        {
            batch.AddToCollection(collection, Valid(ThreatActor(1, "Daech")));
        }

        Assert.Empty(test.Store.ReadCollection(collection, All, 10).Entries);
        Assert.Null(test.Store.Get(Id("threat-actor", 1)));
    }

    [Fact]
    public void Date_added_follows_the_clock_while_it_moves_forward()
    {
        using var test = new TestStore();
        var collection = test.NewCollection();
        test.Clock.UtcNow = new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
        test.Add(Valid(ThreatActor(1, "Daech")));
        test.Clock.UtcNow = test.Clock.UtcNow.AddSeconds(10);

        test.Post(collection, ThreatActor(1, "Daech"));

        Assert.Equal((test.Clock.UtcNow - DateTimeOffset.UnixEpoch).Ticks / 10, DateAdded(test, collection, "threat-actor1@0"));
    }

    [Fact]
    public void Date_added_is_unique_and_strictly_increasing_across_collections_even_when_the_clock_stands_still_or_steps_back()
    {
        using var test = new TestStore();
        var a = test.NewCollection("A");
        var b = test.NewCollection("B");
        var dates = new List<long>();
        for (var round = 0; round < 3; round++)
        {
            using (var batch = test.Store.BeginBatch())
            {
                for (var i = 0; i < 20; i++)
                {
                    var n = (round * 20) + i;
                    batch.Add(Valid(Note(1000 + n, "plain ingest")));
                    batch.AddToCollection(n % 2 == 0 ? a : b, Valid(ThreatActor(n, $"group {n}")));
                    if (i == 10)
                    {
                        test.Clock.UtcNow = test.Clock.UtcNow.AddSeconds(-30);
                    }
                }

                batch.Commit();
            }

            test.Reopen();
        }

        foreach (var collection in new[] { a, b })
        {
            dates.AddRange(test.Store.ReadCollection(collection, All, 1000).Entries.Select(e => e.DateAddedMicroseconds));
        }

        var addedAt = Enumerable.Range(0, 60).Select(n => test.Store.Get(Id("note", 1000 + n))!.AddedAtMicroseconds);
        var everything = dates.Concat(addedAt).ToList();
        Assert.Equal(everything.Count, everything.Distinct().Count());
        var inPostingOrder = Enumerable.Range(0, 60).Select(n => DateAdded(test, n % 2 == 0 ? a : b, $"threat-actor{n}@0")).ToList();
        Assert.True(inPostingOrder.SequenceEqual(inPostingOrder.Order()), "date_added does not follow the order of posting");
    }

    [Fact]
    public void A_date_added_is_never_handed_out_twice_even_after_its_member_is_removed_and_the_clock_steps_back()
    {
        using var test = new TestStore();
        var collection = test.NewCollection();
        test.Post(collection, ThreatActor(1, "Daech"));
        var removed = DateAdded(test, collection, "threat-actor1@0");
        Assert.Equal(1, test.Store.DeleteFromCollection(collection, Id("threat-actor", 1), All));
        test.Clock.UtcNow = test.Clock.UtcNow.AddHours(-1);
        test.Reopen();

        test.Post(collection, ThreatActor(2, "Jabhat al-Nusra"));

        Assert.True(DateAdded(test, collection, "threat-actor2@0") > removed);
    }

    [Fact]
    public void A_node_upgraded_from_schema_1_continues_the_added_at_sequence()
    {
        using var test = new TestStore();
        test.Add(Valid(ThreatActor(1, "Daech")));
        var addedAt = test.Store.Get(Id("threat-actor", 1))!.AddedAtMicroseconds;
        test.Store.Dispose();
        // Back to schema 1: the tables of the later migrations (whichever they are) and their records go.
        var later = (string)test.Sql("SELECT group_concat(name) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'text_index%' " +
            "AND name NOT IN ('object_keys', 'objects', 'location_points', 'location_links', 'geo', 'schema_migrations')")!;
        foreach (var table in later.Split(','))
        {
            test.Sql($"DROP TABLE {table}");
        }

        test.Sql("DELETE FROM schema_migrations WHERE version >= 2");
        test.Clock.UtcNow = test.Clock.UtcNow.AddHours(-1);
        test.Reopen();
        var collection = test.NewCollection();

        test.Post(collection, ThreatActor(1, "Daech"));

        Assert.Equal(Liaison.Storage.Sqlite.Migrations.Latest, test.Store.SchemaVersion);
        Assert.Equal(addedAt + 1, DateAdded(test, collection, "threat-actor1@0"));
    }

    [Fact]
    public void Several_collections_keep_their_members_apart()
    {
        using var test = new TestStore();
        var a = test.NewCollection("A");
        var b = test.NewCollection("B");
        test.Post(a, ThreatActor(1, "Daech"));
        test.Post(b, ThreatActor(2, "Jabhat al-Nusra"));

        Assert.Equal(["threat-actor1@0"], test.Store.ReadCollection(a, All, 10).Labels());
        Assert.Equal(["threat-actor2@0"], test.Store.ReadCollection(b, All, 10).Labels());
    }
}
