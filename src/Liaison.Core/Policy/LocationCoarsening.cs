using System.Text.Json.Nodes;
using Liaison.Core.Geo;

namespace Liaison.Core.Policy;

/// <summary>
/// Snaps a location's coordinates to the centre of a fixed grid cell about <see cref="PrecisionKm"/> across, and sets
/// its STIX <c>precision</c> accordingly; the same point always gives the same cell, so releasing it again and again
/// cannot be averaged back to the truth.
/// </summary>
/// <remarks>
/// <para>The grid (on the sphere of <see cref="GeoPoint.EarthRadiusKm"/>) is anchored at latitude −90, longitude −180
/// and depends on nothing but the precision:</para>
/// <list type="bullet">
/// <item>Latitude is cut into <c>n = ⌈πR / p⌉</c> bands of equal height <c>180° / n</c> (at most <c>p</c> km).</item>
/// <item>Each band is cut into <c>m = ⌈2πR·cos φ / p⌉</c> columns of equal width <c>360° / m</c>, where <c>φ</c> is the band
/// edge nearest the equator, where the band is widest; so no cell is wider than <c>p</c> km anywhere, and cells away from
/// the poles have roughly equal areas (<c>p × p</c>). Near the poles cells become wedges with few columns.</item>
/// <item>Because bands and columns divide the sphere exactly, there are no partial cells; longitude 180 is longitude
/// −180 (the antimeridian belongs to the first column), and the poles themselves are read at longitude 0.</item>
/// </list>
/// <para>Every point of a cell lies within <c>p / √2</c> km of its centre. The centre is written rounded to 6 decimals
/// (about 0.1 m), far inside the cell, so coarsening a coarsened location changes nothing. The released
/// <c>precision</c> is <c>p</c> in metres (or the location's own precision when that is coarser).</para>
/// <para>Only <c>location</c> objects are changed; other objects pass through. Names, addresses and areas (GeoJSON
/// polygons of extensions) are not coarsened: redact them in the same clause. Immutable and thread safe.</para>
/// </remarks>
public sealed class LocationCoarsening : StixTransform
{
    /// <summary>The smallest precision accepted, 10 m.</summary>
    public const double MinimumPrecisionKm = 0.01;

    /// <summary>The largest precision accepted, 10,000 km (a quarter of the globe).</summary>
    public const double MaximumPrecisionKm = 10_000;

    private static readonly double KmPerDegree = Math.PI * GeoPoint.EarthRadiusKm / 180;

    private readonly double _bandDegrees;
    private readonly long _bands;

    /// <summary>Creates the coarsening to cells about <paramref name="precisionKm"/> across.</summary>
    /// <exception cref="ArgumentException"><paramref name="precisionKm"/> is outside [<see cref="MinimumPrecisionKm"/>, <see cref="MaximumPrecisionKm"/>].</exception>
    public LocationCoarsening(double precisionKm)
    {
        Preconditions.CheckArgument(precisionKm is >= MinimumPrecisionKm and <= MaximumPrecisionKm, "precision_km must be within [0.01, 10000]");
        PrecisionKm = precisionKm;
        _bands = (long)Math.Ceiling(180 * KmPerDegree / precisionKm);
        _bandDegrees = 180.0 / _bands;
    }

    /// <summary>The cell size in kilometres.</summary>
    public double PrecisionKm { get; }

    /// <summary>The STIX <c>precision</c> released, in metres.</summary>
    public double PrecisionMetres => PrecisionKm * 1000;

    /// <summary>The cell that holds <paramref name="point"/>.</summary>
    public GridCell Snap(GeoPoint point)
    {
        var latitude = point.Latitude;
        var longitude = Math.Abs(latitude) == 90 ? 0 : point.Longitude;
        var band = Math.Min((long)Math.Floor((latitude + 90) / _bandDegrees), _bands - 1);
        var south = -90 + (band * _bandDegrees);
        var north = south + _bandDegrees;
        var widest = south <= 0 && north >= 0 ? 0 : Math.Min(Math.Abs(south), Math.Abs(north));
        var circumferenceKm = 360 * KmPerDegree * Math.Cos(double.DegreesToRadians(widest));
        var columns = Math.Max(1, (long)Math.Ceiling(circumferenceKm / PrecisionKm));
        var columnDegrees = 360.0 / columns;
        var column = (long)Math.Floor((longitude + 180) / columnDegrees) % columns;
        var centre = new GeoPoint(
            Math.Round(Math.Clamp(-90 + ((band + 0.5) * _bandDegrees), -90, 90), 6),
            Math.Round(Math.Clamp(-180 + ((column + 0.5) * columnDegrees), -180, 180), 6));
        return new GridCell(band, column, centre, PrecisionMetres);
    }

    internal override void ApplyTo(JsonObject target, TransformContext context)
    {
        if (!(target["type"] is JsonValue type && type.TryGetValue(out string? name) && name == "location")
            || !(target["latitude"] is JsonValue lat && lat.TryGetValue(out double latitude))
            || !(target["longitude"] is JsonValue lon && lon.TryGetValue(out double longitude)))
        {
            return;
        }

        if (latitude is < -90 or > 90 || longitude is < -180 or > 180)
        {
            context.Error("coarsen", "latitude", "the coordinates are out of range, so they cannot be coarsened");
            return;
        }

        var cell = Snap(new GeoPoint(latitude, longitude));
        var precision = target["precision"] is JsonValue p && p.TryGetValue(out double existing) && existing > cell.PrecisionMetres
            ? existing
            : cell.PrecisionMetres;
        target["latitude"] = cell.Centre.Latitude;
        target["longitude"] = cell.Centre.Longitude;
        target["precision"] = precision;
    }
}
