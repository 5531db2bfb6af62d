using Liaison.Storage.Taxii;
using static Liaison.Storage.Tests.StixFixtures;
using static Liaison.Storage.Tests.Taxii.TaxiiFixtures;

namespace Liaison.Storage.Tests.Taxii;

public sealed class ReadCollectionTests : IDisposable
{
    private readonly TestStore _test = new();
    private readonly Guid _collection;
    private readonly Guid _other;

    // Posted to the collection in this order (date_added order): note 1 v2, threat actor 1, note 1 v1, location 1,
    // note 1 v3, an observable without spec_version or created, threat actor 2. The store also holds note 1 v4 (posted
    // nowhere) and v5 (posted to another collection): neither is part of this collection.
    public ReadCollectionTests()
    {
        _collection = _test.NewCollection();
        _other = _test.NewCollection("Other partner");
        _test.Post(_collection, Note(1, "v2", modified: Stamp(2)));
        _test.Post(_collection, ThreatActor(1, "Daech"));
        _test.Post(_collection, Note(1, "v1", modified: Stamp(1)));
        _test.Post(_other, Note(1, "v5 elsewhere", modified: Stamp(5)));
        _test.Post(_collection, Location(1, 35.13, 36.75));
        _test.Post(_collection, Note(1, "v3", modified: Stamp(3)));
        _test.Add(Valid(Note(1, "v4 stored only", modified: Stamp(4))));
        _test.Post(_collection, IpAddress());
        _test.Post(_collection, ThreatActor(2, "Jabhat al-Nusra"));
    }

    public void Dispose() => _test.Dispose();

    private List<string> Read(TaxiiFilter filter, int limit = 1000) => _test.Store.ReadCollection(_collection, filter, limit).Labels();

    private static TaxiiFilter Versions(bool last = false, bool first = false, bool all = false, params long[] exact) =>
        new() { Versions = new TaxiiVersionFilter(last, first, all, exact) };

    [Fact]
    public void By_default_each_object_appears_once_in_its_latest_version_in_date_added_order()
    {
        Assert.Equal(["threat-actor1@0", "location1@0", "note1@3", "ipv4-addr@-", "threat-actor2@0"], Read(new TaxiiFilter()));
    }

    [Fact]
    public void Last_is_the_latest_version_in_the_collection_not_in_the_store()
    {
        Assert.Equal(5, (_test.Store.Get(Id("note", 1))!.Version - Micros(0)) / 86_400_000_000L);

        Assert.Contains("note1@3", Read(Versions(last: true)));
        Assert.Equal(["note1@5"], _test.Store.ReadCollection(_other, new TaxiiFilter(), 10).Labels());
    }

    [Fact]
    public void First_is_the_earliest_version_in_the_collection_even_when_it_arrived_later()
    {
        Assert.Equal(["threat-actor1@0", "note1@1", "location1@0", "ipv4-addr@-", "threat-actor2@0"], Read(Versions(first: true)));
    }

    [Fact]
    public void All_returns_every_version_in_the_collection_and_only_those()
    {
        Assert.Equal(["note1@2", "threat-actor1@0", "note1@1", "location1@0", "note1@3", "ipv4-addr@-", "threat-actor2@0"], Read(All));
    }

    [Fact]
    public void All_wins_over_the_other_version_values()
    {
        Assert.Equal(Read(All), Read(Versions(last: true, first: true, all: true, Micros(1))));
    }

    [Fact]
    public void Explicit_versions_return_exactly_those_versions()
    {
        Assert.Equal(["note1@1", "note1@3"], Read(Versions(exact: [Micros(1), Micros(3)])));
        Assert.Equal(["threat-actor1@0", "location1@0", "threat-actor2@0"], Read(Versions(exact: [Micros(0)])));
        Assert.Empty(Read(Versions(exact: [Micros(4)])));
    }

