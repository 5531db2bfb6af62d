using Liaison.Core.Geo;

namespace Liaison.Storage;

/// <summary>
/// A search over the latest, unrevoked versions. Every filter given must hold (AND); several types are OR'ed.
/// Time filters keep objects whose time span (see <c>StixFacts.TimeSpanOf</c>) overlaps [Since, Until].
/// </summary>
public sealed record ObjectQuery
{
    /// <summary>Types to keep (any of them); empty keeps all.</summary>
    public IReadOnlyList<string> Types { get; init; } = [];

    /// <summary>Keep objects whose span ends at or after this instant (Unix microseconds).</summary>
    public long? Since { get; init; }

    /// <summary>Keep objects whose span starts at or before this instant (Unix microseconds).</summary>
    public long? Until { get; init; }

    /// <summary>Keep objects located inside this box.</summary>
    public GeoBox? Box { get; init; }

    /// <summary>Keep objects located within <see cref="NearKm"/> of this point.</summary>
    public GeoPoint? Near { get; init; }

    /// <summary>Radius for <see cref="Near"/>, in kilometres.</summary>
    public double NearKm { get; init; }

    /// <summary>Words that must all occur in the object's text (names, descriptions, aliases...).</summary>
    public string? Text { get; init; }

    /// <summary>Also return revoked objects.</summary>
    public bool IncludeRevoked { get; init; }

    /// <summary>At most this many results, most recent first.</summary>
    public int Limit { get; init; } = 100;
}
