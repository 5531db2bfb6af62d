using Liaison.Core.Geo;

namespace Liaison.Core.Deconfliction;

/// <summary>A point of the unit sphere (or a direction) in Earth-centred Cartesian coordinates.</summary>
internal readonly record struct Vec3(double X, double Y, double Z)
{
    public static Vec3 FromDegrees(double latitude, double longitude)
    {
        var lat = double.DegreesToRadians(latitude);
        var lon = double.DegreesToRadians(longitude);
        var c = Math.Cos(lat);
        return new Vec3(c * Math.Cos(lon), c * Math.Sin(lon), Math.Sin(lat));
    }

    public static Vec3 From(GeoPoint point) => FromDegrees(point.Latitude, point.Longitude);

    public double Latitude => double.RadiansToDegrees(Math.Atan2(Z, Math.Sqrt((X * X) + (Y * Y))));

    // At a pole every longitude names the same point; 0 is as good as any and keeps results deterministic.
    public double Longitude => X == 0 && Y == 0 ? 0 : double.RadiansToDegrees(Math.Atan2(Y, X));

    public double Length => Math.Sqrt(Dot(this));

    public static Vec3 operator +(Vec3 a, Vec3 b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);

    public static Vec3 operator -(Vec3 a, Vec3 b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);

    public static Vec3 operator *(double k, Vec3 a) => new(k * a.X, k * a.Y, k * a.Z);

    public double Dot(Vec3 other) => (X * other.X) + (Y * other.Y) + (Z * other.Z);

    public Vec3 Cross(Vec3 other) => new((Y * other.Z) - (Z * other.Y), (Z * other.X) - (X * other.Z), (X * other.Y) - (Y * other.X));

    public Vec3 Normalized()
    {
        var length = Length;
        return new Vec3(X / length, Y / length, Z / length);
    }

    public GeoPoint ToGeoPoint() => new(Math.Clamp(Latitude, -90, 90), Math.Clamp(Longitude, -180, 180));
}
