using System.Text.Json;
using Liaison.Core.Geo;
using Liaison.Core.Stix;

namespace Liaison.Core.Agreements;

/// <summary>
/// Which objects a release clause selects: every condition given must hold. Kinds are required; the rest are
/// optional narrowings. Immutable.
/// </summary>
/// <remarks>
/// Two guards hold whatever the conditions say: an object marked TLP:RED is selected only by a clause that names
/// TLP:RED in <see cref="AnyMarkings"/> or <see cref="AllMarkings"/>, and a person of interest only by a clause that
/// names the <c>person-of-interest</c> kind (naming <c>identity</c> is not enough).
/// </remarks>
public sealed class ClauseSelector
{
    internal ClauseSelector(IReadOnlySet<string> kinds, IReadOnlyList<MarkingName> anyMarkings, IReadOnlyList<MarkingName> allMarkings,
        IReadOnlySet<string> labels, int? minConfidence, GeoBox? region, TimeSpan? maxAge)
    {
        Kinds = kinds;
        AnyMarkings = anyMarkings;
        AllMarkings = allMarkings;
        Labels = labels;
        MinConfidence = minConfidence;
        Region = region;
        MaxAge = maxAge;
        AllowsRed = anyMarkings.Concat(allMarkings).Any(m => m.IsRed);
    }

    /// <summary>The kinds selected (any of).</summary>
    public IReadOnlySet<string> Kinds { get; }

    /// <summary>The object must carry at least one of these markings; no condition when empty.</summary>
    public IReadOnlyList<MarkingName> AnyMarkings { get; }

    /// <summary>The object must carry every one of these markings.</summary>
    public IReadOnlyList<MarkingName> AllMarkings { get; }

    /// <summary>The object must carry at least one of these labels; no condition when empty.</summary>
    public IReadOnlySet<string> Labels { get; }

    /// <summary>The lowest <c>confidence</c> selected; an object without confidence is then not selected.</summary>
    public int? MinConfidence { get; }

    /// <summary>The object must be located, every point inside this box.</summary>
    public GeoBox? Region { get; }

    /// <summary>The object's <c>modified</c> (or <c>created</c>) must be at most this old.</summary>
    public TimeSpan? MaxAge { get; }

    /// <summary>Whether TLP:RED objects may be selected (the clause names TLP:RED).</summary>
    public bool AllowsRed { get; }

    /// <summary>Why the clause does not select the candidate, or null when it does.</summary>
    public string? Mismatch(in ReleaseCandidate candidate, IReadOnlyList<string> kinds, IReadOnlySet<string> markings, DateTimeOffset now)
    {
        if (!kinds.Any(Kinds.Contains))
        {
            return "kind";
        }

        if (kinds.Contains(ObjectKinds.PersonOfInterest) && !Kinds.Contains(ObjectKinds.PersonOfInterest))
        {
            return "person of interest not named";
        }

        if (!AllowsRed && markings.Overlaps(MarkingName.RedIds))
        {
            return "TLP:RED not named";
        }

        if (AnyMarkings.Count > 0 && !AnyMarkings.Any(m => markings.Overlaps(m.MatchingIds)))
        {
            return "markings";
        }

        if (!AllMarkings.All(m => markings.Overlaps(m.MatchingIds)))
        {
            return "required markings";
        }

        if (Labels.Count > 0 && !HasLabel(candidate.Content))
        {
            return "labels";
        }

        if (MinConfidence is { } minimum && !(ObjectKinds.Confidence(candidate.Content) >= minimum))
        {
            return "confidence";
        }

        if (Region is { } region && (candidate.Points.Count == 0 || !candidate.Points.All(region.Contains)))
        {
            return "region";
        }

        if (MaxAge is { } age && !(VersionTime(candidate.Content) is { } version && now - version <= age))
        {
            return "age";
        }

        return null;
    }

    private bool HasLabel(JsonElement stixObject)
    {
        if (!stixObject.TryGetProperty("labels", out var labels) || labels.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        foreach (var label in labels.EnumerateArray())
        {
            if (label.ValueKind == JsonValueKind.String && Labels.Contains(label.GetString()!))
            {
                return true;
            }
        }

        return false;
    }

    private static DateTimeOffset? VersionTime(JsonElement stixObject)
    {
        foreach (var name in (ReadOnlySpan<string>)["modified", "created"])
        {
            if (stixObject.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                && StixTimestamp.TryParse(value.GetString(), out var timestamp, out _))
            {
                return timestamp.Value.Instant;
            }
        }

        return null;
    }
}
