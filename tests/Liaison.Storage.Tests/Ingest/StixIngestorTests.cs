using System.Text;
using System.Text.Json.Nodes;
using Liaison.Core.Extensions;
using Liaison.Core.Validation;
using Liaison.Storage.Ingest;
using static Liaison.Storage.Tests.StixFixtures;

namespace Liaison.Storage.Tests.Ingest;

public sealed class StixIngestorTests
{
    private const string Tlp2Amber = "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421";
    private const string CustomMarking = "marking-definition--34098fce-860f-48ae-8e50-000000000001";

    private static IngestReport Ingest(TestStore test, IEnumerable<JsonNode> objects, bool skipInvalid = false)
    {
        var bundle = new JsonObject
        {
            ["type"] = "bundle",
            ["id"] = "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d",
            ["objects"] = new JsonArray(objects.Select(o => o.DeepClone()).ToArray()),
        };
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(bundle.ToJsonString()));
        return new StixIngestor(test.Store, new StixValidator(LiaisonExtensions.Instance))
            .Ingest("test.json", stream, InputFormat.Bundle, new IngestOptions { SkipInvalid = skipInvalid });
    }

    private static JsonObject StatementMarking(string id) => new()
    {
        ["type"] = "marking-definition",
        ["spec_version"] = "2.1",
        ["id"] = id,
        ["created"] = "2015-12-01T00:00:00.000Z",
        ["definition_type"] = "statement",
        ["definition"] = new JsonObject { ["statement"] = "REL TO FRA, RUS" },
    };

    [Fact]
    public void A_valid_input_is_stored_and_counted()
    {
        using var test = new TestStore();
        var report = Ingest(test, [ThreatActor(1, "Jaysh al-Islam"), Location(1, 35, 36)]);

        Assert.True(report.Committed);
        Assert.Equal(2, report.New);
        Assert.Equal(2, test.Store.Statistics().Objects);

        var again = Ingest(test, [ThreatActor(1, "Jaysh al-Islam"), Note(1, "new"), Location(1, 35, 36, modified: Stamp(3))]);
        Assert.Equal((1L, 1L, 1L, 0L), (again.New, again.Updated, again.Unchanged, again.Rejected));
    }

    [Fact]
    public void One_invalid_object_rejects_the_whole_input_and_lists_every_error()
    {
        using var test = new TestStore();
        Ingest(test, [ThreatActor(1, "already here")]);
        var before = DatabaseSnapshot.Of(test.DatabasePath);

        var report = Ingest(test,
        [
            ThreatActor(2, "valid"),
            Note(1, "bad time").With("modified", "2015-11-01T00:00:00.000Z"),
            Location(3, 95, 36),
        ]);

        Assert.False(report.Committed);
        Assert.Equal(3, report.Rejected);
        Assert.Equal(0, report.New);
        Assert.Contains(report.Errors, e => e.ObjectIndex == 1 && e.Path == "$.modified" && e.ObjectId == Id("note", 1));
        Assert.Contains(report.Errors, e => e.ObjectIndex == 2 && e.Path == "$.latitude");
        Assert.Equal(before, DatabaseSnapshot.Of(test.DatabasePath));
        Assert.Null(test.Store.Get(Id("threat-actor", 2)));
    }

    [Fact]
    public void Skip_invalid_stores_the_valid_objects_and_lists_the_others()
    {
        using var test = new TestStore();

        var report = Ingest(test, [ThreatActor(2, "valid"), Location(3, 95, 36)], skipInvalid: true);

        Assert.True(report.Committed);
        Assert.Equal((1L, 1L), (report.New, report.Rejected));
        Assert.NotNull(test.Store.Get(Id("threat-actor", 2)));
        Assert.Null(test.Store.Get(Id("location", 3)));
    }

    [Fact]
    public void A_truncated_input_stores_nothing()
    {
        using var test = new TestStore();
        var json = "{\"type\":\"bundle\",\"id\":\"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d\",\"objects\":[" + ThreatActor(1, "x").ToJsonString() + ",{\"type\":";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));

        var report = new StixIngestor(test.Store, new StixValidator()).Ingest("t.json", stream, InputFormat.Bundle, new IngestOptions());

        Assert.True(report.Unreadable);
        Assert.False(report.Committed);
        Assert.Equal(0, test.Store.Statistics().Versions);
    }

    [Fact]
    public void A_marking_must_be_standard_stored_or_in_the_same_input()
    {
        using var test = new TestStore();
        var marked = ThreatActor(1, "marked").With("object_marking_refs", new JsonArray(Tlp2Amber, CustomMarking));

        var unresolved = Ingest(test, [marked]);
        Assert.False(unresolved.Committed);
        var error = Assert.Single(unresolved.Errors);
        Assert.Equal("$.object_marking_refs[1]", error.Path);
        Assert.Contains(CustomMarking, error.Reason, StringComparison.Ordinal);

        // Defined after the object that uses it, in the same input: resolved at the end of the input.
        var resolved = Ingest(test, [marked, StatementMarking(CustomMarking)]);
        Assert.True(resolved.Committed, string.Join("; ", resolved.Errors));
        Assert.Equal(2, resolved.New);

        // Stored earlier: resolved from the store.
        var later = Ingest(test, [ThreatActor(2, "also marked").With("object_marking_refs", new JsonArray(CustomMarking))]);
        Assert.True(later.Committed);
    }

    [Fact]
    public void A_conflicting_version_in_the_input_is_reported_as_an_error()
    {
        using var test = new TestStore();
        Ingest(test, [Note(1, "original")]);

        var report = Ingest(test, [Note(1, "rewritten")]);

        Assert.False(report.Committed);
        Assert.Contains("different content", Assert.Single(report.Errors).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_beyond_the_listing_limit_are_counted()
    {
        using var test = new TestStore();
        var invalid = Enumerable.Range(0, 30).Select(i => (JsonNode)Location(i, 95, 0));
        var bundle = new JsonObject { ["type"] = "bundle", ["objects"] = new JsonArray(invalid.ToArray()) };
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(bundle.ToJsonString()));

        var report = new StixIngestor(test.Store, new StixValidator()).Ingest("t.json", stream, InputFormat.Bundle, new IngestOptions { MaxListedErrors = 10 });

        Assert.Equal(10, report.Errors.Count);
        Assert.Equal(20, report.UnlistedErrors);
    }
}
