namespace Liaison.Core.Geo;

/// <summary>A WGS 84 position in decimal degrees; latitude in [-90, 90], longitude in [-180, 180].</summary>
public readonly record struct GeoPoint
{
    /// <summary>Earth's mean radius (IUGG), the sphere all distances here are computed on.</summary>
    public const double EarthRadiusKm = 6371.0088;

    /// <summary>Creates a point; throws <see cref="ArgumentOutOfRangeException"/> outside the valid ranges.</summary>
    public GeoPoint(double latitude, double longitude)
    {
        if (!(latitude is >= -90 and <= 90))
        {
            throw new ArgumentOutOfRangeException(nameof(latitude), latitude, "latitude must be within [-90, 90]");
        }

        if (!(longitude is >= -180 and <= 180))
        {
            throw new ArgumentOutOfRangeException(nameof(longitude), longitude, "longitude must be within [-180, 180]");
        }

        Latitude = latitude;
        Longitude = longitude;
    }

    /// <summary>Degrees north of the equator.</summary>
    public double Latitude { get; }

    /// <summary>Degrees east of Greenwich.</summary>
    public double Longitude { get; }

    /// <summary>Great-circle distance in kilometres (haversine, accurate to about 0.5 % against the ellipsoid).</summary>
    public double DistanceKmTo(GeoPoint other)
    {
        var lat1 = double.DegreesToRadians(Latitude);
        var lat2 = double.DegreesToRadians(other.Latitude);
        var dLat = lat2 - lat1;
        var dLon = double.DegreesToRadians(other.Longitude - Longitude);
        var h = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) + (Math.Cos(lat1) * Math.Cos(lat2) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }
}
