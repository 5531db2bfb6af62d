namespace Liaison.Core.Deconfliction;

/// <summary>A 4-D volume: an area on the sphere, an altitude band and a half-open time window. Immutable.</summary>
/// <param name="Area">Where.</param>
/// <param name="Band">How high.</param>
/// <param name="Window">When.</param>
public sealed record Volume(Area Area, AltitudeBand Band, TimeWindow Window);
