using Liaison.Core.Canonical;
using Liaison.Core.Stix;
using static Liaison.Storage.Tests.StixFixtures;

namespace Liaison.Storage.Tests;

public sealed class ReceivedProvenanceTests
{
    [Fact]
    public void Provenance_is_recorded_on_the_version_received_whether_new_older_or_already_stored()
    {
        using var test = new TestStore();
        var latest = Valid(Location(1, 35.5, 35.8, modified: "2015-12-03T00:00:00.000Z"));
        var older = Valid(Location(1, 35.5, 35.8, modified: "2015-12-02T00:00:00.000Z"));
        test.Add(latest);

        using (var batch = test.Store.BeginBatch())
        {
            Assert.Equal(WriteOutcome.Updated, Receive(batch, older, "RUS", 10).Outcome);
            Assert.Equal(WriteOutcome.Unchanged, Receive(batch, latest, "FRA", 20).Outcome);
            batch.Commit();
        }

        var versions = test.Store.GetVersions(latest.Id.Value);
        Assert.Equal(2, versions.Count);
        var origins = test.Store.ProvenanceOf(latest.Id.Value);
        Assert.Equal(["RUS", "FRA"], origins.Select(o => o.Remote));
        Assert.Equal(SeqOf(test, older), SeqOfProvenance(test, "RUS"));
        Assert.Equal(SeqOf(test, latest), SeqOfProvenance(test, "FRA"));
    }

    [Fact]
    public void Provenance_of_an_object_received_into_a_collection_is_on_the_version_received()
    {
        using var test = new TestStore();
        var collection = test.Store.CreateCollection("Inbound from RUS", null, null).Id;
        var latest = Valid(Location(3, 35.5, 35.8, modified: "2015-12-03T00:00:00.000Z"));
        var older = Valid(Location(3, 35.5, 35.8, modified: "2015-12-02T00:00:00.000Z"));
        test.Add(latest);

        using (var batch = test.Store.BeginBatch())
        {
            Assert.Equal(WriteOutcome.Updated, batch.AddReceivedToCollection(collection, older, ContentHash.Of(older.Json), older.ToUtf8Bytes(),
                IndexFacts.Of(older), new Provenance("RUS", collection.ToString("D"), 10)).Outcome);
            batch.Commit();
        }

        Assert.Equal("RUS", Assert.Single(test.Store.ProvenanceOf(latest.Id.Value)).Remote);
        Assert.Equal(SeqOf(test, older), SeqOfProvenance(test, "RUS"));
    }

    [Fact]
    public void A_refused_version_records_no_provenance()
    {
        using var test = new TestStore();
        var stored = Valid(Location(2, 35.5, 35.8));
        test.Add(stored);
        var changed = Valid(Location(2, 36.0, 35.8));

        using (var batch = test.Store.BeginBatch())
        {
            Assert.Equal(WriteOutcome.Refused, Receive(batch, changed, "RUS", 10).Outcome);
            batch.Commit();
        }

        Assert.Empty(test.Store.ProvenanceOf(stored.Id.Value));
    }

    private static WriteResult Receive(Sqlite.SqliteWriteBatch batch, StixObject received, string remote, long at) =>
        batch.AddReceived(received, ContentHash.Of(received.Json), received.ToUtf8Bytes(), IndexFacts.Of(received), new Provenance(remote, "collection-1", at));

    private static long SeqOf(TestStore test, StixObject version) =>
        Scalar(test, $"SELECT o.seq FROM objects o JOIN object_keys k ON k.key = o.key WHERE k.id = '{version.Id.Value}' AND o.version_us = {version.Version!.Value.UnixMicroseconds}");

    private static long SeqOfProvenance(TestStore test, string remote) =>
        Scalar(test, $"SELECT seq FROM provenance WHERE remote = '{remote}'");

    private static long Scalar(TestStore test, string sql)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={test.DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
