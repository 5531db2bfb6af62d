using System.Text.Json.Nodes;
using CsCheck;
using Liaison.Core.Geo;
using Liaison.Core.Policy;

namespace Liaison.Core.Tests.Policy;

public sealed class LocationCoarseningTests
{
    private const long Iterations = 20_000;

    private static readonly Gen<double> Latitudes = Gen.Frequency(
        (4, Gen.Double[-90, 90]),
        (1, Gen.Double[89, 90]),
        (1, Gen.Double[-90, -89]),
        (1, AnyOf(-90.0, 90.0, 0.0)));

    private static readonly Gen<double> Longitudes = Gen.Frequency(
        (4, Gen.Double[-180, 180]),
        (1, Gen.Double[179, 180]),
        (1, Gen.Double[-180, -179]),
        (1, AnyOf(-180.0, 180.0, 0.0)));

    private static readonly Gen<GeoPoint> Points = Gen.Select(Latitudes, Longitudes, (lat, lon) => new GeoPoint(lat, lon));

    private static readonly Gen<double> Precisions = Gen.Frequency(
        (3, Gen.Double[0.01, 100]),
        (1, Gen.Double[100, 10_000]),
        (1, AnyOf(1.0, 5.0, 10.0, 25.0)));

    [Fact]
    public void The_same_point_always_gives_the_same_cell()
    {
        Gen.Select(Points, Precisions).Sample(
            (point, km) => Assert.Equal(new LocationCoarsening(km).Snap(point), new LocationCoarsening(km).Snap(point)),
            iter: Iterations);
    }

    [Fact]
    public void Two_points_of_the_same_cell_give_identical_output()
    {
        Gen.Select(Points, Gen.Double[-0.05, 0.05], Gen.Double[-0.05, 0.05], Precisions).Sample(
            (point, dLat, dLon, km) =>
            {
                var coarsening = new LocationCoarsening(km);
                var other = new GeoPoint(Math.Clamp(point.Latitude + dLat, -90, 90), Math.Clamp(point.Longitude + dLon, -180, 180));
                var a = coarsening.Snap(point);
                var b = coarsening.Snap(other);
                if ((a.Band, a.Column) == (b.Band, b.Column))
                {
                    var first = PolicyAssert.Succeeds(coarsening.Apply(Location(point)));
                    var second = PolicyAssert.Succeeds(coarsening.Apply(Location(other)));
                    Assert.True(JsonNode.DeepEquals(first, second));
                }
            },
            iter: Iterations);
    }

    [Fact]
    public void The_output_is_within_precision_times_root_two_of_the_input()
    {
        Gen.Select(Points, Precisions).Sample(
            (point, km) =>
            {
                var cell = new LocationCoarsening(km).Snap(point);
                Assert.True(point.DistanceKmTo(cell.Centre) <= km * Math.Sqrt(2), $"{point} -> {cell.Centre} at {km} km");
            },
            iter: Iterations);
    }

    [Fact]
    public void Away_from_the_poles_the_output_is_within_half_a_diagonal()
    {
        Gen.Select(Gen.Double[-80, 80], Longitudes, Precisions.Where(km => km <= 100)).Sample(
            (lat, lon, km) =>
            {
                var point = new GeoPoint(lat, lon);
                var cell = new LocationCoarsening(km).Snap(point);
                Assert.True(point.DistanceKmTo(cell.Centre) <= km / Math.Sqrt(2) * 1.01, $"{point} -> {cell.Centre} at {km} km");
            },
            iter: Iterations);
    }

    [Fact]
    public void Coarsening_a_coarsened_location_changes_nothing()
    {
        Gen.Select(Points, Precisions).Sample(
            (point, km) =>
            {
                var coarsening = new LocationCoarsening(km);
                var once = PolicyAssert.Succeeds(coarsening.Apply(Location(point)));
                var twice = PolicyAssert.Succeeds(coarsening.Apply(once));
                Assert.True(JsonNode.DeepEquals(once, twice), $"{once.ToJsonString()} then {twice.ToJsonString()}");
            },
            iter: 5_000);
    }

