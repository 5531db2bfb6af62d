using CsCheck;
using Liaison.Core.Deconfliction;
using Liaison.Core.Geo;

namespace Liaison.Core.Tests.Deconfliction;

public sealed class BoxRangeTests
{
    private static readonly Gen<GeoBox> Boxes = Gen.Select(Gen.Double[-180, 180], Gen.Double[-180, 180], Gen.Double[-90, 90], Gen.Double[-90, 90], Gen.Int[0, 9])
        .Select((west, east, a, b, whole) => whole == 0 ? new GeoBox(-180, Math.Min(a, b), 180, Math.Max(a, b)) : new GeoBox(west, Math.Min(a, b), east, Math.Max(a, b)));

    [Fact]
    public void Boxes_meet_exactly_when_their_latitudes_overlap_and_their_longitude_spans_intersect()
    {
        Gen.Select(Boxes, Boxes).Sample((a, b) =>
        {
            var expected = a.MinLatitude <= b.MaxLatitude && b.MinLatitude <= a.MaxLatitude
                && LongitudeSpan.FromBox(a).Intersect(LongitudeSpan.FromBox(b)) is not null;
            Assert.Equal(expected, BoxRange.Of(a).Meets(BoxRange.Of(b)));
        }, iter: 20_000);
    }

    [Fact]
    public void Boxes_on_either_side_of_the_antimeridian_meet_and_edges_count()
    {
        var east = BoxRange.Of(new GeoBox(170, 0, 180, 1));
        var west = BoxRange.Of(new GeoBox(-180, 0, -170, 1));
        var across = BoxRange.Of(new GeoBox(175, 0, -175, 1));

        Assert.True(east.Meets(west));
        Assert.True(across.Meets(west));
        Assert.True(BoxRange.Of(new GeoBox(0, 0, 1, 1)).Meets(BoxRange.Of(new GeoBox(1, 1, 2, 2))));
        Assert.False(BoxRange.Of(new GeoBox(0, 0, 1, 1)).Meets(BoxRange.Of(new GeoBox(1.001, 0, 2, 1))));
        Assert.False(across.Meets(BoxRange.Of(new GeoBox(-170, 0, 170, 1))));
    }
}
