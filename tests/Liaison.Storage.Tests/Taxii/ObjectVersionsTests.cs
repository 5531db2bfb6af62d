using Liaison.Storage.Taxii;
using static Liaison.Storage.Tests.StixFixtures;

namespace Liaison.Storage.Tests.Taxii;

public sealed class ObjectVersionsTests : IDisposable
{
    private readonly TestStore _test = new();
    private readonly Guid _collection;

    public ObjectVersionsTests()
    {
        _collection = _test.NewCollection();
        var other = _test.NewCollection("Other");
        _test.Post(_collection, Note(1, "v3", Stamp(3)));
        _test.Post(_collection, ThreatActor(1, "Daech"));
        _test.Post(_collection, Note(1, "v1", Stamp(1)));
        _test.Post(other, Note(1, "v2 elsewhere", Stamp(2)));
        _test.Add(Valid(Note(1, "v4 stored only", Stamp(4))));
        _test.Post(_collection, Note(1, "v5", Stamp(5)));
    }

    public void Dispose() => _test.Dispose();

    [Fact]
    public void Lists_every_version_in_the_collection_in_date_added_order()
    {
        Assert.Equal(["note1@3", "note1@1", "note1@5"], _test.Store.ObjectVersions(_collection, Id("note", 1), new TaxiiFilter()).Labels());
    }

    [Fact]
    public void Ignores_the_version_id_and_type_filters()
    {
        var filter = new TaxiiFilter { Ids = [Id("note", 2)], Types = ["indicator"], Versions = new TaxiiVersionFilter(false, true, false, []) };

        Assert.Equal(3, _test.Store.ObjectVersions(_collection, Id("note", 1), filter).Count);
    }

    [Fact]
    public void Added_after_is_exclusive()
    {
        var versions = _test.Store.ObjectVersions(_collection, Id("note", 1), new TaxiiFilter());

        Assert.Equal(["note1@1", "note1@5"], _test.Store.ObjectVersions(_collection, Id("note", 1), new TaxiiFilter { AddedAfter = versions[0].DateAddedMicroseconds }).Labels());
        Assert.Empty(_test.Store.ObjectVersions(_collection, Id("note", 1), new TaxiiFilter { AddedAfter = versions[^1].DateAddedMicroseconds }));
    }

    [Fact]
    public void Only_spec_version_2_1_matches()
    {
        Assert.Equal(3, _test.Store.ObjectVersions(_collection, Id("note", 1), new TaxiiFilter { SpecVersions = ["2.1"] }).Count);
        Assert.Empty(_test.Store.ObjectVersions(_collection, Id("note", 1), new TaxiiFilter { SpecVersions = ["2.0"] }));
    }

    [Fact]
    public void An_unknown_object_or_collection_has_no_versions()
    {
        Assert.Empty(_test.Store.ObjectVersions(_collection, Id("note", 9), new TaxiiFilter()));
        Assert.Empty(_test.Store.ObjectVersions(Guid.NewGuid(), Id("note", 1), new TaxiiFilter()));
        Assert.Empty(_test.Store.ObjectVersions(_collection, "not an id", new TaxiiFilter()));
    }

    [Fact]
    public void Without_json_only_the_metadata_is_read()
    {
        var versions = _test.Store.ObjectVersions(_collection, Id("note", 1), new TaxiiFilter(), includeJson: false);

        Assert.Equal(3, versions.Count);
        Assert.All(versions, v => Assert.Empty(v.Stored.Utf8Json));
    }
}
