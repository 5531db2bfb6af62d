namespace Liaison.Core.Claims;

/// <summary>
/// How much a claim is believed, from its Admiralty grade (<see cref="SourceGrade.Standing"/>). The reconciled view
/// counts the credible claims; when there are none, the ungraded ones; when there are none either, the doubtful ones.
/// </summary>
public enum ClaimStanding
{
    /// <summary>Confidence 40 or more: credibility 1-3, or, when the information is not graded, reliability A-C.</summary>
    Credible,

    /// <summary>Neither the information (credibility absent or 6) nor the source (reliability absent or F) is graded.</summary>
    Ungraded,

    /// <summary>Confidence below 40: credibility 4-5, or, when the information is not graded, reliability D-E.</summary>
    Doubtful,
}
