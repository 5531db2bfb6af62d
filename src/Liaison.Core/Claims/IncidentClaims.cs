using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using Liaison.Core.Extensions;
using Liaison.Core.Stix;

namespace Liaison.Core.Claims;

/// <summary>
/// Reads casualty claims from incidents and source grades from identities, and makes the next version of an incident
/// with one more claim. Works on validated objects (the extension schemas have been checked); pure and thread safe.
/// </summary>
public static class IncidentClaims
{
    /// <summary>The claims of an incident's casualty-claims extension, with their provenance; empty when it has none.</summary>
    public static IReadOnlyList<CasualtyClaim> Read(JsonElement incident)
    {
        if (!TryGetExtension(incident, LiaisonExtensions.CasualtyClaimsId, out var body)
            || !body.TryGetProperty("claims", out var claims) || claims.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var id = String(incident, "id") ?? string.Empty;
        var version = String(incident, "modified") ?? String(incident, "created");
        var recordedBy = String(incident, "created_by_ref");
        var result = new List<CasualtyClaim>();
        var index = 0;
        foreach (var claim in claims.EnumerateArray())
        {
            result.Add(new CasualtyClaim(
                String(claim, "source_ref") ?? string.Empty,
                new ReportedFigure(Integer(claim, "killed"), String(claim, "killed_text")),
                new ReportedFigure(Integer(claim, "injured"), String(claim, "injured_text")),
                StixTimestamp.Parse(String(claim, "reported_at") ?? string.Empty),
                Integer(claim, "credibility"),
                String(claim, "quote"),
                String(claim, "report_ref"),
                new ClaimProvenance(id, version, recordedBy, index++)));
        }

        return result;
    }

    /// <summary>The Admiralty reliability (A-F) of a source identity's source-reliability extension, or null when it has none.</summary>
    public static char? ReliabilityOf(JsonElement identity) =>
        TryGetExtension(identity, LiaisonExtensions.SourceReliabilityId, out var body) && String(body, "reliability") is [var grade] ? grade : null;

    /// <summary>
    /// The next version of <paramref name="incident"/>: the same object with <paramref name="claim"/> appended to its
    /// claims (the others untouched) and <c>modified</c> set to <paramref name="now"/> (to the millisecond), or one
    /// millisecond after the current version if the clock is not past it.
    /// </summary>
    /// <returns>False, with the reason, when the object is not an incident with the casualty-claims extension (its
    /// event time and place), which must come first.</returns>
    public static bool TryAppend(JsonElement incident, CasualtyClaim claim, DateTimeOffset now, [NotNullWhen(true)] out JsonObject? next, [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(claim);
        next = null;
        if (String(incident, "type") != "incident")
        {
            problem = $"{String(incident, "id")} is not an incident";
            return false;
        }

        if (!TryGetExtension(incident, LiaisonExtensions.CasualtyClaimsId, out _))
        {
            problem = $"{String(incident, "id")} has no casualty-claims extension (event time and location): add one with a first claim by ingesting a new version";
            return false;
        }

        if (incident.TryGetProperty("revoked", out var revoked) && revoked.ValueKind == JsonValueKind.True)
        {
            problem = $"{String(incident, "id")} is revoked; a revoked object takes no new versions";
            return false;
        }

        var result = JsonNode.Parse(incident.GetRawText())!.AsObject();
        var claims = result["extensions"]![LiaisonExtensions.CasualtyClaimsId]!["claims"]!.AsArray();
        claims.Add(ToJson(claim));
        result["modified"] = NextVersion(String(incident, "modified") ?? String(incident, "created"), now).Text;
        next = result;
        problem = null;
        return true;
    }

    /// <summary>A claim as the casualty-claims extension writes it (its provenance is not part of it: the carrying object is).</summary>
    public static JsonObject ToJson(CasualtyClaim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var json = new JsonObject { ["source_ref"] = claim.SourceRef };
        AddFigure(json, "killed", claim.Killed);
        AddFigure(json, "injured", claim.Injured);
        json["reported_at"] = claim.ReportedAt.Text;
        if (claim.ReportRef is not null)
        {
            json["report_ref"] = claim.ReportRef;
        }

        if (claim.Quote is not null)
        {
            json["quote"] = claim.Quote;
        }

        if (claim.Credibility is { } credibility)
        {
            json["credibility"] = credibility;
        }

        return json;
    }

    private static void AddFigure(JsonObject json, string name, ReportedFigure figure)
    {
        if (figure.Number is { } number)
        {
            json[name] = number;
        }
        else if (figure.Text is { } text)
        {
            json[name + "_text"] = text;
        }
    }

    private static StixTimestamp NextVersion(string? current, DateTimeOffset now)
    {
        var candidate = StixTimestamp.FromDateTimeOffset(now);
        if (current is null || !StixTimestamp.TryParse(current, out var previous, out _) || candidate.CompareTo(previous.Value) > 0)
        {
            return candidate;
        }

        // Millisecond text, strictly after the current version even when that one has microseconds.
        return StixTimestamp.FromDateTimeOffset(previous.Value.Instant.AddMilliseconds(1));
    }

    private static bool TryGetExtension(JsonElement stixObject, string extensionId, out JsonElement body)
    {
        body = default;
        return stixObject.ValueKind == JsonValueKind.Object
               && stixObject.TryGetProperty("extensions", out var extensions) && extensions.ValueKind == JsonValueKind.Object
               && extensions.TryGetProperty(extensionId, out body) && body.ValueKind == JsonValueKind.Object;
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? Integer(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : null;
}
