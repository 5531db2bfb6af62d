using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Liaison.Core.Geo;

namespace Liaison.Core.Deconfliction;

/// <summary>
/// A validated polygon on the sphere: an exterior ring and holes whose edges are great-circle arcs. It lies within
/// <see cref="MaxExtentDegrees"/> of its centre, so its gnomonic projection from that centre (which maps great circles
/// to straight lines) is a simple planar polygon with holes, where containment is decided exactly. Which side of a
/// ring is inside is therefore the side that fits in that cap, whatever the ring's orientation, and a ring around a
/// pole or across the antimeridian needs nothing special.
/// </summary>
internal sealed class SphericalPolygon
{
    /// <summary>Every vertex lies within this angle of the polygon's centre (about 6,700 km).</summary>
    public const double MaxExtentDegrees = 60;

    private readonly Vec3 _centre;
    private readonly Vec3 _east;
    private readonly Vec3 _north;

    private SphericalPolygon(Vec3[][] rings, Vec3 centre, Vec3 east, Vec3 north, PlanarRing[] planar)
    {
        Rings = rings;
        _centre = centre;
        _east = east;
        _north = north;
        Planar = planar;
        InteriorProbe = FindInteriorProbe();
    }

    /// <summary>Exterior ring first, then holes; the closing vertex is not repeated.</summary>
    public Vec3[][] Rings { get; }

    public PlanarRing[] Planar { get; }

    /// <summary>A point strictly inside (about half a metre in from the first exterior edge), if one was found.</summary>
    public Vec3? InteriorProbe { get; }

    /// <summary>Validates GeoJSON rings (closed, as the extension schema requires) and builds the polygon.</summary>
    public static bool TryCreate(IReadOnlyList<IReadOnlyList<GeoPoint>> rings, [NotNullWhen(true)] out SphericalPolygon? polygon, [NotNullWhen(false)] out AreaError? error)
    {
        polygon = null;
        if (rings.Count == 0)
        {
            error = new AreaError("", "a polygon needs an exterior ring");
            return false;
        }

        var vectors = new Vec3[rings.Count][];
        for (var r = 0; r < rings.Count; r++)
        {
            vectors[r] = Distinct(rings[r]);
            if (vectors[r].Length < 3)
            {
                error = new AreaError($"[{r}]", "a ring needs at least 3 distinct positions");
                return false;
            }
        }

        var sum = vectors[0].Aggregate(default(Vec3), (s, v) => s + v);
        if (sum.Length < 1e-9)
        {
            error = new AreaError("[0]", $"the ring spans the globe; an area must lie within {MaxExtentDegrees}° (about 6,700 km) of its centre");
            return false;
        }

        var centre = sum.Normalized();
        var minCos = Math.Cos(double.DegreesToRadians(MaxExtentDegrees));
        for (var r = 0; r < vectors.Length; r++)
        {
            for (var i = 0; i < vectors[r].Length; i++)
            {
                if (vectors[r][i].Dot(centre) < minCos)
                {
                    error = new AreaError($"[{r}]", $"the ring reaches more than {MaxExtentDegrees}° (about 6,700 km) from the polygon's centre; split it into smaller polygons (a MultiPolygon)");
                    return false;
                }
            }
        }

        var (east, north) = Basis(centre);
        var planar = vectors.Select(ring => Project(ring, centre, east, north)).ToArray();
        if (!CheckRings(planar, out error))
        {
            return false;
        }

        polygon = new SphericalPolygon(vectors, centre, east, north, planar);
        return true;
    }

