using System.Text.Json;
using Liaison.Core.Geo;

namespace Liaison.Core.Agreements;

/// <summary>
/// An internal object offered to a partner's agreement, with what the policy needs beyond the object itself and
/// cannot read from it without the store.
/// </summary>
/// <param name="Content">The object (one version), as stored.</param>
/// <param name="Points">Where it is: its own coordinates, or those of the locations it references. Empty when unlocated.</param>
/// <param name="Originator">The partner we received it from, or null for our own objects.</param>
/// <param name="ReleasableTo">Codes named by the releasability statements among its markings ("REL TO …").</param>
/// <param name="PreviouslyReleasedPrecisionKm">The coarsest location precision already released to this partner for it.</param>
public readonly record struct ReleaseCandidate(
    JsonElement Content,
    IReadOnlyList<GeoPoint> Points,
    string? Originator,
    IReadOnlySet<string> ReleasableTo,
    double? PreviouslyReleasedPrecisionKm)
{
    /// <summary>
    /// For a conflict report: the partner its <c>notice_ref</c> came from (null for any other object, or when the notice
    /// is not a partner's). A report goes to that partner only.
    /// </summary>
    public string? NoticeOriginator { get; init; }

    /// <summary>A candidate of our own with no location, markings or earlier release.</summary>
    public static ReleaseCandidate Own(JsonElement stixObject) =>
        new(stixObject, [], null, new HashSet<string>(StringComparer.Ordinal), null);

    /// <summary>Every marking-definition id the object carries, at object level or on some of its fields.</summary>
    public IReadOnlySet<string> MarkingIds()
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (Content.TryGetProperty("object_marking_refs", out var refs) && refs.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in refs.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String)
                {
                    ids.Add(item.GetString()!);
                }
            }
        }

        if (Content.TryGetProperty("granular_markings", out var granular) && granular.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in granular.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("marking_ref", out var m) && m.ValueKind == JsonValueKind.String)
                {
                    ids.Add(m.GetString()!);
                }
            }
        }

        return ids;
    }
}
