namespace Liaison.Core.Claims;

/// <summary>A claim with its Admiralty grade, as the reconciled view shows it.</summary>
/// <param name="Claim">The claim, unchanged.</param>
/// <param name="Grade">Its source's reliability and its own credibility.</param>
public sealed record GradedClaim(CasualtyClaim Claim, SourceGrade Grade);
