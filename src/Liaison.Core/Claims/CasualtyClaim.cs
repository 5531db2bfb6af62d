using Liaison.Core.Stix;

namespace Liaison.Core.Claims;

/// <summary>
/// One source's figures for one incident, exactly as it gave them (an entry of the casualty-claims extension's
/// <c>claims</c>). Claims are never merged: each keeps its source, wording, time and provenance. Immutable.
/// </summary>
/// <param name="SourceRef">The identity of the source that made the claim.</param>
/// <param name="Killed">What the source said about the dead.</param>
/// <param name="Injured">What the source said about the injured.</param>
/// <param name="ReportedAt">When the source made the claim.</param>
/// <param name="Credibility">Our Admiralty credibility grade (1-6) for this information, when given.</param>
/// <param name="Quote">The claim as the source wrote it, when recorded.</param>
/// <param name="ReportRef">The report carrying the claim, when recorded.</param>
/// <param name="Provenance">Where the claim was read, when it came from a stored incident.</param>
public sealed record CasualtyClaim(
    string SourceRef,
    ReportedFigure Killed,
    ReportedFigure Injured,
    StixTimestamp ReportedAt,
    int? Credibility = null,
    string? Quote = null,
    string? ReportRef = null,
    ClaimProvenance? Provenance = null)
{
    /// <summary>The claim's figure for <paramref name="casualty"/>.</summary>
    public ReportedFigure Figure(Casualty casualty) => casualty == Casualty.Killed ? Killed : Injured;
}
