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
        if (a.Window.GapUs(b.Window) >= minima.TimeBufferUs || a.Band.GapM(b.Band) >= minima.VerticalM)
        {
            return null;
        }

        if (!BoxesMayMeet(a.Area, b.Area, minima.LateralM))
        {
            return null;
        }

        var distance = a.Area.DistanceM(b.Area);
        var lateralConflict = minima.LateralM > 0 ? distance < minima.LateralM - Area.ToleranceM : a.Area.InteriorsOverlap(b.Area);
        if (!lateralConflict)
        {
            return null;
        }

        return new Conflict(subject, other, minima, distance);
    }

    /// <summary>The overlap of two conflicting volumes, each grown by half the minima.</summary>
    internal static OverlapVolume OverlapOf(Volume a, Volume b, SeparationMinima minima) => new(
        OverlapRegion.Of(a.Area, b.Area, minima.LateralM / 2),
        a.Band.Widen(minima.VerticalM / 2).Intersect(b.Band.Widen(minima.VerticalM / 2))!.Value,
        a.Window.Widen(minima.TimeBufferUs / 2).Intersect(b.Window.Widen(minima.TimeBufferUs / 2))!.Value);

    private static bool BoxesMayMeet(Area a, Area b, double lateralM)
    {
        var box = AreaBounds.Widen(a.Bounds, lateralM + Area.ToleranceM);
        var other = b.Bounds;
        return box.MinLatitude <= other.MaxLatitude && other.MinLatitude <= box.MaxLatitude
            && LongitudeSpan.FromBox(box).Intersect(LongitudeSpan.FromBox(other)) is not null;
    }
}
