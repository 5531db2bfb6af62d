using System.Diagnostics.CodeAnalysis;
using Liaison.Core.Policy;
using Liaison.Core.Stix;
using Liaison.Core.Validation;

namespace Liaison.Core.Agreements;

/// <summary>
/// A marking as an agreement names it: <c>TLP:CLEAR</c>, <c>TLP:GREEN</c>, <c>TLP:AMBER</c>, <c>TLP:AMBER+STRICT</c>,
/// <c>TLP:RED</c> (each meaning its TLP 2.0 definition and, when selecting, its TLP 1.0 equivalent too), a
/// releasability statement <c>REL TO FRA, RUS</c>, or a <c>marking-definition--UUID</c> id.
/// </summary>
public sealed class MarkingName
{
    private MarkingName(string text, IReadOnlySet<string> matchingIds, string addedId, ReleasabilityMarking? statement)
    {
        Text = text;
        MatchingIds = matchingIds;
        AddedId = addedId;
        Statement = statement;
    }

    /// <summary>The name as written.</summary>
    public string Text { get; }

    /// <summary>The marking-definition ids an object may carry to count as marked so.</summary>
    public IReadOnlySet<string> MatchingIds { get; }

    /// <summary>The id written when this marking is added to a released object (TLP 2.0 for TLP names).</summary>
    public string AddedId { get; }

    /// <summary>The releasability statement, when the name is one.</summary>
    public ReleasabilityMarking? Statement { get; }

    /// <summary>Whether this is <c>TLP:RED</c>.</summary>
    public bool IsRed => MatchingIds.Contains(WellKnownMarkings.Tlp2RedId);

    /// <summary>The ids of TLP:RED, 1.0 and 2.0.</summary>
    public static IReadOnlySet<string> RedIds { get; } = new HashSet<string>([WellKnownMarkings.Tlp1RedId, WellKnownMarkings.Tlp2RedId], StringComparer.Ordinal);

    /// <summary>The ids of TLP:CLEAR and TLP:WHITE, which put no limit on further sharing.</summary>
    public static IReadOnlySet<string> ClearIds { get; } = new HashSet<string>([WellKnownMarkings.Tlp1WhiteId, WellKnownMarkings.Tlp2ClearId], StringComparer.Ordinal);

    /// <summary>Parses a marking name, or says why it cannot.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out MarkingName? name, [NotNullWhen(false)] out string? reason)
    {
        name = null;
        reason = null;
        var trimmed = text.Trim();
        switch (trimmed.ToUpperInvariant())
        {
            case "TLP:CLEAR" or "TLP:WHITE":
                name = Tlp(trimmed, WellKnownMarkings.Tlp2ClearId, WellKnownMarkings.Tlp1WhiteId);
                return true;
            case "TLP:GREEN":
                name = Tlp(trimmed, WellKnownMarkings.Tlp2GreenId, WellKnownMarkings.Tlp1GreenId);
                return true;
            case "TLP:AMBER":
                name = Tlp(trimmed, WellKnownMarkings.Tlp2AmberId, WellKnownMarkings.Tlp1AmberId);
                return true;
            case "TLP:AMBER+STRICT":
                name = Tlp(trimmed, WellKnownMarkings.Tlp2AmberStrictId);
                return true;
            case "TLP:RED":
                name = Tlp(trimmed, WellKnownMarkings.Tlp2RedId, WellKnownMarkings.Tlp1RedId);
                return true;
        }

        if (trimmed.StartsWith("REL TO ", StringComparison.Ordinal))
        {
            var codes = trimmed["REL TO ".Length..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            try
            {
                var statement = ReleasabilityMarking.RelTo(codes);
                name = new MarkingName(trimmed, new HashSet<string>([statement.Id], StringComparer.Ordinal), statement.Id, statement);
                return true;
            }
            catch (ArgumentException ex)
            {
                reason = $"'{trimmed}' is not a releasability statement: {ex.Message}";
                return false;
            }
        }

        if (StixId.TryParse(trimmed, out var id, out _) && id.Value.Type == "marking-definition")
        {
            name = new MarkingName(trimmed, new HashSet<string>([trimmed], StringComparer.Ordinal), trimmed, null);
            return true;
        }

        reason = $"'{trimmed}' is not a marking: write TLP:CLEAR, TLP:GREEN, TLP:AMBER, TLP:AMBER+STRICT, TLP:RED, 'REL TO FRA, RUS' or a marking-definition id";
        return false;
    }

    private static MarkingName Tlp(string text, params string[] ids) =>
        new(text.ToUpperInvariant(), new HashSet<string>(ids, StringComparer.Ordinal), ids[0], null);

    /// <inheritdoc />
    public override string ToString() => Text;
}
