using Liaison.Core.Geo;
using static Liaison.Storage.Tests.StixFixtures;

namespace Liaison.Storage.Tests;

public sealed class SqliteStixStoreSpatialTests
{
    // Suqaylabiyah, 48 km north-west of Hama; Barza, in Damascus.
    private const double SuqLat = 35.3694, SuqLon = 36.3828;
    private const double BarzaLat = 33.5496, BarzaLon = 36.3212;
    private static readonly GeoBox AroundHama = new(36.0, 35.0, 37.0, 35.6);

    private static List<string> Ids(IEnumerable<StoredObject> results) => results.Select(r => r.Id).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void A_location_and_a_sighting_there_are_found_in_a_box_and_others_are_not()
    {
        using var test = new TestStore();
        test.Add(Valid(ThreatActor(1, "Jaysh al-Islam")));
        test.Add(Valid(Location(1, SuqLat, SuqLon)));
        test.Add(Valid(Location(2, BarzaLat, BarzaLon)));
        test.Add(Valid(Sighting(1, 1, 1, Stamp(14), Stamp(14, 6))));
        test.Add(Valid(Sighting(2, 1, 2, Stamp(14), Stamp(14, 6))));

        var found = Ids(test.Store.Query(new ObjectQuery { Box = AroundHama }));

        Assert.Equal([Id("location", 1), Id("sighting", 1)], found);
    }

    [Fact]
    public void A_sighting_stored_before_its_location_is_placed_when_the_location_arrives()
    {
        using var test = new TestStore();
        test.Add(Valid(Sighting(1, 1, 1, Stamp(14), Stamp(14, 6))));
        Assert.Empty(test.Store.Query(new ObjectQuery { Box = AroundHama }));

        test.Add(Valid(Location(1, SuqLat, SuqLon)));

        Assert.Contains(Id("sighting", 1), Ids(test.Store.Query(new ObjectQuery { Box = AroundHama })));
    }

    [Fact]
    public void When_a_location_moves_what_is_there_moves_with_it()
    {
        using var test = new TestStore();
        test.Add(Valid(Location(1, SuqLat, SuqLon, modified: Stamp(1))));
        test.Add(Valid(Sighting(1, 1, 1, Stamp(14), Stamp(14, 6))));

        test.Add(Valid(Location(1, BarzaLat, BarzaLon, modified: Stamp(2))));

        Assert.Empty(test.Store.Query(new ObjectQuery { Box = AroundHama }));
        var damascus = new GeoBox(36.2, 33.4, 36.5, 33.7);
        Assert.Equal([Id("location", 1), Id("sighting", 1)], Ids(test.Store.Query(new ObjectQuery { Box = damascus })));
    }

    [Fact]
    public void A_new_version_that_points_elsewhere_leaves_the_old_place()
    {
        using var test = new TestStore();
        test.Add(Valid(Location(1, SuqLat, SuqLon)));
        test.Add(Valid(Location(2, BarzaLat, BarzaLon)));
        test.Add(Valid(Sighting(1, 1, 1, Stamp(14), Stamp(14, 6))));

        var moved = Sighting(1, 1, 2, Stamp(14), Stamp(14, 6)).With("modified", Stamp(20));
        test.Add(Valid(moved));

        Assert.DoesNotContain(Id("sighting", 1), Ids(test.Store.Query(new ObjectQuery { Box = AroundHama })));
        Assert.Contains(Id("sighting", 1), Ids(test.Store.Query(new ObjectQuery { Box = new GeoBox(36.2, 33.4, 36.5, 33.7) })));
    }

    [Fact]
    public void A_located_at_relationship_places_its_source()
    {
        using var test = new TestStore();
        test.Add(Valid(ThreatActor(1, "Jaysh al-Islam")));
        test.Add(Valid(Location(2, BarzaLat, BarzaLon)));
        test.Add(Valid(LocatedAt(1, Id("threat-actor", 1), 2)));

        var found = Ids(test.Store.Query(new ObjectQuery { Box = new GeoBox(36.2, 33.4, 36.5, 33.7), Types = ["threat-actor"] }));

        Assert.Equal([Id("threat-actor", 1)], found);
    }

    [Fact]
    public void Near_keeps_only_what_is_within_the_radius_on_the_sphere()
    {
        using var test = new TestStore();
        var hama = new GeoPoint(35.1318, 36.7578);
        test.Add(Valid(Location(1, SuqLat, SuqLon)));   // about 43 km from Hama
        test.Add(Valid(Location(2, BarzaLat, BarzaLon))); // about 180 km from Hama

        Assert.Equal([Id("location", 1)], Ids(test.Store.Query(new ObjectQuery { Near = hama, NearKm = 50 })));
        Assert.Empty(test.Store.Query(new ObjectQuery { Near = hama, NearKm = 40 }));
        Assert.Equal(2, test.Store.Query(new ObjectQuery { Near = hama, NearKm = 200 }).Count);
    }

    [Fact]
    public void A_box_across_the_antimeridian_finds_both_sides()
    {
        using var test = new TestStore();
        test.Add(Valid(Location(1, -17.7, 179.5)));
        test.Add(Valid(Location(2, -17.7, -179.5)));
        test.Add(Valid(Location(3, -17.7, 170.0)));

        Assert.Equal([Id("location", 1), Id("location", 2)], Ids(test.Store.Query(new ObjectQuery { Box = new GeoBox(179, -18, -179, -17) })));
    }

    [Fact]
    public void Box_and_time_filters_combine()
    {
        using var test = new TestStore();
        test.Add(Valid(Location(1, SuqLat, SuqLon)));
        test.Add(Valid(Sighting(1, 1, 1, Stamp(10), Stamp(11))));
        test.Add(Valid(Sighting(2, 1, 1, Stamp(20), Stamp(21))));

        var query = new ObjectQuery
        {
            Box = AroundHama,
            Types = ["sighting"],
            Since = Micros(Stamp(10, 12)),
            Until = Micros(Stamp(15)),
        };

        Assert.Equal([Id("sighting", 1)], Ids(test.Store.Query(query)));
    }

    [Fact]
    public void The_indexed_box_query_agrees_with_brute_force_on_random_points()
    {
        var seed = Environment.TickCount;
        var random = new Random(seed);
        using var test = new TestStore();
        var points = new List<GeoPoint>();
        using (var batch = test.Store.BeginBatch())
        {
            for (var i = 0; i < 600; i++)
            {
                var point = new GeoPoint(Math.Round((random.NextDouble() * 178) - 89, 4), Math.Round((random.NextDouble() * 360) - 180, 4));
                points.Add(point);
                batch.Add(Valid(Location(i, point.Latitude, point.Longitude)));
            }

            batch.Commit();
        }

        for (var q = 0; q < 60; q++)
        {
            var west = (random.NextDouble() * 360) - 180;
            var east = (random.NextDouble() * 360) - 180;
            var south = (random.NextDouble() * 170) - 85;
            var box = new GeoBox(west, south, east, Math.Min(90, south + (random.NextDouble() * 60)));
            var expected = Enumerable.Range(0, points.Count).Where(i => box.Contains(points[i])).Select(i => Id("location", i)).Order(StringComparer.Ordinal).ToList();

            var actual = Ids(test.Store.Query(new ObjectQuery { Box = box, Limit = 10_000 }));

            Assert.True(expected.SequenceEqual(actual), $"seed {seed}, box {box}: expected {expected.Count}, found {actual.Count}");
        }
    }

    private static long Micros(string stamp) => Liaison.Core.Stix.StixTimestamp.Parse(stamp).UnixMicroseconds;
}
