using Liaison.Core.Extensions;

namespace Liaison.Core.Claims;

/// <summary>
/// The Admiralty grade of one claim: the reliability of its source (A-F, from the source identity's
/// source-reliability extension) and the credibility of the information (1-6, on the claim). Immutable.
/// </summary>
/// <remarks>
/// The claim's STIX confidence (<see cref="Confidence"/>) follows STIX 2.1 Appendix A's "Admiralty Credibility"
/// scale: credibility 1 → 90, 2 → 70, 3 → 50, 4 → 30, 5 → 10, 6 → none. The credibility speaks about the information
/// itself, so it decides; only when it is absent or 6 does the source's reliability stand in, on the same bands
/// (A → 90 … E → 10, F → none), as <see cref="AdmiraltyScale"/> documents.
/// </remarks>
public readonly record struct SourceGrade
{
    /// <summary>Creates a grade.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Reliability is not A-F or credibility not 1-6.</exception>
    public SourceGrade(char? reliability, int? credibility)
    {
        if (reliability is { } r)
        {
            AdmiraltyScale.ReliabilityToConfidence(r);
        }

        if (credibility is { } c)
        {
            AdmiraltyScale.CredibilityToConfidence(c);
        }

        Reliability = reliability;
        Credibility = credibility;
    }

    /// <summary>The source's reliability, A-F; null when the source is not graded.</summary>
    public char? Reliability { get; }

    /// <summary>The information's credibility, 1-6; null when not graded.</summary>
    public int? Credibility { get; }

    /// <summary>The STIX confidence (0-100) of the claim, or null when neither grade allows one.</summary>
    public int? Confidence =>
        (Credibility is { } c ? AdmiraltyScale.CredibilityToConfidence(c) : null)
        ?? (Reliability is { } r ? AdmiraltyScale.ReliabilityToConfidence(r) : null);

    /// <summary>The STIX confidence of the source alone (A → 90 … E → 10), used to break ties between equal claims.</summary>
    public int? SourceConfidence => Reliability is { } r ? AdmiraltyScale.ReliabilityToConfidence(r) : null;

    /// <summary>Whether the claim is credible, doubtful or ungraded (see <see cref="ClaimStanding"/>).</summary>
    public ClaimStanding Standing => Confidence switch
    {
        null => ClaimStanding.Ungraded,
        >= 40 => ClaimStanding.Credible,
        _ => ClaimStanding.Doubtful,
    };

    /// <summary>The Admiralty code as analysts write it, e.g. <c>C3</c>; <c>-</c> stands for a missing half (<c>C-</c>, <c>--</c>).</summary>
    public string Code => $"{Reliability ?? '-'}{(Credibility is { } c ? (char)('0' + c) : '-')}";
}
