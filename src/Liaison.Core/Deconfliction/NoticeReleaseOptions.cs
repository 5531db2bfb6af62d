namespace Liaison.Core.Deconfliction;

/// <summary>How much of an activity notice a release shows. Every coarsening rounds outwards, so the released volume always holds the real one.</summary>
public sealed record NoticeReleaseOptions
{
    /// <summary>Show the area as a circle around it (the default) rather than its exact shape.</summary>
    public bool BoundingCircle { get; init; } = true;

    /// <summary>The circle's centre is snapped to this many degrees (default 0.01°, about 1 km) and its radius grown to match.</summary>
    public double CentreStepDegrees { get; init; } = 0.01;

    /// <summary>Radius, altitudes and the time window are rounded outwards to these steps.</summary>
    public double DistanceStepM { get; init; } = 100;

    /// <summary>Altitude step in metres (default 100 m).</summary>
    public double AltitudeStepM { get; init; } = 100;

    /// <summary>Time step (default one hour): the start is floored, the end ceiled.</summary>
    public TimeSpan TimeStep { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The defaults: bounding circle, 0.01°, 100 m, 100 m, one hour.</summary>
    public static NoticeReleaseOptions Default { get; } = new();
}
