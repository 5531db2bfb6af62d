using Liaison.Core.Deconfliction;
using Liaison.Core.Geo;

namespace Liaison.Core.Tests.Deconfliction;

/// <summary>Builders for areas and subjects in tests: positions are written (longitude, latitude) as in GeoJSON.</summary>
internal static class Shapes
{
    /// <summary>One degree of great circle on the sphere the code uses.</summary>
    public static readonly double MetresPerDegree = Math.PI * GeoPoint.EarthRadiusKm * 1000 / 180;

    public static readonly long Hour = 3_600_000_000L;

    public static readonly long T0 = 1_450_000_000_000_000L; // 2015-12-13T09:46:40Z

    public static Area Circle(double lon, double lat, double radiusM) => Area.Circle(new GeoPoint(lat, lon), radiusM);

    public static Area Corridor(double widthM, params (double Lon, double Lat)[] line) =>
        Area.TryCorridor(line.Select(p => new GeoPoint(p.Lat, p.Lon)).ToList(), widthM, out var area, out var error) ? area : throw new InvalidOperationException(error.Reason);

    public static Area Polygon(params (double Lon, double Lat)[][] rings) =>
        Area.TryPolygon(Rings(rings), out var area, out var error) ? area : throw new InvalidOperationException($"{error.CoordinatesPath}: {error.Reason}");

    public static Area Box(double west, double south, double east, double north) =>
        Polygon([(west, south), (east, south), (east, north), (west, north), (west, south)]);

    public static List<IReadOnlyList<GeoPoint>> Rings(params (double Lon, double Lat)[][] rings) =>
        rings.Select(r => (IReadOnlyList<GeoPoint>)r.Select(p => new GeoPoint(p.Lat, p.Lon)).ToList()).ToList();

    public static DeconflictionSubject Notice(
        string name,
        Area area,
        double floor = 1000,
        double ceiling = 2000,
        long start = 0,
        long end = 1,
        ActivityDomain domain = ActivityDomain.Air,
        SubjectKind kind = SubjectKind.OwnNotice,
        NoticeStatus status = NoticeStatus.Planned) =>
        new($"x-liaison-activity-notice--{Guid(name)}", kind, domain, status,
            new Volume(area, new AltitudeBand(floor, ceiling), new TimeWindow(T0 + (start * Hour), T0 + (end * Hour))),
            new Contact("radio", $"{name} ops"), name);

    public static DeconflictionSubject Site(string name, Area area) =>
        new($"location--{Guid(name)}", SubjectKind.ProtectedSite, null, NoticeStatus.Active, new Volume(area, AltitudeBand.WholeColumn, TimeWindow.Always), null, "hospital");

    public static DeconflictionRules Rules(double lateralM = 0, double verticalM = 0, long bufferMinutes = 0)
    {
        var minima = new SeparationMinima(lateralM, verticalM, TimeSpan.FromMinutes(bufferMinutes));
        return new DeconflictionRules(minima, minima, minima);
    }

    private static string Guid(string name) =>
        new Guid(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name))[..16]).ToString();
}
