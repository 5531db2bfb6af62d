using CsCheck;
using Liaison.Core.Deconfliction;
using Liaison.Core.Geo;

namespace Liaison.Core.Tests.Deconfliction;

/// <summary>
/// Random deconfliction subjects clustered around an anchor (so that many conflict), with anchors on the
/// antimeridian and near both poles as often as anywhere else.
/// </summary>
internal static class VolumeGen
{
    public static readonly Gen<(double Lon, double Lat)> Anchors = Gen.OneOf(
        Gen.Const((0.0, 0.0)),
        Gen.Const((180.0, 0.0)),
        Gen.Const((-179.5, 12.0)),
        Gen.Const((30.0, 88.5)),
        Gen.Const((-120.0, -88.5)),
        Gen.Select(Gen.Double[-180, 180], Gen.Double[-80, 80]));

    public static Gen<DeconflictionSubject> Subjects((double Lon, double Lat) anchor) =>
        Gen.Select(Areas(anchor), Gen.Int[0, 48], Gen.Int[1, 12], Gen.Double[0, 10_000], Gen.Double[50, 4_000], Gen.Int[0, 9])
            .Select((area, start, hours, floor, thickness, kind) => kind switch
            {
                < 1 => new DeconflictionSubject("location--00000000-0000-4000-8000-000000000000", SubjectKind.ProtectedSite, null, NoticeStatus.Active,
                    new Volume(area, AltitudeBand.WholeColumn, TimeWindow.Always), null, "school"),
                _ => new DeconflictionSubject("x-liaison-activity-notice--00000000-0000-4000-8000-000000000000", kind < 4 ? SubjectKind.PartnerNotice : SubjectKind.OwnNotice,
                    (ActivityDomain)(kind % 3), NoticeStatus.Active,
                    new Volume(area, new AltitudeBand(floor, floor + thickness), new TimeWindow(Shapes.T0 + (start * Shapes.Hour), Shapes.T0 + ((start + hours) * Shapes.Hour))),
                    new Contact("radio", "ops"), null),
            });

    public static readonly DeconflictionRules Rules = new(
        new SeparationMinima(9_260, 300, TimeSpan.FromMinutes(15)),
        new SeparationMinima(1_852, 0, TimeSpan.FromMinutes(30)),
        new SeparationMinima(1_000, 0, TimeSpan.Zero));

    private static Gen<Area> Areas((double Lon, double Lat) anchor)
    {
        var centres = Gen.Select(Gen.Double[-3, 3], Gen.Double[-3, 3]).Select((dLon, dLat) =>
            (Lon: LongitudeWrap(anchor.Lon + dLon), Lat: Math.Clamp(anchor.Lat + dLat, -89.9, 89.9)));
        var circles = Gen.Select(centres, Gen.Double[100, 150_000]).Select((c, r) => Area.Circle(new GeoPoint(c.Lat, c.Lon), r));
        var boxes = Gen.Select(centres, Gen.Double[0.01, 2], Gen.Double[0.01, 1.5]).Select((c, w, h) => Box(c.Lon, c.Lat, w, h, hole: false));
        var holed = Gen.Select(centres, Gen.Double[0.5, 2], Gen.Double[0.5, 1.5]).Select((c, w, h) => Box(c.Lon, c.Lat, w, h, hole: true));
        var corridors = Gen.Select(centres, centres, centres, Gen.Double[100, 30_000]).Select((a, b, c, width) =>
            Area.TryCorridor([new GeoPoint(a.Lat, a.Lon), new GeoPoint(b.Lat, b.Lon), new GeoPoint(c.Lat, c.Lon)], width, out var area, out _) ? area : Area.Circle(new GeoPoint(a.Lat, a.Lon), width));
        return Gen.Frequency((3, circles), (3, boxes), (1, holed), (2, corridors));
    }

    private static Area Box(double lon, double lat, double width, double height, bool hole)
    {
        var south = Math.Max(-89.95, lat - (height / 2));
        var north = Math.Min(89.95, lat + (height / 2));
        var west = LongitudeWrap(lon - (width / 2));
        var east = LongitudeWrap(lon + (width / 2));
        (double, double)[] Ring(double w, double s, double e, double n) => [(w, s), (e, s), (e, n), (w, n), (w, s)];
        var rings = new List<(double, double)[]> { Ring(west, south, east, north) };
        if (hole)
        {
            var dLon = width / 4;
            var dLat = (north - south) / 4;
            var middle = (north + south) / 2;
            rings.Add(Ring(LongitudeWrap(lon - dLon), middle - dLat, LongitudeWrap(lon + dLon), middle + dLat));
        }

        return Area.TryPolygon(Shapes.Rings([.. rings]), out var area, out var error) ? area : throw new InvalidOperationException(error.Reason);
    }

    private static double LongitudeWrap(double lon) => lon > 180 ? lon - 360 : lon < -180 ? lon + 360 : lon;

    /// <summary>Gives each subject its own id (generated ones share a placeholder), numbered from <paramref name="first"/>.</summary>
    public static DeconflictionSubject[] Numbered(DeconflictionSubject[] subjects, int first) =>
        subjects.Select((s, i) => s with { Id = $"{s.Id[..s.Id.IndexOf("--", StringComparison.Ordinal)]}--00000000-0000-4000-8000-{first + i:D12}" }).ToArray();
}