    [Fact]
    public void Both_sides_of_the_antimeridian_edge_are_the_same_cell()
    {
        var coarsening = new LocationCoarsening(10);

        Assert.Equal(coarsening.Snap(new GeoPoint(35, 180)), coarsening.Snap(new GeoPoint(35, -180)));
    }

    [Fact]
    public void The_pole_is_one_cell_whatever_its_longitude()
    {
        var coarsening = new LocationCoarsening(10);

        Assert.Equal(coarsening.Snap(new GeoPoint(90, 0)), coarsening.Snap(new GeoPoint(90, 123)));
        Assert.Equal(coarsening.Snap(new GeoPoint(-90, -45)), coarsening.Snap(new GeoPoint(-90, 170)));
    }

    [Fact]
    public void Cells_have_about_the_same_width_at_every_latitude()
    {
        var coarsening = new LocationCoarsening(10);
        foreach (var latitude in new[] { 0.0, 30, 60, 80 })
        {
            var west = coarsening.Snap(new GeoPoint(latitude, 10));
            var east = coarsening.Snap(new GeoPoint(latitude, 10.5));
            var widthKm = west.Centre.DistanceKmTo(new GeoPoint(west.Centre.Latitude, west.Centre.Longitude + (360.0 / ColumnsAt(coarsening, latitude))));
            Assert.InRange(widthKm, 9, 10);
            Assert.NotEqual(west, east);
        }
    }

    [Fact]
    public void A_location_gets_the_cell_centre_and_the_precision_in_metres()
    {
        var location = RedactionTests.Location();

        var coarse = PolicyAssert.Succeeds(new LocationCoarsening(10).Apply(location));

        Assert.Equal(10_000.0, (double)coarse["precision"]!);
        Assert.NotEqual(35.123456, (double)coarse["latitude"]!);
        Assert.True(new GeoPoint(35.123456, 36.654321).DistanceKmTo(new GeoPoint((double)coarse["latitude"]!, (double)coarse["longitude"]!)) < 10);
        Assert.Equal(35.123456, (double)location["latitude"]!);
    }

    [Fact]
    public void A_coarser_existing_precision_is_kept()
    {
        var location = RedactionTests.Location();
        location["precision"] = 50_000.0;

        var coarse = PolicyAssert.Succeeds(new LocationCoarsening(10).Apply(location));

        Assert.Equal(50_000.0, (double)coarse["precision"]!);
    }

    [Fact]
    public void Objects_other_than_locations_pass_through()
    {
        var strike = Extensions.Examples.StrikeAssessment();

        PolicyAssert.Unchanged(strike, PolicyAssert.Succeeds(new LocationCoarsening(10).Apply(strike)));
    }

    [Fact]
    public void A_location_without_coordinates_passes_through()
    {
        var location = RedactionTests.Location();
        location.Remove("latitude");
        location.Remove("longitude");
        location["country"] = "SY";

        PolicyAssert.Unchanged(location, PolicyAssert.Succeeds(new LocationCoarsening(10).Apply(location)));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(0.001)]
    [InlineData(20_000.0)]
    [InlineData(double.NaN)]
    public void A_precision_out_of_range_is_misuse(double km)
    {
        Assert.Throws<ArgumentException>(() => new LocationCoarsening(km));
    }

    private static Gen<double> AnyOf(params double[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    private static long ColumnsAt(LocationCoarsening coarsening, double latitude) =>
        coarsening.Snap(new GeoPoint(latitude, 179.999999)).Column + 1;

    private static JsonObject Location(GeoPoint point)
    {
        var location = RedactionTests.Location();
        location["latitude"] = point.Latitude;
        location["longitude"] = point.Longitude;
        return location;
    }
}
