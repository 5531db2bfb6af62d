using Liaison.Core.Geo;

namespace Liaison.Core.Deconfliction;

/// <summary>
/// Where, how high and when two conflicting volumes meet once each is grown by half the separation minima: a box
/// holding the shared region (an over-approximation: it never leaves a shared point out), the shared band and the
/// shared window. This, and the contacts, is all a conflict report discloses of either activity.
/// </summary>
/// <param name="Region">A latitude/longitude box holding every shared point.</param>
/// <param name="Band">The shared altitude band.</param>
/// <param name="Window">The shared time window.</param>
public sealed record OverlapVolume(GeoBox Region, AltitudeBand Band, TimeWindow Window);
