namespace Liaison.Core.Deconfliction;

/// <summary>
/// A ring drawn on a gnomonic plane, where great-circle arcs are straight segments: point-in-ring and
/// segment-intersection tests there are exact statements about the sphere.
/// </summary>
internal sealed class PlanarRing
{
    public PlanarRing(double[] xs, double[] ys)
    {
        Xs = xs;
        Ys = ys;
    }

    /// <summary>Abscissae of the vertices (the closing vertex is not repeated).</summary>
    public double[] Xs { get; }

    /// <summary>Ordinates of the vertices.</summary>
    public double[] Ys { get; }

    public int Count => Xs.Length;

    /// <summary>Even-odd ray casting; a point on the boundary may fall either way (callers measure distance for that).</summary>
    public bool Contains(double x, double y)
    {
        var inside = false;
        for (int i = 0, j = Count - 1; i < Count; j = i++)
        {
            if ((Ys[i] > y) != (Ys[j] > y) && x < ((Xs[j] - Xs[i]) * (y - Ys[i]) / (Ys[j] - Ys[i])) + Xs[i])
            {
                inside = !inside;
            }
        }

        return inside;
    }

    /// <summary>Twice the signed area (positive counterclockwise).</summary>
    public double DoubleSignedArea()
    {
        var sum = 0.0;
        for (int i = 0, j = Count - 1; i < Count; j = i++)
        {
            sum += (Xs[j] * Ys[i]) - (Xs[i] * Ys[j]);
        }

        return sum;
    }

    /// <summary>Whether segments i→i+1 of this ring and j→j+1 of <paramref name="other"/> meet, touching included.</summary>
    public bool SegmentsMeet(int i, PlanarRing other, int j)
    {
        var (ax, ay, bx, by) = (Xs[i], Ys[i], Xs[(i + 1) % Count], Ys[(i + 1) % Count]);
        var (cx, cy, dx, dy) = (other.Xs[j], other.Ys[j], other.Xs[(j + 1) % other.Count], other.Ys[(j + 1) % other.Count]);
        var d1 = Orient(cx, cy, dx, dy, ax, ay);
        var d2 = Orient(cx, cy, dx, dy, bx, by);
        var d3 = Orient(ax, ay, bx, by, cx, cy);
        var d4 = Orient(ax, ay, bx, by, dx, dy);
        if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)))
        {
            return true;
        }

        return (d1 == 0 && OnSegment(cx, cy, dx, dy, ax, ay)) || (d2 == 0 && OnSegment(cx, cy, dx, dy, bx, by))
            || (d3 == 0 && OnSegment(ax, ay, bx, by, cx, cy)) || (d4 == 0 && OnSegment(ax, ay, bx, by, dx, dy));
    }

    private static double Orient(double ax, double ay, double bx, double by, double cx, double cy) =>
        ((bx - ax) * (cy - ay)) - ((by - ay) * (cx - ax));

    private static bool OnSegment(double ax, double ay, double bx, double by, double px, double py) =>
        Math.Min(ax, bx) <= px && px <= Math.Max(ax, bx) && Math.Min(ay, by) <= py && py <= Math.Max(ay, by);
}
