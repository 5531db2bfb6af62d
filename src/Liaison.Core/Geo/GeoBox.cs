using System.Globalization;

namespace Liaison.Core.Geo;

/// <summary>
/// A latitude/longitude box, edges inclusive. When <see cref="MinLongitude"/> is greater than
/// <see cref="MaxLongitude"/> the box crosses the antimeridian (e.g. 170 to -170 spans 20 degrees).
/// </summary>
public readonly record struct GeoBox
{
    /// <summary>Creates a box; throws <see cref="ArgumentOutOfRangeException"/> for out-of-range or inverted latitudes.</summary>
    public GeoBox(double minLongitude, double minLatitude, double maxLongitude, double maxLatitude)
    {
        _ = new GeoPoint(minLatitude, minLongitude);
        _ = new GeoPoint(maxLatitude, maxLongitude);
        if (minLatitude > maxLatitude)
        {
            throw new ArgumentOutOfRangeException(nameof(minLatitude), minLatitude, "the minimum latitude must not exceed the maximum");
        }

        MinLongitude = minLongitude;
        MinLatitude = minLatitude;
        MaxLongitude = maxLongitude;
        MaxLatitude = maxLatitude;
    }

    /// <summary>West edge.</summary>
    public double MinLongitude { get; }

    /// <summary>South edge.</summary>
    public double MinLatitude { get; }

    /// <summary>East edge.</summary>
    public double MaxLongitude { get; }

    /// <summary>North edge.</summary>
    public double MaxLatitude { get; }

    /// <summary>Whether the box wraps across longitude ±180.</summary>
    public bool CrossesAntimeridian => MinLongitude > MaxLongitude;

    /// <summary>Whether the point lies inside or on the edge.</summary>
    public bool Contains(GeoPoint point) =>
        point.Latitude >= MinLatitude && point.Latitude <= MaxLatitude
        && (CrossesAntimeridian
            ? point.Longitude >= MinLongitude || point.Longitude <= MaxLongitude
            : point.Longitude >= MinLongitude && point.Longitude <= MaxLongitude);

    /// <summary>The smallest box holding every point within <paramref name="radiusKm"/> of <paramref name="centre"/>.</summary>
    public static GeoBox Around(GeoPoint centre, double radiusKm)
    {
        var dLat = double.RadiansToDegrees(radiusKm / GeoPoint.EarthRadiusKm);
        var minLat = centre.Latitude - dLat;
        var maxLat = centre.Latitude + dLat;
        if (minLat <= -90 || maxLat >= 90)
        {
            // The circle reaches a pole: every longitude is within reach.
            return new GeoBox(-180, Math.Max(-90, minLat), 180, Math.Min(90, maxLat));
        }

        var dLon = double.RadiansToDegrees(Math.Asin(Math.Min(1, Math.Sin(radiusKm / GeoPoint.EarthRadiusKm) / Math.Cos(double.DegreesToRadians(centre.Latitude)))));
        if (dLon >= 180)
        {
            return new GeoBox(-180, minLat, 180, maxLat);
        }

        return new GeoBox(Wrap(centre.Longitude - dLon), minLat, Wrap(centre.Longitude + dLon), maxLat);
    }

    /// <summary>Parses <c>minLon,minLat,maxLon,maxLat</c> (the GeoJSON bbox order), or returns why not.</summary>
    public static bool TryParse(string text, out GeoBox box, out string? reason)
    {
        box = default;
        var parts = text.Split(',');
        if (parts.Length != 4)
        {
            reason = $"'{text}' must be four numbers minLon,minLat,maxLon,maxLat";
            return false;
        }

        var values = new double[4];
        for (var i = 0; i < 4; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]))
            {
                reason = $"'{parts[i]}' in '{text}' is not a number";
                return false;
            }
        }

        try
        {
            box = new GeoBox(values[0], values[1], values[2], values[3]);
            reason = null;
            return true;
        }
        catch (ArgumentOutOfRangeException ex)
        {
            reason = $"'{text}': {ex.Message.Split(Environment.NewLine)[0]}";
            return false;
        }
    }

    private static double Wrap(double longitude) => longitude > 180 ? longitude - 360 : longitude < -180 ? longitude + 360 : longitude;
}
