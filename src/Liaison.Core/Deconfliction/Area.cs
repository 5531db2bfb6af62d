using System.Diagnostics.CodeAnalysis;
using Liaison.Core.Geo;

namespace Liaison.Core.Deconfliction;

/// <summary>
/// A validated area on the sphere: a circle (a point and a radius), a corridor (a line and a width), a polygon with
/// holes, or several polygons. Every edge is a great-circle arc, so an area across the antimeridian or around a pole
/// needs no special writing and a long corridor follows the great circle between its positions. Only valid areas
/// can be built: rings without self-intersection, holes inside their exterior, each polygon within
/// <see cref="SphericalPolygon.MaxExtentDegrees"/> of its centre. Immutable and thread safe.
/// </summary>
public sealed partial class Area
{
    /// <summary>The largest circle radius or corridor width accepted, 1,000 km (the extension schema's bound).</summary>
    public const double MaxBufferM = 1_000_000;

    /// <summary>The most positions an area may have, which bounds the cost of validating and comparing it.</summary>
    public const int MaxPositions = 4096;

    private Area(AreaShape shape, double bufferM, Vec3[] line, SphericalPolygon[] polygons)
    {
        Shape = shape;
        BufferM = bufferM;
        Line = line;
        Polygons = polygons;
        Edges = BuildEdges(line, polygons);
        Bounds = AreaBounds.Of(this, bufferM);
        (Centre, BoundingRadiusM) = AreaBounds.Cap(this);
    }

    /// <summary>The shape the area was given as.</summary>
    public AreaShape Shape { get; }

    /// <summary>The circle's radius or half the corridor's width, in metres; 0 for polygons.</summary>
    public double BufferM { get; }

    /// <summary>The smallest latitude/longitude box holding the area (it may cross the antimeridian).</summary>
    public GeoBox Bounds { get; }

    /// <summary>The centre of a circle holding the whole area.</summary>
    public GeoPoint Centre { get; }

    /// <summary>The radius in metres of a circle around <see cref="Centre"/> holding the whole area.</summary>
    public double BoundingRadiusM { get; }

    /// <summary>The circle's centre or the corridor's line (empty for polygons).</summary>
    internal Vec3[] Line { get; }

    internal SphericalPolygon[] Polygons { get; }

    /// <summary>The edges of the core: the corridor's segments, or every ring's arcs (none for a circle).</summary>
    internal Arc[] Edges { get; }

    /// <summary>A circle of <paramref name="radiusM"/> metres around <paramref name="centre"/>.</summary>
    /// <exception cref="ArgumentException">The radius is not within (0, <see cref="MaxBufferM"/>].</exception>
    public static Area Circle(GeoPoint centre, double radiusM)
    {
        Preconditions.CheckArgument(radiusM is > 0 and <= MaxBufferM, "the radius must be within (0, 1,000 km]");
        return new Area(AreaShape.Circle, radiusM, [Vec3.From(centre)], []);
    }

    /// <summary>A corridor <paramref name="widthM"/> metres wide (half on each side) along a line, or why not.</summary>
    public static bool TryCorridor(IReadOnlyList<GeoPoint> line, double widthM, [NotNullWhen(true)] out Area? area, [NotNullWhen(false)] out AreaError? error)
    {
        ArgumentNullException.ThrowIfNull(line);
        area = null;
        if (!(widthM is > 0 and <= MaxBufferM))
        {
            error = new AreaError("", "the corridor's width must be within (0, 1,000 km]");
            return false;
        }

        if (line.Count > MaxPositions)
        {
            error = new AreaError("", $"a corridor may have at most {MaxPositions} positions, not {line.Count}");
            return false;
        }

        var vectors = new List<Vec3>(line.Count);
        for (var i = 0; i < line.Count; i++)
        {
            var v = Vec3.From(line[i]);
            if (vectors.Count > 0 && SphereMath.Angle(vectors[^1], v) > double.DegreesToRadians(SphericalPolygon.MaxExtentDegrees * 2))
            {
                error = new AreaError($"[{i}]", $"is more than {SphericalPolygon.MaxExtentDegrees * 2}° from the previous position; add positions in between so the great-circle path is unambiguous");
                return false;
            }

            if (vectors.Count == 0 || SphereMath.Angle(vectors[^1], v) > 1e-12)
            {
                vectors.Add(v);
            }
        }

        if (vectors.Count < 2)
        {
            error = new AreaError("", "a corridor needs at least 2 distinct positions");
            return false;
        }

        area = new Area(AreaShape.Corridor, widthM / 2, [.. vectors], []);
        error = null;
        return true;
    }

    /// <summary>A polygon (exterior ring, then holes; each ring closed as GeoJSON requires), or why not.</summary>
    public static bool TryPolygon(IReadOnlyList<IReadOnlyList<GeoPoint>> rings, [NotNullWhen(true)] out Area? area, [NotNullWhen(false)] out AreaError? error) =>
        TryPolygons(AreaShape.Polygon, [rings], out area, out error);

    /// <summary>The union of several polygons, or why not (error paths start with the polygon's index).</summary>
    public static bool TryMultiPolygon(IReadOnlyList<IReadOnlyList<IReadOnlyList<GeoPoint>>> polygons, [NotNullWhen(true)] out Area? area, [NotNullWhen(false)] out AreaError? error) =>
        TryPolygons(AreaShape.MultiPolygon, polygons, out area, out error);

    private static Arc[] BuildEdges(Vec3[] line, SphericalPolygon[] polygons)
    {
        var edges = new List<Arc>();
        for (var i = 0; i + 1 < line.Length; i++)
        {
            edges.Add(new Arc(line[i], line[i + 1]));
        }

        foreach (var ring in polygons.SelectMany(p => p.Rings))
        {
            for (var i = 0; i < ring.Length; i++)
            {
                edges.Add(new Arc(ring[i], ring[(i + 1) % ring.Length]));
            }
        }

        return [.. edges];
    }

    private static bool TryPolygons(AreaShape shape, IReadOnlyList<IReadOnlyList<IReadOnlyList<GeoPoint>>> polygons, [NotNullWhen(true)] out Area? area, [NotNullWhen(false)] out AreaError? error)
    {
        ArgumentNullException.ThrowIfNull(polygons);
        area = null;
        var positions = polygons.Sum(p => p.Sum(r => r.Count));
        if (positions > MaxPositions)
        {
            error = new AreaError("", $"an area may have at most {MaxPositions} positions, not {positions}");
            return false;
        }

        if (polygons.Count == 0)
        {
            error = new AreaError("", "a multi-polygon needs at least one polygon");
            return false;
        }

        var built = new SphericalPolygon[polygons.Count];
        for (var p = 0; p < polygons.Count; p++)
        {
            if (!SphericalPolygon.TryCreate(polygons[p], out var polygon, out var polygonError))
            {
                error = shape == AreaShape.MultiPolygon ? polygonError with { CoordinatesPath = $"[{p}]{polygonError.CoordinatesPath}" } : polygonError;
                return false;
            }

            built[p] = polygon;
        }

        area = new Area(shape, 0, [], built);
        error = null;
        return true;
    }
}
