using Liaison.Core.Extensions;
using Liaison.Core.Validation;
using Liaison.Storage.Retention;
using Microsoft.Data.Sqlite;
using static Liaison.Storage.Tests.Retention.PersonFixtures;
using static Liaison.Storage.Tests.StixFixtures;

namespace Liaison.Storage.Tests.Retention;

public sealed class RetentionPurgeTests
{
    // The test clock reads 2026-11-26T12:00:00Z.
    private const string Past = "2026-01-01T00:00:00Z";
    private const string Future = "2027-01-01T00:00:00Z";

    private static long Count(TestStore test, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={test.DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void StoreExpiredAndReviewed(TestStore test)
    {
        test.Add(Valid(Location(1, 36.2, 37.1, name: "Aleppo")));
        test.Add(Valid(Person(1, "Abu Umar Zarqawi", Past, locationOf: 1)));
        test.Add(Valid(Person(1, "Abu Umar Zarqawi", Past, modified: "2016-01-01T00:00:00.000Z", locationOf: 1)));
        test.Add(Valid(Person(2, "Chamil Bassaiev", Future)));
        var collection = test.Store.CreateCollection("Outbound", null, "out");
        using var batch = test.Store.BeginBatch();
        batch.AddToCollection(collection.Id, Valid(Person(1, "Abu Umar Zarqawi", Past, modified: "2016-01-01T00:00:00.000Z", locationOf: 1)));
        batch.Commit();
        test.Store.CatchUpTextIndex();
    }

    [Fact]
    public void Records_past_review_by_are_listed_and_reviewed_ones_are_not()
    {
        using var test = new TestStore();
        StoreExpiredAndReviewed(test);

        Assert.Equal([new ExpiredPerson(Id("identity", 1), Past, 2)], test.Store.ExpiredPersons());
    }

    [Fact]
    public void A_purge_removes_every_version_and_every_index_row_and_logs_itself()
    {
        using var test = new TestStore();
        StoreExpiredAndReviewed(test);
        var id = Id("identity", 1);
        var hashes = test.Store.GetVersions(id).Select(v => v.ContentHash).ToList();
        Assert.NotEmpty(test.Store.Query(new ObjectQuery { Text = "Zarqawi" }));

        var purges = test.Store.PurgeExpiredPersons("local:analyst");

        var purge = Assert.Single(purges);
        Assert.Equal(id, purge.ObjectId);
        Assert.Equal(hashes, purge.ContentHashes);
        Assert.Null(test.Store.Get(id));
        Assert.Empty(test.Store.Query(new ObjectQuery { Text = "Zarqawi" }));
        Assert.Equal(0, Count(test, $"SELECT COUNT(*) FROM object_keys WHERE id = '{id}'"));
        Assert.Equal(0, Count(test, "SELECT COUNT(*) FROM objects WHERE type = 'identity' AND CAST(json AS TEXT) LIKE '%Zarqawi%'"));
        Assert.Equal(0, Count(test, "SELECT COUNT(*) FROM collection_objects"));
        Assert.Equal(1, Count(test, "SELECT COUNT(*) FROM geo"));
        Assert.Equal(1, Count(test, "SELECT COUNT(*) FROM location_links"));
        var logged = Assert.Single(test.Store.PersonPurges());
        Assert.Equal((purge.Seq, id, Past, purge.PurgedAtMicroseconds), (logged.Seq, logged.ObjectId, logged.ReviewBy, logged.PurgedAtMicroseconds));
        Assert.Equal(hashes, logged.ContentHashes);
        Assert.Equal("local:analyst", purge.PurgedBy);
        Assert.NotNull(test.Store.Get(Id("identity", 2)));
    }

    [Fact]
    public void A_purge_leaves_no_word_of_the_record_in_the_text_index()
    {
        using var test = new TestStore();
        StoreExpiredAndReviewed(test);

        test.Store.PurgeExpiredPersons("local:analyst");

        using var connection = new SqliteConnection($"Data Source={test.DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "CREATE VIRTUAL TABLE temp.vocabulary USING fts5vocab(main, text_index, row); SELECT term FROM temp.vocabulary";
        var terms = new List<string>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                terms.Add(reader.GetString(0));
            }
        }

        Assert.DoesNotContain("zarqawi", terms);
        Assert.Contains("bassaiev", terms);
    }

    [Fact]
    public void A_review_before_the_date_keeps_the_record()
    {
        using var test = new TestStore();
        StoreExpiredAndReviewed(test);
        test.Add(Valid(Person(1, "Abu Umar Zarqawi", Future, modified: "2026-11-01T00:00:00.000Z")));

        Assert.Empty(test.Store.ExpiredPersons());
        Assert.Empty(test.Store.PurgeExpiredPersons("local:analyst"));
        Assert.Equal(3, test.Store.GetVersions(Id("identity", 1)).Count);
    }

    [Fact]
    public void A_failing_extra_record_purges_nothing()
    {
        using var test = new TestStore();
        StoreExpiredAndReviewed(test);

        Assert.Throws<InvalidOperationException>(() => test.Store.PurgeExpiredPersons("local:analyst", (_, _) => throw new InvalidOperationException("ledger unavailable")));

        Assert.Equal(2, test.Store.GetVersions(Id("identity", 1)).Count);
        Assert.Empty(test.Store.PersonPurges());
    }

    [Fact]
    public void The_extra_record_runs_in_the_purge_transaction()
    {
        using var test = new TestStore();
        StoreExpiredAndReviewed(test);
        var seen = new List<string>();

        test.Store.PurgeExpiredPersons("local:analyst", (batch, purge) => seen.Add(purge.ObjectId));

        Assert.Equal([Id("identity", 1)], seen);
    }

    [Fact]
    public void Purged_objects_can_be_stored_again_as_new()
    {
        using var test = new TestStore();
        StoreExpiredAndReviewed(test);
        test.Store.PurgeExpiredPersons("local:analyst");

        Assert.Equal(WriteOutcome.New, test.Add(Valid(Person(1, "Abu Umar Zarqawi", Future))).Outcome);
    }

    [Fact]
    public void The_person_fixture_is_valid_for_the_liaison_catalogue() =>
        Assert.True(new StixValidator(LiaisonExtensions.Instance).Validate(System.Text.Json.JsonSerializer.SerializeToElement(Person(1, "x", Past, locationOf: 1))).IsValid);
}
