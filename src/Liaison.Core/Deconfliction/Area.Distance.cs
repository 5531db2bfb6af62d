using Liaison.Core.Geo;

namespace Liaison.Core.Deconfliction;

public sealed partial class Area
{
    /// <summary>
    /// Below this many metres two boundaries are taken to touch: it absorbs floating-point rounding (about 1e-9 m
    /// on the Earth's radius) and nothing a notice can express.
    /// </summary>
    internal const double ToleranceM = 1e-3;

    /// <summary>The great-circle distance in metres from the nearest points of the two areas; 0 when they meet.</summary>
    public double DistanceM(Area other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Math.Max(0, GapM(CoreAngle(other, double.NegativeInfinity), other));
    }

    /// <summary>
    /// Whether <see cref="DistanceM(Area)"/> is less than <paramref name="metres"/>, decided exactly but stopping at
    /// the first pair of parts near enough: the distance is a minimum over such pairs, so one pair below the bound
    /// is enough to say yes, and only a no needs every pair.
    /// </summary>
    internal bool ComesWithin(Area other, double metres) =>
        metres > 0 && GapM(CoreAngle(other, metres), other) < metres;

    /// <summary>The great-circle distance in metres from <paramref name="point"/> to the area; 0 inside it.</summary>
    public double DistanceM(GeoPoint point) => Math.Max(0, SphereMath.Metres(CoreAngle(Vec3.From(point))) - BufferM);

