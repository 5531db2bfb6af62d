using static Liaison.Storage.Tests.Retention.PersonFixtures;
using static Liaison.Storage.Tests.StixFixtures;

namespace Liaison.Storage.Tests.Retention;

public sealed class PersonReadLogTests
{
    private const string ReviewBy = "2027-01-01T00:00:00Z";

    [Fact]
    public void Every_read_of_a_person_of_interest_is_logged_with_who_when_and_which()
    {
        using var test = new TestStore();
        test.Add(Valid(Person(1, "Abu Umar", ReviewBy)));
        test.Store.Reader = "local:analyst";

        test.Store.Get(Id("identity", 1));
        test.Clock.UtcNow = test.Clock.UtcNow.AddMinutes(1);
        test.Store.Reader = "taxii:rus-liaison";
        test.Store.Query(new ObjectQuery { Types = ["identity"] });

        var reads = test.Store.PersonReads(Id("identity", 1));
        Assert.Equal(["local:analyst|get", "taxii:rus-liaison|query"], reads.Select(r => $"{r.Reader}|{r.Via}"));
        Assert.Equal(Liaison.Core.Stix.StixTimestamp.UnixMicrosecondsOf(test.Clock.UtcNow), reads[1].ReadAtMicroseconds);
    }

    [Fact]
    public void Every_version_read_is_logged()
    {
        using var test = new TestStore();
        test.Add(Valid(Person(1, "Abu Umar", ReviewBy)));
        test.Add(Valid(Person(1, "Abu Umar", ReviewBy, modified: "2016-01-01T00:00:00.000Z")));

        test.Store.GetVersions(Id("identity", 1));

        Assert.Equal(2, test.Store.PersonReads().Count(r => r.Via == "versions"));
    }

    [Fact]
    public void Reads_of_other_objects_are_not_logged()
    {
        using var test = new TestStore();
        test.Add(Valid(ThreatActor(1, "Jaysh al-Islam")));

        test.Store.Get(Id("threat-actor", 1));
        test.Store.Query(new ObjectQuery());

        Assert.Empty(test.Store.PersonReads());
    }

    [Fact]
    public void Collection_reads_are_logged_but_manifests_are_not()
    {
        using var test = new TestStore();
        var collection = test.Store.CreateCollection("Outbound", null, "out");
        using (var batch = test.Store.BeginBatch())
        {
            batch.AddToCollection(collection.Id, Valid(Person(1, "Abu Umar", ReviewBy)));
            batch.Commit();
        }

        test.Store.ReadCollection(collection.Id, new Liaison.Storage.Taxii.TaxiiFilter(), 10, includeJson: false);
        Assert.Empty(test.Store.PersonReads());

        test.Store.ReadCollection(collection.Id, new Liaison.Storage.Taxii.TaxiiFilter(), 10);
        Assert.Equal("taxii", Assert.Single(test.Store.PersonReads()).Via);
    }

    [Fact]
    public void Persons_of_interest_are_all_read_however_many_other_objects_of_their_types_are_held()
    {
        using var test = new TestStore();
        test.Add(Valid(Person(1, "Abu Umar", ReviewBy)));
        test.Add(Valid(Person(2, "Chamil", ReviewBy)));
        var revoked = Person(2, "Chamil", ReviewBy, modified: "2016-01-01T00:00:00.000Z");
        revoked["revoked"] = true;
        test.Add(Valid(revoked));
        // More groups than the 10,000 objects the match question once read at most.
        using (var batch = test.Store.BeginBatch())
        {
            for (var n = 1; n <= 12_000; n++)
            {
                batch.Add(Valid(ThreatActor(n, $"group {n}")));
            }

            batch.Commit();
        }

        test.Store.Reader = "match:RUS";
        var persons = test.Store.PersonsOfInterest("person-match");

        Assert.Equal(Id("identity", 1), Assert.Single(persons).Id); // the revoked one is no longer held
        var read = Assert.Single(test.Store.PersonReads());
        Assert.Equal(("match:RUS", "person-match", Id("identity", 1)), (read.Reader, read.Via, read.ObjectId));
    }

    [Fact]
    public void Reads_made_inside_an_open_write_are_logged_in_it()
    {
        using var test = new TestStore();
        test.Add(Valid(Person(1, "Abu Umar", ReviewBy)));

        using (var batch = test.Store.BeginBatch())
        {
            test.Store.Get(Id("identity", 1));
            batch.Commit();
        }

        Assert.Equal("get", Assert.Single(test.Store.PersonReads()).Via);
    }
}
