using System.Collections.Frozen;
using System.Text.Json;
using Liaison.Core.Extensions;

namespace Liaison.Core.Agreements;

/// <summary>
/// The kinds an agreement can name: every STIX type, plus a short name for each Liaison extension, so that a clause
/// can say <c>person-of-interest</c> rather than "an identity carrying extension-definition--1f2f…".
/// </summary>
public static class ObjectKinds
{
    /// <summary>An identity or threat actor carrying the person of interest extension.</summary>
    public const string PersonOfInterest = "person-of-interest";

    /// <summary>A deconfliction conflict report (<c>x-liaison-conflict-report</c>) about a partner's notice.</summary>
    public const string ConflictReport = "conflict-report";

    /// <summary>Short names of the Liaison extensions, by extension-definition id.</summary>
    public static FrozenDictionary<string, string> ExtensionKinds { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [LiaisonExtensions.StrikeAssessmentId] = "strike-assessment",
        [LiaisonExtensions.CasualtyClaimsId] = "casualty-claims",
        [LiaisonExtensions.PersonOfInterestId] = PersonOfInterest,
        [LiaisonExtensions.ActivityNoticeId] = "activity-notice",
        [LiaisonExtensions.ProtectedSiteId] = "protected-site",
        [LiaisonExtensions.RequestForInformationId] = "rfi",
        [LiaisonExtensions.SourceReliabilityId] = "source-reliability",
        [LiaisonExtensions.LedgerCheckpointId] = "ledger-checkpoint",
        [LiaisonExtensions.ReceiptId] = "receipt",
        [LiaisonExtensions.ConflictReportId] = ConflictReport,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// Types that carry the exchange itself (checkpoints, receipts): the ledger moves them, no clause can select them.
    /// </summary>
    public static FrozenSet<string> Protocol { get; } = new[] { LiaisonExtensions.LedgerCheckpointType, LiaisonExtensions.ReceiptType }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Every short extension kind name.</summary>
    public static FrozenSet<string> ExtensionKindNames { get; } = ExtensionKinds.Values.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The object's kinds: its type first, then the short name of each Liaison extension it carries.</summary>
    public static IReadOnlyList<string> Of(JsonElement stixObject)
    {
        var type = stixObject.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "";
        if (!stixObject.TryGetProperty("extensions", out var extensions) || extensions.ValueKind != JsonValueKind.Object)
        {
            return [type];
        }

        var kinds = new List<string>(3) { type };
        foreach (var extension in extensions.EnumerateObject())
        {
            if (ExtensionKinds.TryGetValue(extension.Name, out var kind) && !kinds.Contains(kind))
            {
                kinds.Add(kind);
            }
        }

        return kinds;
    }

    /// <summary>The object's <c>confidence</c>, or null when it has none.</summary>
    public static int? Confidence(JsonElement stixObject) =>
        stixObject.TryGetProperty("confidence", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out var value) ? value : null;

    /// <summary>Whether <paramref name="kind"/> is a STIX type name or a Liaison kind an agreement may name.</summary>
    public static bool IsNameable(string kind) =>
        ExtensionKindNames.Contains(kind) || Stix.StixNames.IsValidTypeName(kind, out _);
}
