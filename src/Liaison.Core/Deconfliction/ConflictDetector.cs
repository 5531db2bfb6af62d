using Liaison.Core.Geo;

namespace Liaison.Core.Deconfliction;

/// <summary>
/// Decides whether two subjects conflict: closer than the separation minima in time, in altitude and in area, all
/// three at once. Exactly the minimum apart is separated; with a minimum of zero, volumes that only touch (windows
/// that follow each other, bands that share a level, areas that share an edge) are separated too. Pure and thread safe.
/// </summary>
public static class ConflictDetector
{
    /// <summary>The conflict between <paramref name="subject"/> and <paramref name="other"/>, or null when they are separated.</summary>
    public static Conflict? Check(DeconflictionSubject subject, DeconflictionSubject other, DeconflictionRules rules)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(other);
        ArgumentNullException.ThrowIfNull(rules);
        return subject.IsComparableWith(other) ? Check(subject, other, rules.Between(subject.Domain, other.Domain)) : null;
    }

    /// <summary>The conflict between two comparable subjects under <paramref name="minima"/>, or null when they are separated.</summary>
    internal static Conflict? Check(DeconflictionSubject subject, DeconflictionSubject other, SeparationMinima minima)
    {
        var a = subject.Volume;
        var b = other.Volume;

        // Cheapest first: time, then altitude, then the boxes, and only then the exact geometry.
        if (!CloseInTimeAndAltitude(a.Window, a.Band, b.Window, b.Band, minima)
            || !BoxRange.Of(Reach(a.Area, minima.LateralM)).Meets(BoxRange.Of(b.Area.Bounds)))
        {
            return null;
        }

        return AreasConflict(a.Area, b.Area, minima.LateralM) ? new Conflict(subject, other, minima) : null;
    }

    /// <summary>Whether two volumes are closer than the minima in time and in altitude (the area aside).</summary>
    internal static bool CloseInTimeAndAltitude(TimeWindow window, AltitudeBand band, TimeWindow otherWindow, AltitudeBand otherBand, SeparationMinima minima) =>
        window.GapUs(otherWindow) < minima.TimeBufferUs && band.GapM(otherBand) < minima.VerticalM;

    /// <summary>The box another area's box must meet to come within <paramref name="lateralM"/> of <paramref name="area"/>.</summary>
    internal static GeoBox Reach(Area area, double lateralM) => AreaBounds.Widen(area.Bounds, lateralM + Area.ToleranceM);

    /// <summary>
    /// Whether two areas are closer than <paramref name="lateralM"/> (with a minimum of zero: whether their interiors
    /// overlap), by the exact geometry.
    /// </summary>
    internal static bool AreasConflict(Area a, Area b, double lateralM) =>
        lateralM > 0 ? a.ComesWithin(b, lateralM - Area.ToleranceM) : a.InteriorsOverlap(b);

    /// <summary>The overlap of two conflicting volumes, each grown by half the minima.</summary>
    internal static OverlapVolume OverlapOf(Volume a, Volume b, SeparationMinima minima) => new(
        OverlapRegion.Of(a.Area, b.Area, minima.LateralM / 2),
        a.Band.Widen(minima.VerticalM / 2).Intersect(b.Band.Widen(minima.VerticalM / 2))!.Value,
        a.Window.Widen(minima.TimeBufferUs / 2).Intersect(b.Window.Widen(minima.TimeBufferUs / 2))!.Value);
}