    /// <summary>Whether <paramref name="p"/> is inside the exterior ring and outside every hole (boundary: either way).</summary>
    public bool Contains(Vec3 p)
    {
        var w = p.Dot(_centre);
        if (w <= 0)
        {
            return false;
        }

        var x = p.Dot(_east) / w;
        var y = p.Dot(_north) / w;
        if (!Planar[0].Contains(x, y))
        {
            return false;
        }

        for (var h = 1; h < Planar.Length; h++)
        {
            if (Planar[h].Contains(x, y))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The angle from <paramref name="p"/> to the nearest edge of any ring.</summary>
    public double AngleToBoundary(Vec3 p)
    {
        var best = double.PositiveInfinity;
        foreach (var ring in Rings)
        {
            for (var i = 0; i < ring.Length; i++)
            {
                best = Math.Min(best, SphereMath.PointToArc(p, ring[i], ring[(i + 1) % ring.Length]));
            }
        }

        return best;
    }

    private static Vec3[] Distinct(IReadOnlyList<GeoPoint> ring)
    {
        // A repeated position (including the closing one) adds no edge; dropping it keeps the arithmetic away from
        // zero-length arcs.
        var result = new List<Vec3>(ring.Count);
        foreach (var point in ring)
        {
            var v = Vec3.From(point);
            if (result.Count == 0 || SphereMath.Angle(result[^1], v) > 1e-12)
            {
                result.Add(v);
            }
        }

        while (result.Count > 1 && SphereMath.Angle(result[0], result[^1]) <= 1e-12)
        {
            result.RemoveAt(result.Count - 1);
        }

        return [.. result];
    }

    private static (Vec3 East, Vec3 North) Basis(Vec3 centre)
    {
        var up = Math.Abs(centre.Z) < 0.9 ? new Vec3(0, 0, 1) : new Vec3(1, 0, 0);
        var east = up.Cross(centre).Normalized();
        return (east, centre.Cross(east));
    }

    private static PlanarRing Project(Vec3[] ring, Vec3 centre, Vec3 east, Vec3 north)
    {
        var xs = new double[ring.Length];
        var ys = new double[ring.Length];
        for (var i = 0; i < ring.Length; i++)
        {
            var w = ring[i].Dot(centre);
            xs[i] = ring[i].Dot(east) / w;
            ys[i] = ring[i].Dot(north) / w;
        }

        return new PlanarRing(xs, ys);
    }

    private static bool CheckRings(PlanarRing[] rings, [NotNullWhen(false)] out AreaError? error)
    {
        for (var r = 0; r < rings.Length; r++)
        {
            for (var s = r; s < rings.Length; s++)
            {
                if (FirstMeeting(rings[r], rings[s], r == s) is { } meeting)
                {
                    error = r == s
                        ? new AreaError($"[{r}]", string.Create(CultureInfo.InvariantCulture, $"the ring crosses or touches itself: the edge from position {meeting.I} meets the edge from position {meeting.J}"))
                        : new AreaError($"[{s}]", string.Create(CultureInfo.InvariantCulture, $"the hole's edge from position {meeting.J} meets ring {r}; holes must lie strictly inside the exterior ring and apart from each other"));
                    return false;
                }
            }

            if (Math.Abs(rings[r].DoubleSignedArea()) < 1e-18)
            {
                error = new AreaError($"[{r}]", "the ring encloses no area (its positions are on one line)");
                return false;
            }
        }

        for (var h = 1; h < rings.Length; h++)
        {
            if (!rings[0].Contains(rings[h].Xs[0], rings[h].Ys[0]))
            {
                error = new AreaError($"[{h}]", "the hole is not inside the exterior ring (ring 0)");
                return false;
            }

            for (var other = 1; other < rings.Length; other++)
            {
                if (other != h && rings[other].Contains(rings[h].Xs[0], rings[h].Ys[0]))
                {
                    error = new AreaError($"[{h}]", $"the hole lies inside hole {other}; holes must not nest");
                    return false;
                }
            }
        }

        error = null;
        return true;
    }

    private static (int I, int J)? FirstMeeting(PlanarRing a, PlanarRing b, bool same)
    {
        for (var i = 0; i < a.Count; i++)
        {
            for (var j = same ? i + 1 : 0; j < b.Count; j++)
            {
                // Consecutive edges of one ring share a vertex by construction.
                if (same && (j == i + 1 || (i == 0 && j == a.Count - 1)))
                {
                    continue;
                }

                if (a.SegmentsMeet(i, b, j))
                {
                    return (i, j);
                }
            }
        }

        return null;
    }

    private Vec3? FindInteriorProbe()
    {
        var ring = Rings[0];
        var a = ring[0];
        var b = ring[1];
        var middle = (a + b).Normalized();
        var normal = a.Cross(b).Normalized();
        const double Offset = 1e-7; // radians: about 0.64 m
        foreach (var sign in new[] { 1.0, -1.0 })
        {
            var probe = (middle + (sign * Offset * normal)).Normalized();
            if (Contains(probe))
            {
                return probe;
            }
        }

        return null;
    }
}
