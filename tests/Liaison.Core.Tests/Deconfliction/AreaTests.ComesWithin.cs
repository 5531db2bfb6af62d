using CsCheck;
using Liaison.Core.Geo;
using static Liaison.Core.Tests.Deconfliction.Shapes;

namespace Liaison.Core.Tests.Deconfliction;

// ComesWithin stops at the first pair of parts near enough: each test pins a case where a shortcut would be wrong.
public sealed partial class AreaTests
{
    private static readonly double Radius = GeoPoint.EarthRadiusKm * 1000;

    [Fact]
    public void Coming_within_a_distance_agrees_with_the_distance_itself_just_below_at_and_just_above_it()
    {
        Gen.Select(VolumeGen.Anchors, Gen.Double[0, 1]).SelectMany((anchor, _) => Gen.Select(VolumeGen.Subjects(anchor), VolumeGen.Subjects(anchor), Gen.Double[0, 200_000]))
            .Sample((a, b, far) =>
            {
                var (x, y) = (a.Volume.Area, b.Volume.Area);
                var distance = x.DistanceM(y);
                foreach (var metres in new[] { distance, double.BitIncrement(distance), double.BitDecrement(distance), distance + 1e-6, distance - 1e-6, far, 0, -1 })
                {
                    Assert.Equal(distance < metres, x.ComesWithin(y, metres));
                    Assert.Equal(y.DistanceM(x) < metres, y.ComesWithin(x, metres));
                }
            }, iter: 2_000);
    }

    [Fact]
    public void A_corridor_whose_vertices_are_all_far_outside_a_polygon_but_whose_line_crosses_it_comes_within_any_distance()
    {
        var box = Box(0, 0, 1, 1);
        var corridor = Corridor(100, (-1, 0.5), (2, 0.5));

        Assert.True(box.DistanceM(new GeoPoint(0.5, -1)) > 100_000);
        Assert.True(box.DistanceM(new GeoPoint(0.5, 2)) > 100_000);
        Assert.True(corridor.ComesWithin(box, 0.01));
        Assert.True(box.ComesWithin(corridor, 0.01));
    }

    [Fact]
    public void A_corridor_beside_a_polygon_comes_within_its_gap_plus_a_centimetre_and_not_within_the_gap_less_one()
    {
        // The meridian 1.5° E, 2 km wide, beside the box's east edge (the meridian 1° E): the edges are nearest at the
        // box's north-east corner, where meridians have converged, at asin(cos 1° · sin 0.5°).
        var box = Box(0, 0, 1, 1);
        var corridor = Corridor(2_000, (1.5, -1), (1.5, 2));
        var gap = (Math.Asin(Math.Cos(double.DegreesToRadians(1)) * Math.Sin(double.DegreesToRadians(0.5))) * Radius) - 1_000;

        Assert.Equal(gap, box.DistanceM(corridor), 1e-6);
        Assert.True(box.ComesWithin(corridor, gap + 0.01));
        Assert.True(corridor.ComesWithin(box, gap + 0.01));
        Assert.False(box.ComesWithin(corridor, gap - 0.01));
        Assert.False(corridor.ComesWithin(box, gap - 0.01));
        Assert.True(box.ComesWithin(corridor, gap + 1));
        Assert.False(corridor.ComesWithin(box, gap - 1));
    }

    [Fact]
    public void A_circle_in_a_polygon_s_hole_is_as_far_as_the_hole_s_edge_though_its_centre_is_inside_the_exterior_ring()
    {
        var holed = Polygon(
            [(0, 0), (2, 0), (2, 2), (0, 2), (0, 0)],
            [(0.5, 0.5), (1.5, 0.5), (1.5, 1.5), (0.5, 1.5), (0.5, 0.5)]);
        var circle = Circle(1, 1, 10_000);
        var gap = (Math.Asin(Math.Cos(double.DegreesToRadians(1)) * Math.Sin(double.DegreesToRadians(0.5))) * Radius) - 10_000;

        Assert.Equal(gap, holed.DistanceM(circle), 1e-6);
        Assert.False(holed.ComesWithin(circle, gap - 0.01));
        Assert.False(circle.ComesWithin(holed, gap - 0.01));
        Assert.True(holed.ComesWithin(circle, gap + 0.01));
        Assert.True(circle.ComesWithin(holed, gap + 0.01));
    }

    [Fact]
    public void Circles_come_within_their_gap_plus_a_centimetre_and_not_within_the_gap_less_one()
    {
        var west = Circle(0, 0, 10_000);
        var east = Circle(1, 0, 5_000);
        var gap = MetresPerDegree - 15_000;

        // A centimetre is within the margin where the arctangent is always worked out; a metre is beyond it, where
        // parts surely too far are skipped.
        Assert.True(west.ComesWithin(east, gap + 0.01));
        Assert.False(west.ComesWithin(east, gap - 0.01));
        Assert.True(west.ComesWithin(east, gap + 1));
        Assert.False(west.ComesWithin(east, gap - 1));
    }

    [Fact]
    public void Overlapping_areas_come_within_any_positive_distance_and_nothing_comes_within_zero()
    {
        var box = Box(0, 0, 1, 1);
        var inside = Circle(0.5, 0.5, 1_000);

        Assert.True(box.ComesWithin(inside, 1e-9));
        Assert.True(inside.ComesWithin(box, 1e-9));
        Assert.False(box.ComesWithin(inside, 0));
        Assert.False(box.ComesWithin(box, -1));
    }
}
