using Liaison.Core.Geo;

namespace Liaison.Core.Deconfliction;

/// <summary>
/// A latitude/longitude box in the form that is fastest to test for meeting another: latitudes, and longitudes as
/// an offset east of the antimeridian in [0, 360) with a width (360: every longitude). Two ranges meet exactly when
/// their latitudes overlap and <see cref="LongitudeSpan.Intersect"/> of their boxes' spans is not null; the offsets
/// are worked out once, so a test is a few comparisons and allocates nothing.
/// </summary>
internal readonly record struct BoxRange(double South, double North, double WestOffset, double Width)
{
    public static BoxRange Of(GeoBox box)
    {
        var lon = LongitudeSpan.FromBox(box);
        return new BoxRange(box.MinLatitude, box.MaxLatitude, LongitudeSpan.Offset(lon.West), lon.Width);
    }

    /// <summary>Whether the two boxes share a point, edges included.</summary>
    public bool Meets(in BoxRange other)
    {
        if (South > other.North || other.South > North)
        {
            return false;
        }

        if (Width >= 360 || other.Width >= 360)
        {
            return true;
        }

        // The spans as LongitudeSpan.Intersect walks them: the other one shifted a turn either way as well.
        var end = WestOffset + Width;
        for (var shift = -360.0; shift <= 360; shift += 360)
        {
            var west = other.WestOffset + shift;
            if (Math.Min(end, west + other.Width) >= Math.Max(WestOffset, west))
            {
                return true;
            }
        }

        return false;
    }
}
