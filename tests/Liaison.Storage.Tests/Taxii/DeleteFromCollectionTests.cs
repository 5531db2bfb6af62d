using Liaison.Storage.Taxii;
using static Liaison.Storage.Tests.StixFixtures;
using static Liaison.Storage.Tests.Taxii.TaxiiFixtures;

namespace Liaison.Storage.Tests.Taxii;

public sealed class DeleteFromCollectionTests : IDisposable
{
    private readonly TestStore _test = new();
    private readonly Guid _collection;
    private readonly Guid _other;

    public DeleteFromCollectionTests()
    {
        _collection = _test.NewCollection();
        _other = _test.NewCollection("Other");
        _test.Post(_collection, Note(1, "v2", Stamp(2)), Note(1, "v1", Stamp(1)), Note(1, "v3", Stamp(3)), ThreatActor(1, "Daech"));
        _test.Post(_other, Note(1, "v3", Stamp(3)));
    }

    public void Dispose() => _test.Dispose();

    private List<string> Members() => _test.Store.ReadCollection(_collection, All, 100).Labels();

    [Fact]
    public void Last_removes_the_latest_version_in_the_collection_only()
    {
        Assert.Equal(1, _test.Store.DeleteFromCollection(_collection, Id("note", 1), new TaxiiFilter()));

        Assert.Equal(["note1@2", "note1@1", "threat-actor1@0"], Members());
    }

    [Fact]
    public void First_removes_the_earliest_version_in_the_collection()
    {
        Assert.Equal(1, _test.Store.DeleteFromCollection(_collection, Id("note", 1), new TaxiiFilter { Versions = new TaxiiVersionFilter(false, true, false, []) }));

        Assert.Equal(["note1@2", "note1@3", "threat-actor1@0"], Members());
    }

    [Fact]
    public void Explicit_versions_remove_those_versions()
    {
        Assert.Equal(2, _test.Store.DeleteFromCollection(_collection, Id("note", 1), new TaxiiFilter { Versions = new TaxiiVersionFilter(false, false, false, [Micros(1), Micros(2), Micros(7)]) }));

        Assert.Equal(["note1@3", "threat-actor1@0"], Members());
    }

    [Fact]
    public void All_removes_every_version_of_that_object_and_nothing_else()
    {
        Assert.Equal(3, _test.Store.DeleteFromCollection(_collection, Id("note", 1), All));

        Assert.Equal(["threat-actor1@0"], Members());
    }

    [Fact]
    public void The_versions_stay_in_the_store_and_in_other_collections()
    {
        _test.Store.DeleteFromCollection(_collection, Id("note", 1), All);

        Assert.Equal(3, _test.Store.GetVersions(Id("note", 1)).Count);
        Assert.Equal(["note1@3"], _test.Store.ReadCollection(_other, All, 10).Labels());
    }

    [Fact]
    public void Nothing_matches_for_an_unknown_object_collection_or_spec_version()
    {
        Assert.Equal(0, _test.Store.DeleteFromCollection(_collection, Id("note", 9), All));
        Assert.Equal(0, _test.Store.DeleteFromCollection(Guid.NewGuid(), Id("note", 1), All));
        Assert.Equal(0, _test.Store.DeleteFromCollection(_collection, Id("note", 1), All with { SpecVersions = ["2.0"] }));
        Assert.Equal(4, Members().Count);
    }

    [Fact]
    public void A_removed_version_posted_again_comes_back_with_a_new_date_added()
    {
        var before = _test.Store.ReadCollection(_collection, All, 100).Entries.Max(e => e.DateAddedMicroseconds);
        _test.Store.DeleteFromCollection(_collection, Id("note", 1), All);

        Assert.Equal(WriteOutcome.Unchanged, _test.Post(_collection, Note(1, "v1", Stamp(1))).Single().Outcome);

        var back = _test.Store.ReadCollection(_collection, All, 100).Entries.Single(e => Label(e) == "note1@1");
        Assert.True(back.DateAddedMicroseconds > before);
    }
}
