namespace Liaison.Core.Deconfliction;

/// <summary>
/// An interval of longitudes walked eastwards from <see cref="West"/> for <see cref="Width"/> degrees (it may run
/// past 180 and wrap); a width of 360 is every longitude.
/// </summary>
internal readonly record struct LongitudeSpan(double West, double Width)
{
    public static readonly LongitudeSpan Full = new(-180, 360);

    public double East => Wrap(West + Width);

    public bool IsFull => Width >= 360;

    /// <summary>The span walked the short way between two longitudes (a minor arc never turns more than 180°).</summary>
    public static LongitudeSpan Between(double a, double b)
    {
        var d = Wrap(b - a);
        return d >= 0 ? new LongitudeSpan(a, d) : new LongitudeSpan(b, -d);
    }

    public static LongitudeSpan FromBox(Geo.GeoBox box) =>
        box.MinLongitude == -180 && box.MaxLongitude == 180 ? Full
        : new LongitudeSpan(box.MinLongitude, box.CrossesAntimeridian ? 360 - (box.MinLongitude - box.MaxLongitude) : box.MaxLongitude - box.MinLongitude);

    /// <summary>The smallest span covering all of <paramref name="spans"/>: the complement of the widest gap between them.</summary>
    public static LongitudeSpan Cover(IReadOnlyList<LongitudeSpan> spans)
    {
        if (spans.Count == 0 || spans.Any(s => s.IsFull))
        {
            return Full;
        }

        // On [0, 360) from the antimeridian, sorted by western edge, merged where they overlap.
        var sorted = spans.Select(s => (Start: Offset(s.West), End: Offset(s.West) + s.Width)).OrderBy(s => s.Start).ToList();
        var merged = new List<(double Start, double End)> { sorted[0] };
        foreach (var (start, end) in sorted.Skip(1))
        {
            if (start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, end));
            }
            else
            {
                merged.Add((start, end));
            }
        }

        var bestGap = -1.0;
        var coverStart = 0.0;
        var coverEnd = 0.0;
        for (var i = 0; i < merged.Count; i++)
        {
            var next = i + 1 < merged.Count ? merged[i + 1].Start : merged[0].Start + 360;
            var gap = next - merged[i].End;
            if (gap > bestGap)
            {
                bestGap = gap;
                coverStart = next;
                coverEnd = merged[i].End + 360;
            }
        }

        return bestGap <= 0 ? Full : new LongitudeSpan(Wrap(coverStart - 180), coverEnd - coverStart);
    }

    /// <summary>The part of this span inside <paramref name="other"/>: null when apart; the narrower one when they meet twice.</summary>
    public LongitudeSpan? Intersect(LongitudeSpan other)
    {
        if (IsFull)
        {
            return other;
        }

        if (other.IsFull)
        {
            return this;
        }

        var pieces = new List<LongitudeSpan>();
        var a = Offset(West);
        foreach (var shift in new[] { -360.0, 0, 360 })
        {
            var b = Offset(other.West) + shift;
            var start = Math.Max(a, b);
            var end = Math.Min(a + Width, b + other.Width);
            if (end >= start)
            {
                pieces.Add(new LongitudeSpan(Wrap(start - 180), end - start));
            }
        }

        return pieces.Count switch
        {
            0 => null,
            1 => pieces[0],
            _ => Width <= other.Width ? this : other,
        };
    }

    public LongitudeSpan Widen(double degrees) => Width + (2 * degrees) >= 360 ? Full : new LongitudeSpan(Wrap(West - degrees), Width + (2 * degrees));

    public Geo.GeoBox ToBox(double south, double north)
    {
        if (IsFull)
        {
            return new Geo.GeoBox(-180, south, 180, north);
        }

        var west = West == 180 ? -180 : West;
        var east = East;
        if (east == -180 && Width > 0)
        {
            east = 180;
        }

        return new Geo.GeoBox(west, south, east, north);
    }

    /// <summary>Longitude in (−180, 180] (−180 itself stays −180).</summary>
    public static double Wrap(double longitude)
    {
        var x = longitude;
        while (x > 180)
        {
            x -= 360;
        }

        while (x < -180)
        {
            x += 360;
        }

        return x;
    }

    /// <summary>Degrees east of the antimeridian, in [0, 360).</summary>
    public static double Offset(double longitude) => ((longitude + 180) % 360 + 360) % 360;
}
