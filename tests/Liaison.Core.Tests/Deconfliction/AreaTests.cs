using Liaison.Core.Deconfliction;
using Liaison.Core.Geo;
using static Liaison.Core.Tests.Deconfliction.Shapes;

namespace Liaison.Core.Tests.Deconfliction;

public sealed partial class AreaTests
{
    [Fact]
    public void Two_circles_on_the_equator_are_one_degree_of_great_circle_apart_less_their_radii()
    {
        var distance = Circle(0, 0, 10_000).DistanceM(Circle(1, 0, 5_000));

        Assert.Equal(MetresPerDegree - 15_000, distance, 1e-6);
    }

    [Fact]
    public void Distances_across_the_antimeridian_go_the_short_way()
    {
        var distance = Circle(179.5, 0, 1_000).DistanceM(Circle(-179.5, 0, 1_000));

        Assert.Equal(MetresPerDegree - 2_000, distance, 1e-6);
    }

    [Fact]
    public void A_polygon_across_the_antimeridian_holds_the_points_on_it_and_not_those_of_the_long_way_round()
    {
        var area = Box(179, -1, -179, 1);

        Assert.Equal(0, area.DistanceM(new GeoPoint(0, 180)));
        Assert.Equal(0, area.DistanceM(new GeoPoint(0.5, -179.5)));
        Assert.True(area.DistanceM(new GeoPoint(0, 0)) > 10_000_000);
        Assert.True(area.Bounds.CrossesAntimeridian);
        Assert.Equal(179, area.Bounds.MinLongitude, 1e-9);
        Assert.Equal(-179, area.Bounds.MaxLongitude, 1e-9);
    }

    [Fact]
    public void A_polygon_around_the_north_pole_holds_the_pole_and_every_longitude()
    {
        var area = Polygon([(0, 85), (90, 85), (180, 85), (-90, 85), (0, 85)]);

        Assert.Equal(0, area.DistanceM(new GeoPoint(90, 0)));
        Assert.Equal(0, area.DistanceM(new GeoPoint(87, 123)));
        Assert.Equal(90, area.Bounds.MaxLatitude);
        Assert.Equal(-180, area.Bounds.MinLongitude);
        Assert.Equal(180, area.Bounds.MaxLongitude);
    }

    [Fact]
    public void A_circle_at_the_pole_is_measured_along_the_meridian()
    {
        var distance = Circle(0, 90, 1_000).DistanceM(new GeoPoint(89, 137));

        Assert.Equal(MetresPerDegree - 1_000, distance, 1e-6);
    }

    [Fact]
    public void Edges_are_great_circle_arcs_so_a_long_east_west_edge_bulges_towards_the_pole()
    {
        // Along the parallel 60° N a point halfway between 0° and 40° E is south of the great circle joining them.
        var area = Polygon([(0, 60), (40, 60), (40, 61), (0, 61), (0, 60)]);

        Assert.True(area.DistanceM(new GeoPoint(60.5, 20)) > 0);
        Assert.True(area.Bounds.MaxLatitude > 61);
    }

    [Fact]
    public void A_point_in_a_hole_is_outside_the_polygon_and_measured_to_the_hole_edge()
    {
        var area = Polygon(
            [(0, 0), (2, 0), (2, 2), (0, 2), (0, 0)],
            [(0.5, 0.5), (1.5, 0.5), (1.5, 1.5), (0.5, 1.5), (0.5, 0.5)]);

        Assert.Equal(0, area.DistanceM(new GeoPoint(0.25, 1)));
        // The nearest hole edges are the meridians 0.5° and 1.5° (great circles), at asin(cos 1° · sin 0.5°).
        var expected = Math.Asin(Math.Cos(double.DegreesToRadians(1)) * Math.Sin(double.DegreesToRadians(0.5))) * GeoPoint.EarthRadiusKm * 1000;
        Assert.Equal(expected, area.DistanceM(new GeoPoint(1, 1)), 1e-6);
    }