    [Fact]
    public void Version_values_combine_with_or()
    {
        Assert.Equal(["threat-actor1@0", "note1@1", "location1@0", "note1@3", "ipv4-addr@-", "threat-actor2@0"], Read(Versions(last: true, first: true)));
        Assert.Equal(["note1@2", "threat-actor1@0", "location1@0", "note1@3", "ipv4-addr@-", "threat-actor2@0"], Read(Versions(last: true, exact: [Micros(2)])));
        Assert.Equal(["note1@2", "threat-actor1@0", "note1@1", "location1@0", "ipv4-addr@-", "threat-actor2@0"], Read(Versions(first: true, exact: [Micros(2)])));
    }

    [Fact]
    public void An_object_without_a_version_is_matched_by_its_date_added()
    {
        var observable = _test.Store.ReadCollection(_collection, new TaxiiFilter { Types = ["ipv4-addr"] }, 10).Entries.Single();

        Assert.Equal(["ipv4-addr@-"], Read(Versions(exact: [observable.DateAddedMicroseconds])));
    }

    [Fact]
    public void Added_after_is_exclusive_and_applies_to_the_collections_date_added()
    {
        var entries = _test.Store.ReadCollection(_collection, All, 100).Entries;
        var noteV1 = entries[2].DateAddedMicroseconds;

        Assert.Equal(["location1@0", "note1@3", "ipv4-addr@-", "threat-actor2@0"], Read(All with { AddedAfter = noteV1 }));
        Assert.Equal(["note1@1", "location1@0", "note1@3", "ipv4-addr@-", "threat-actor2@0"], Read(All with { AddedAfter = noteV1 - 1 }));
        Assert.Empty(Read(All with { AddedAfter = entries[^1].DateAddedMicroseconds }));
    }

    [Fact]
    public void Last_is_chosen_among_all_versions_in_the_collection_before_added_after_cuts()
    {
        var noteV3 = _test.Store.ReadCollection(_collection, All, 100).Entries[4].DateAddedMicroseconds;

        // v3 is the latest version in the collection, and it was added before the cursor: nothing of note 1 is new.
        Assert.Equal(["ipv4-addr@-", "threat-actor2@0"], Read(new TaxiiFilter { AddedAfter = noteV3 }));
    }

    [Fact]
    public void Ids_are_alternatives()
    {
        Assert.Equal(["note1@3", "threat-actor2@0"], Read(new TaxiiFilter { Ids = [Id("note", 1), Id("threat-actor", 2)] }));
        Assert.Equal(["note1@2", "note1@1", "note1@3"], Read(All with { Ids = [Id("note", 1), Id("note", 1)] }));
        Assert.Empty(Read(new TaxiiFilter { Ids = [Id("note", 99)] }));
    }

    [Fact]
    public void Types_are_alternatives_merged_in_date_added_order()
    {
        Assert.Equal(["threat-actor1@0", "threat-actor2@0"], Read(new TaxiiFilter { Types = ["threat-actor"] }));
        Assert.Equal(["threat-actor1@0", "location1@0", "threat-actor2@0"], Read(new TaxiiFilter { Types = ["threat-actor", "location"] }));
        Assert.Equal(["note1@2", "note1@1", "note1@3", "ipv4-addr@-"], Read(All with { Types = ["ipv4-addr", "note", "note"] }));
        Assert.Empty(Read(new TaxiiFilter { Types = ["indicator"] }));
    }

    [Fact]
    public void Ids_and_types_must_both_hold()
    {
        Assert.Equal(["note1@3"], Read(new TaxiiFilter { Ids = [Id("note", 1), Id("threat-actor", 1)], Types = ["note", "location"] }));
        Assert.Empty(Read(new TaxiiFilter { Ids = [Id("threat-actor", 1)], Types = ["note"] }));
    }

    [Fact]
    public void Every_filter_combines_with_the_others()
    {
        var entries = _test.Store.ReadCollection(_collection, All, 100).Entries;
        var filter = new TaxiiFilter
        {
            AddedAfter = entries[0].DateAddedMicroseconds,
            Ids = [Id("note", 1), Id("threat-actor", 1), Id("location", 1)],
            Types = ["note", "threat-actor"],
            SpecVersions = ["2.1"],
            Versions = new TaxiiVersionFilter(false, true, false, [Micros(3)]),
        };

        Assert.Equal(["threat-actor1@0", "note1@1", "note1@3"], Read(filter));
    }

