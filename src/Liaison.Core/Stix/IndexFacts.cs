using Liaison.Core.Geo;

namespace Liaison.Core.Stix;

/// <summary>
/// What a store indexes about one object, computed once (on the reading thread during an ingest, so the writing
/// thread only writes).
/// </summary>
/// <param name="TimeSpan">The time the object is about, in Unix microseconds (see <see cref="StixFacts.TimeSpanOf"/>).</param>
/// <param name="Coordinates">A location's own coordinates.</param>
/// <param name="LocationLinks">The (located object, location) pairs the object asserts.</param>
public sealed record IndexFacts(
    (long Start, long End)? TimeSpan,
    GeoPoint? Coordinates,
    IReadOnlyList<(string ObjectId, string LocationId)> LocationLinks)
{
    /// <summary>Reads the facts of <paramref name="stixObject"/>.</summary>
    public static IndexFacts Of(StixObject stixObject) =>
        new(StixFacts.TimeSpanOf(stixObject), StixFacts.Coordinates(stixObject), StixFacts.LocationLinks(stixObject));
}