    [Fact]
    public void A_corridor_reaches_half_its_width_from_its_line_along_a_long_great_circle()
    {
        // The equator from 0° to 100° E: 100 degrees long, 20 km wide.
        var corridor = Corridor(20_000, (0, 0), (100, 0));

        Assert.Equal(0, corridor.DistanceM(new GeoPoint(0.05, 50)));
        Assert.Equal((0.5 * MetresPerDegree) - 10_000, corridor.DistanceM(new GeoPoint(0.5, 73)), 1e-3);
        Assert.Equal(MetresPerDegree - 10_000, corridor.DistanceM(new GeoPoint(0, 101)), 1e-3);
    }

    [Fact]
    public void Polygons_sharing_an_edge_touch_but_their_interiors_do_not_overlap()
    {
        var west = Box(0, 0, 1, 1);
        var east = Box(1, 0, 2, 1);

        Assert.Equal(0, west.DistanceM(east), 1e-6);
        Assert.False(west.InteriorsOverlap(east));
        Assert.True(west.InteriorsOverlap(Box(0.999, 0, 2, 1)));
    }

    [Fact]
    public void Equal_polygons_and_a_polygon_inside_another_overlap()
    {
        Assert.True(Box(0, 0, 1, 1).InteriorsOverlap(Box(0, 0, 1, 1)));
        Assert.True(Box(0, 0, 1, 1).InteriorsOverlap(Box(0.2, 0.2, 0.4, 0.4)));
        Assert.True(Box(0.2, 0.2, 0.4, 0.4).InteriorsOverlap(Box(0, 0, 1, 1)));
    }

    [Theory]
    [InlineData(new[] { 0.0, 0, 1, 1, 1, 0, 0, 1, 0, 0 }, "[0]", "crosses or touches itself")]
    [InlineData(new[] { 0.0, 0, 1, 0, 2, 0, 0, 0 }, "[0]", "encloses no area")]
    [InlineData(new[] { 0.0, 0, 0, 0, 1, 1, 0, 0 }, "[0]", "at least 3 distinct positions")]
    [InlineData(new[] { -170.0, 0, 10, 0, 10, 10, -170, 0 }, "[0]", "more than 60°")]
    public void An_invalid_ring_is_refused_with_where_and_why(double[] flat, string path, string reason)
    {
        var ring = Enumerable.Range(0, flat.Length / 2).Select(i => (flat[2 * i], flat[(2 * i) + 1])).ToArray();

        Assert.False(Area.TryPolygon(Rings(ring), out _, out var error));
        Assert.Equal(path, error.CoordinatesPath);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hole_outside_its_polygon_is_refused()
    {
        Assert.False(Area.TryPolygon(Rings([(0, 0), (1, 0), (1, 1), (0, 1), (0, 0)], [(3, 3), (4, 3), (4, 4), (3, 3)]), out _, out var error));

        Assert.Equal("[1]", error.CoordinatesPath);
        Assert.Contains("not inside the exterior ring", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_in_a_multipolygon_name_the_polygon()
    {
        var good = Rings([(0, 0), (1, 0), (1, 1), (0, 0)]);
        var bowTie = Rings([(5, 5), (6, 6), (6, 5), (5, 6), (5, 5)]);

        Assert.False(Area.TryMultiPolygon([good, bowTie], out _, out var error));
        Assert.Equal("[1][0]", error.CoordinatesPath);
    }

    [Fact]
    public void The_bounding_circle_holds_every_vertex_and_the_buffer()
    {
        var corridor = Corridor(2_000, (35.0, 34.0), (36.0, 35.0), (37.0, 34.5));

        foreach (var (lon, lat) in new[] { (35.0, 34.0), (36.0, 35.0), (37.0, 34.5) })
        {
            Assert.True(corridor.Centre.DistanceKmTo(new GeoPoint(lat, lon)) * 1000 + 1_000 <= corridor.BoundingRadiusM + 1e-6);
        }
    }
}
