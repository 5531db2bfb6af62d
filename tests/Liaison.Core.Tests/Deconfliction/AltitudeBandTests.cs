using Liaison.Core.Deconfliction;

namespace Liaison.Core.Tests.Deconfliction;

public sealed class AltitudeBandTests
{
    [Fact]
    public void A_band_upside_down_or_out_of_range_cannot_be_made()
    {
        Assert.Throws<ArgumentException>(() => new AltitudeBand(2000, 1000));
        Assert.Throws<ArgumentException>(() => new AltitudeBand(0, 150_000));
        Assert.Equal(500, new AltitudeBand(500, 500).CeilingM);
    }

    [Fact]
    public void The_gap_is_zero_for_bands_sharing_a_level_and_negative_when_they_overlap()
    {
        Assert.Equal(0, new AltitudeBand(0, 1000).GapM(new AltitudeBand(1000, 2000)));
        Assert.Equal(300, new AltitudeBand(1300, 2000).GapM(new AltitudeBand(0, 1000)));
        Assert.True(new AltitudeBand(0, 1000).GapM(new AltitudeBand(500, 2000)) < 0);
    }

    [Fact]
    public void The_surface_is_sea_level_at_sea_and_the_lowest_dry_land_on_land()
    {
        Assert.Equal(0, AltitudeBand.SurfaceM(ActivityDomain.Sea));
        Assert.Equal(-430, AltitudeBand.SurfaceM(ActivityDomain.Land));
        Assert.Equal(new AltitudeBand(0, 100, true), AltitudeBand.AtSurface(ActivityDomain.Sea));
        Assert.Equal(new AltitudeBand(-430, 9000, true), AltitudeBand.AtSurface(ActivityDomain.Land));
    }

    [Fact]
    public void Widening_stays_within_the_valid_range()
    {
        Assert.Equal(new AltitudeBand(AltitudeBand.LowestM, AltitudeBand.HighestM), AltitudeBand.WholeColumn.Widen(500));
        Assert.Equal(new AltitudeBand(850, 2150), new AltitudeBand(1000, 2000).Widen(150));
    }
}