    /// <summary>
    /// Whether some point lies strictly inside both areas. Boundaries that only touch do not overlap; this is what
    /// a separation minimum of zero asks for.
    /// </summary>
    public bool InteriorsOverlap(Area other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (BufferM > 0 || other.BufferM > 0)
        {
            // A circle or corridor is open around its line: it overlaps whatever comes nearer than its buffer.
            return SphereMath.Metres(CoreAngle(other, double.NegativeInfinity)) < BufferM + other.BufferM - ToleranceM;
        }

        foreach (var a in Polygons)
        {
            foreach (var b in other.Polygons)
            {
                if (PolygonsOverlap(a, b))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The angle from the area's core (its line, or its polygons) to a point: 0 inside a polygon.</summary>
    internal double CoreAngle(Vec3 p) => CoreAngle(p, double.PositiveInfinity);

    /// <summary>
    /// <see cref="CoreAngle(Vec3)"/>, or +∞ when it is surely above the angle whose tangent is
    /// <paramref name="tanAbove"/> (see <see cref="SphereMath.AngleOf"/>).
    /// </summary>
    private double CoreAngle(Vec3 p, double tanAbove)
    {
        foreach (var polygon in Polygons)
        {
            if (polygon.Contains(p))
            {
                return 0;
            }
        }

        // Outside every polygon: the nearest edge of any ring, or of the corridor's line.
        var best = double.PositiveInfinity;
        foreach (ref readonly var edge in Edges.AsSpan())
        {
            best = Math.Min(best, SphereMath.PointToArc(p, edge, tanAbove));
        }

        return Line.Length == 1 ? Math.Min(best, SphereMath.AngleOf(p.Cross(Line[0]).Length, p.Dot(Line[0]), tanAbove)) : best;
    }

    /// <summary>
    /// The angle between the two areas' cores (0 when they cross or one holds part of the other); or, as soon as a
    /// pair of parts leaves less than <paramref name="enoughM"/> between the areas, that pair's angle, which is then
    /// at least the true one and as conclusive (the gap only grows with the angle). With a finite
    /// <paramref name="enoughM"/>, parts surely farther than it are skipped: the angle returned may then be larger
    /// than the true one, but only when both leave at least <paramref name="enoughM"/> between the areas.
    /// </summary>
    internal double CoreAngle(Area other, double enoughM)
    {
        if (HoldsAPointOf(other) || other.HoldsAPointOf(this))
        {
            return 0;
        }

        var tanAbove = TanAbove(enoughM, other);
        var best = double.PositiveInfinity;
        foreach (ref readonly var edge in Edges.AsSpan())
        {
            foreach (ref readonly var otherEdge in other.Edges.AsSpan())
            {
                best = Math.Min(best, SphereMath.ArcToArc(edge, otherEdge, tanAbove));
                if (best == 0 || GapM(best, other) < enoughM)
                {
                    return best;
                }
            }
        }

        // A circle's core is a point and has no edge.
        if (Line.Length == 1)
        {
            best = Math.Min(best, other.CoreAngle(Line[0], tanAbove));
        }

        if (other.Line.Length == 1)
        {
            best = Math.Min(best, CoreAngle(other.Line[0], tanAbove));
        }

        return best;
    }

    /// <summary>
    /// The tangent of an angle surely above every core angle that leaves less than <paramref name="enoughM"/> between
    /// the areas (+∞ when there is no bound, or none below 1 radian). The relative margin of 1e-6 is far above the
    /// rounding of the arctangent and of <see cref="GapM"/>, so a part skipped as above it leaves at least
    /// <paramref name="enoughM"/>.
    /// </summary>
    private double TanAbove(double enoughM, Area other)
    {
        var angle = SphereMath.Radians(enoughM + BufferM + other.BufferM) * (1 + 1e-6);
        return angle is > 0 and < 1 ? Math.Tan(angle) : double.PositiveInfinity;
    }

    /// <summary>The distance between the areas when their cores are <paramref name="coreAngle"/> apart (negative: they overlap by that much).</summary>
    private double GapM(double coreAngle, Area other) => SphereMath.Metres(coreAngle) - BufferM - other.BufferM;

    /// <summary>
    /// Whether a polygon of this area holds the first point of one of the other's parts. When no edges cross, each
    /// part of the other is wholly inside or wholly outside, so its first point decides.
    /// </summary>
    private bool HoldsAPointOf(Area other)
    {
        if (Polygons.Length == 0)
        {
            return false;
        }

        if (other.Line.Length > 0 && AnyPolygonContains(other.Line[0]))
        {
            return true;
        }

        foreach (var polygon in other.Polygons)
        {
            if (AnyPolygonContains(polygon.Rings[0][0]))
            {
                return true;
            }
        }

        return false;
    }

    private bool AnyPolygonContains(Vec3 p)
    {
        foreach (var polygon in Polygons)
        {
            if (polygon.Contains(p))
            {
                return true;
            }
        }

        return false;
    }

    private static bool PolygonsOverlap(SphericalPolygon a, SphericalPolygon b)
    {
        foreach (var ringA in a.Rings)
        {
            foreach (var ringB in b.Rings)
            {
                for (var i = 0; i < ringA.Length; i++)
                {
                    for (var j = 0; j < ringB.Length; j++)
                    {
                        if (SphereMath.ArcsCross(ringA[i], ringA[(i + 1) % ringA.Length], ringB[j], ringB[(j + 1) % ringB.Length]))
                        {
                            return true;
                        }
                    }
                }
            }
        }

        // No boundaries cross: the interiors overlap only if one holds a point of the other that is not on its
        // boundary. Vertices, edge midpoints and one interior point of each cover nested, shared-edge and equal rings.
        return HoldsStrictly(a, b) || HoldsStrictly(b, a);
    }

    private static bool HoldsStrictly(SphericalPolygon holder, SphericalPolygon held)
    {
        bool Strictly(Vec3 p) => holder.Contains(p) && SphereMath.Metres(holder.AngleToBoundary(p)) > ToleranceM;

        if (held.InteriorProbe is { } probe && Strictly(probe))
        {
            return true;
        }

        foreach (var ring in held.Rings)
        {
            for (var i = 0; i < ring.Length; i++)
            {
                if (Strictly(ring[i]) || Strictly((ring[i] + ring[(i + 1) % ring.Length]).Normalized()))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
