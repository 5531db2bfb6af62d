using Liaison.Core.Geo;

namespace Liaison.Core.Deconfliction;

/// <summary>Boxes and circles that hold an area: what the index files it under and what a release may show.</summary>
internal static class AreaBounds
{
    private static readonly Vec3 NorthPole = new(0, 0, 1);
    private static readonly Vec3 SouthPole = new(0, 0, -1);

    /// <summary>The latitude/longitude box of the area's core, widened by <paramref name="bufferM"/>.</summary>
    public static GeoBox Of(Area area, double bufferM)
    {
        var south = 90.0;
        var north = -90.0;
        var spans = new List<LongitudeSpan>();
        foreach (var edge in area.Edges)
        {
            AddArc(edge.From, edge.To, ref south, ref north, spans);
        }

        if (area.Line.Length == 1)
        {
            var p = area.Line[0];
            south = north = p.Latitude;
            spans.Add(new LongitudeSpan(p.Longitude, 0));
        }

        var lon = LongitudeSpan.Cover(spans);
        foreach (var polygon in area.Polygons)
        {
            // A polygon around a pole holds every longitude up to it, though no edge goes there.
            if (polygon.Contains(NorthPole))
            {
                north = 90;
                lon = LongitudeSpan.Full;
            }

            if (polygon.Contains(SouthPole))
            {
                south = -90;
                lon = LongitudeSpan.Full;
            }
        }

        return Widen(lon, south, north, bufferM);
    }

    /// <summary>Widens a box so that it holds every point within <paramref name="metres"/> of a point inside it.</summary>
    public static GeoBox Widen(GeoBox box, double metres) =>
        Widen(LongitudeSpan.FromBox(box), box.MinLatitude, box.MaxLatitude, metres);

    /// <summary>A circle (centre, radius in metres) holding the whole area.</summary>
    public static (GeoPoint Centre, double RadiusM) Cap(Area area)
    {
        var vertices = area.Line.Concat(area.Polygons.SelectMany(p => p.Rings[0])).ToList();
        var sum = vertices.Aggregate(default(Vec3), (s, v) => s + v);
        var centre = sum.Length > 1e-9 ? sum.Normalized() : vertices[0];
        var radius = vertices.Max(v => SphereMath.Angle(centre, v));

        // Along a great-circle arc the distance from a point is largest at an end as long as both ends are within
        // 90° of it; beyond that only the whole sphere is a safe answer.
        var metres = radius <= Math.PI / 2 ? SphereMath.Metres(radius) + area.BufferM : SphereMath.Metres(Math.PI);
        return (centre.ToGeoPoint(), Math.Min(metres, SphereMath.Metres(Math.PI)));
    }

    private static GeoBox Widen(LongitudeSpan lon, double south, double north, double metres)
    {
        if (metres <= 0)
        {
            return lon.ToBox(south, north);
        }

        var delta = double.RadiansToDegrees(SphereMath.Radians(metres));
        var s = south - delta;
        var n = north + delta;
        if (s <= -90 || n >= 90)
        {
            return new GeoBox(-180, Math.Max(-90, s), 180, Math.Min(90, n));
        }

        var highest = double.DegreesToRadians(Math.Max(Math.Abs(s), Math.Abs(n)));
        var sine = Math.Sin(SphereMath.Radians(metres)) / Math.Cos(highest);
        return sine >= 1 ? new GeoBox(-180, s, 180, n) : lon.Widen(double.RadiansToDegrees(Math.Asin(sine))).ToBox(s, n);
    }

    private static void AddArc(Vec3 a, Vec3 b, ref double south, ref double north, List<LongitudeSpan> spans)
    {
        south = Math.Min(south, Math.Min(a.Latitude, b.Latitude));
        north = Math.Max(north, Math.Max(a.Latitude, b.Latitude));
        var normal = a.Cross(b);
        if (normal.Length > 1e-15)
        {
            // The great circle's northernmost point (and its antipode, the southernmost) may lie inside the arc.
            var n = normal.Normalized();
            var top = NorthPole - (NorthPole.Dot(n) * n);
            if (top.Length > 1e-12)
            {
                top = top.Normalized();
                foreach (var extreme in new[] { top, -1 * top })
                {
                    if (a.Cross(extreme).Dot(n) >= 0 && extreme.Cross(b).Dot(n) >= 0)
                    {
                        south = Math.Min(south, extreme.Latitude);
                        north = Math.Max(north, extreme.Latitude);
                    }
                }
            }
        }

        // At a pole longitude means nothing: the arc's span is the other end's longitude alone.
        var aPole = Math.Abs(a.Latitude) > 90 - 1e-9;
        var bPole = Math.Abs(b.Latitude) > 90 - 1e-9;
        if (aPole && bPole)
        {
            return;
        }

        spans.Add(aPole ? new LongitudeSpan(b.Longitude, 0) : bPole ? new LongitudeSpan(a.Longitude, 0) : LongitudeSpan.Between(a.Longitude, b.Longitude));
    }
}
