using System.Text.Json;
using Liaison.Core.Agreements;
using Liaison.Core.Geo;
using Liaison.Core.Validation;
using Liaison.Storage.Sqlite;

namespace Liaison.Storage.Release;

/// <summary>
/// What the release pipeline reads about objects besides their JSON, cached for one run: where they are, which
/// partner they came from, which partners their releasability markings name. Not thread safe.
/// </summary>
internal sealed class ReleaseContext(SqliteStixStore store, IReadOnlySet<string> partnerCodes)
{
    private readonly Dictionary<string, IReadOnlySet<string>> _statements = new(StringComparer.Ordinal);
    private HashSet<string> _prefetchedLocations = new(StringComparer.Ordinal);
    private IReadOnlyDictionary<string, GeoPoint> _prefetchedPoints = new Dictionary<string, GeoPoint>();

    /// <summary>
    /// Reads at once where every location that <paramref name="objects"/> reference is (replacing what the previous
    /// call read), so that deciding each of them asks the store nothing: one query per chunk instead of one per object.
    /// </summary>
    public void Prefetch(IEnumerable<JsonElement> objects)
    {
        var locations = new HashSet<string>(StringComparer.Ordinal);
        foreach (var json in objects)
        {
            locations.UnionWith(LocationsReferenced(json));
        }

        _prefetchedLocations = locations;
        _prefetchedPoints = store.LocationPointsById(locations);
    }

    /// <summary>
    /// The candidate for the object <paramref name="id"/>, whose JSON is <paramref name="json"/>, received from
    /// <paramref name="remote"/> (null for our own).
    /// </summary>
    /// <remarks>
    /// Where it is: its own coordinates, and those of the locations it references directly (<c>where_sighted_refs</c>,
    /// a <c>location_ref</c> in it or its extensions). A location linked only through a <c>located-at</c>
    /// relationship does not place it here: a clause with a region then does not select it.
    /// </remarks>
    public ReleaseCandidate Candidate(string id, JsonElement json, double? previousPrecision, string? remote)
    {
        var releasableTo = new HashSet<string>(StringComparer.Ordinal);
        if (json.TryGetProperty("object_marking_refs", out var refs) && refs.ValueKind == JsonValueKind.Array)
        {
            foreach (var marking in refs.EnumerateArray())
            {
                if (marking.GetString() is { } markingId && !WellKnownMarkings.IsWellKnown(markingId))
                {
                    releasableTo.UnionWith(Statement(markingId));
                }
            }
        }

        var points = new List<GeoPoint>();
        if (json.TryGetProperty("latitude", out var lat) && json.TryGetProperty("longitude", out var lon)
            && lat.TryGetDouble(out var latitude) && lon.TryGetDouble(out var longitude))
        {
            points.Add(new GeoPoint(latitude, longitude));
        }

        var unread = new List<string>();
        foreach (var location in LocationsReferenced(json))
        {
            if (!_prefetchedLocations.Contains(location))
            {
                unread.Add(location);
            }
            else if (_prefetchedPoints.TryGetValue(location, out var point))
            {
                points.Add(point);
            }
        }

        points.AddRange(store.LocationPoints(unread));
        return new ReleaseCandidate(json, points, remote is null ? null : Originator(remote), releasableTo, previousPrecision)
        {
            NoticeOriginator = NoticeOriginator(json),
        };
    }

    private static HashSet<string> LocationsReferenced(JsonElement json) =>
        ReleaseReferences.Of(json).Where(r => r.StartsWith("location--", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);

    /// <summary>For a conflict report, the partner whose notice it names (a report is for that partner only).</summary>
    private string? NoticeOriginator(JsonElement json) =>
        ObjectKinds.Of(json)[0] == Core.Extensions.LiaisonExtensions.ConflictReportType
        && Core.Deconfliction.ConflictReport.NoticeOf(json) is { } notice
        && store.OriginsOf([notice]).GetValueOrDefault(notice) is { } remote
            ? Originator(remote)
            : null;

    // A pull records the remote's name; partners' remotes are named by their codes (any other remote still counts
    // as someone else's information, so the onward-sharing guard applies to it too).
    private string Originator(string remote)
    {
        var upper = remote.ToUpperInvariant();
        return partnerCodes.Contains(upper) ? upper : remote;
    }

    /// <summary>The codes a "REL TO …" statement marking names (none for other markings).</summary>
    private IReadOnlySet<string> Statement(string markingId)
    {
        if (_statements.TryGetValue(markingId, out var codes))
        {
            return codes;
        }

        codes = new HashSet<string>(StringComparer.Ordinal);
        if (store.Get(markingId) is { } definition)
        {
            var json = definition.ToJsonElement();
            if (json.TryGetProperty("definition", out var body) && body.ValueKind == JsonValueKind.Object
                && body.TryGetProperty("statement", out var statement) && statement.GetString() is { } text
                && MarkingName.TryParse(text, out var name, out _) && name.Statement is { } rel)
            {
                codes = rel.Codes.ToHashSet(StringComparer.Ordinal);
            }
        }

        _statements[markingId] = codes;
        return codes;
    }
}