    [Fact]
    public void Spec_version_2_1_matches_every_object_including_observables_without_spec_version()
    {
        Assert.Equal(Read(new TaxiiFilter()), Read(new TaxiiFilter { SpecVersions = ["2.1"] }));
        Assert.Equal(Read(All), Read(All with { SpecVersions = ["2.0", "2.1"] }));
        Assert.Empty(Read(new TaxiiFilter { SpecVersions = ["2.0"] }));
        Assert.All(_test.Store.ReadCollection(_collection, All, 100).Entries, e => Assert.Equal("2.1", e.SpecVersion));
    }

    [Fact]
    public void A_page_says_whether_more_entries_match_after_it()
    {
        var first = _test.Store.ReadCollection(_collection, All, 3);
        Assert.Equal(["note1@2", "threat-actor1@0", "note1@1"], first.Labels());
        Assert.True(first.More);

        var second = _test.Store.ReadCollection(_collection, All with { AddedAfter = first.Entries[^1].DateAddedMicroseconds }, 4);
        Assert.Equal(["location1@0", "note1@3", "ipv4-addr@-", "threat-actor2@0"], second.Labels());
        Assert.False(second.More);

        Assert.False(_test.Store.ReadCollection(_collection, All, 7).More);
        Assert.True(_test.Store.ReadCollection(_collection, All, 6).More);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Paging_with_the_last_date_added_visits_every_entry_once(int limit)
    {
        var filters = new[]
        {
            All,
            new TaxiiFilter(),
            All with { Types = ["note", "threat-actor"] },
            All with { Ids = [Id("note", 1), Id("location", 1)] },
        };
        foreach (var filter in filters)
        {
            var seen = new List<string>();
            var cursor = filter.AddedAfter;
            for (var pages = 0; ; pages++)
            {
                Assert.True(pages < 20, "paging does not end");
                var page = _test.Store.ReadCollection(_collection, filter with { AddedAfter = cursor }, limit);
                Assert.True(page.Entries.Count <= limit);
                seen.AddRange(page.Labels());
                if (!page.More)
                {
                    break;
                }

                cursor = page.Entries[^1].DateAddedMicroseconds;
            }

            Assert.Equal(Read(filter), seen);
        }
    }

    [Fact]
    public void Entries_carry_the_stored_version_and_its_date_added()
    {
        var entries = _test.Store.ReadCollection(_collection, All, 100).Entries;
        var stored = _test.Store.GetVersions(Id("note", 1));

        var v3 = entries.Single(e => Label(e) == "note1@3");
        var expected = stored.Single(v => v.Version == Micros(3));
        Assert.Equal(expected.Utf8Json, v3.Stored.Utf8Json);
        Assert.Equal(expected.ContentHash, v3.Stored.ContentHash);
        Assert.Equal(expected.AddedAtMicroseconds, v3.Stored.AddedAtMicroseconds);
        Assert.False(v3.Stored.IsLatest);
        Assert.True(entries.Zip(entries.Skip(1)).All(p => p.First.DateAddedMicroseconds < p.Second.DateAddedMicroseconds));
    }

    [Fact]
    public void A_manifest_read_leaves_the_json_out_and_keeps_the_rest()
    {
        var full = _test.Store.ReadCollection(_collection, All, 100).Entries;
        var manifest = _test.Store.ReadCollection(_collection, All, 100, includeJson: false).Entries;

        Assert.Equal(full.Labels(), manifest.Labels());
        Assert.All(manifest, e => Assert.Empty(e.Stored.Utf8Json));
        Assert.Equal(full.Select(e => e.DateAddedMicroseconds), manifest.Select(e => e.DateAddedMicroseconds));
        Assert.Equal(full.Select(e => Convert.ToHexString(e.Stored.ContentHash)), manifest.Select(e => Convert.ToHexString(e.Stored.ContentHash)));
    }

    [Fact]
    public void An_unknown_collection_reads_as_empty()
    {
        var page = _test.Store.ReadCollection(Guid.NewGuid(), All, 10);

        Assert.Empty(page.Entries);
        Assert.False(page.More);
    }

    [Fact]
    public void A_limit_below_one_is_a_programming_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _test.Store.ReadCollection(_collection, All, 0));
    }
}
