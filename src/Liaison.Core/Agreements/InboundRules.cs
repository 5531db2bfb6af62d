namespace Liaison.Core.Agreements;

/// <summary>
/// What we accept from a partner: objects of the listed kinds (default deny, like release), optionally only above a
/// confidence. Everything else goes to quarantine with the reason. Immutable.
/// </summary>
public sealed class InboundRules
{
    internal InboundRules(IReadOnlySet<string> kinds, int? minConfidence)
    {
        Kinds = kinds;
        MinConfidence = minConfidence;
    }

    /// <summary>Accepts nothing.</summary>
    public static InboundRules Nothing { get; } = new(new HashSet<string>(StringComparer.Ordinal), null);

    /// <summary>The kinds accepted (STIX types or Liaison kinds, see <see cref="ObjectKinds"/>).</summary>
    public IReadOnlySet<string> Kinds { get; }

    /// <summary>The lowest <c>confidence</c> accepted; objects without one are accepted when this is null only.</summary>
    public int? MinConfidence { get; }

    /// <summary>Why <paramref name="stixObject"/> is not accepted, or null when it is.</summary>
    public string? RejectionReason(System.Text.Json.JsonElement stixObject)
    {
        var kinds = ObjectKinds.Of(stixObject);
        if (ObjectKinds.Protocol.Contains(kinds[0]))
        {
            // Checkpoints and receipts are the exchange's own bookkeeping, checked by the ledger, never by clauses.
            return null;
        }

        if (!kinds.Any(Kinds.Contains))
        {
            return $"kind {string.Join("/", kinds)} is not accepted from this partner";
        }

        if (kinds.Contains(ObjectKinds.PersonOfInterest) && !Kinds.Contains(ObjectKinds.PersonOfInterest))
        {
            return "persons of interest are accepted only when the agreement names person-of-interest";
        }

        if (MinConfidence is { } minimum && !(ObjectKinds.Confidence(stixObject) >= minimum))
        {
            return $"confidence is below the {minimum} this agreement accepts";
        }

        return null;
    }
}
