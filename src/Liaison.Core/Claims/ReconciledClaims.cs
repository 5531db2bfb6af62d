namespace Liaison.Core.Claims;

/// <summary>One incident's claims side by side, graded, with the reconciled view of each figure. Immutable.</summary>
/// <param name="Claims">Every claim given, in the order given, each with its grade; nothing is merged or dropped.</param>
/// <param name="Killed">The reconciled number of dead.</param>
/// <param name="Injured">The reconciled number of injured.</param>
public sealed record ReconciledClaims(IReadOnlyList<GradedClaim> Claims, FigureEstimate Killed, FigureEstimate Injured)
{
    /// <summary>The estimate of <paramref name="casualty"/>.</summary>
    public FigureEstimate Estimate(Casualty casualty) => casualty == Casualty.Killed ? Killed : Injured;
}
