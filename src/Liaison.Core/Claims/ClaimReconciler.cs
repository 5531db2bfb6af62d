namespace Liaison.Core.Claims;

/// <summary>
/// Reconciles the casualty claims of one incident into low / best / high (UCDP-style) and a conservative figure with
/// a dispute flag (ACLED-style), each figure (killed, injured) on its own. The method, documented with worked
/// examples in docs/claims.md:
/// <list type="number">
/// <item>Grade every claim (<see cref="SourceGrade"/>): its credibility, else its source's reliability.</item>
/// <item>Keep the claims that give the figure in numbers or in words <see cref="VagueQuantities"/> reads.</item>
/// <item>Basis: the credible ones; if there are none, the ungraded ones; if none either, the doubtful ones.</item>
/// <item>Within the basis, count each source's latest claim only (by <c>reported_at</c>; a source's update replaces
/// its earlier word, which stays listed): on a tie, the higher confidence, then the lower figure.</item>
/// <item>Low = the smallest low end counted; high = the largest high end; best = the best value of the top-ranked
/// counted claim, ranked by confidence, then source reliability, then exact numbers before words, then the latest
/// report, then the lower figure.</item>
/// <item>Conservative = the lowest exact number counted, or, when every counted claim is vague, the lowest low end.</item>
/// <item>Disputed when the largest low end exceeds the smallest high end by more than <see cref="Tolerance"/> of the
/// former (overlapping vague ranges agree; one source alone never disputes).</item>
/// </list>
/// Pure and thread safe; claims are never changed, merged or dropped.
/// </summary>
public static class ClaimReconciler
{
    /// <summary>Disagreements of at most this many people are within tolerance, however small the figures.</summary>
    public const int AbsoluteTolerance = 2;

    /// <summary>Disagreements of at most this share (in percent, rounded down) of the larger figure are within tolerance.</summary>
    public const int RelativeTolerancePercent = 20;

    /// <summary>The largest gap between two sources' figures that is not a dispute: max(2, 20 % of the larger, rounded down).</summary>
    public static int Tolerance(int larger) => Math.Max(AbsoluteTolerance, (int)((long)larger * RelativeTolerancePercent / 100));

    /// <summary>Grades and reconciles the claims of one incident.</summary>
    /// <param name="claims">Every claim about the incident, ours and partners' alike.</param>
    /// <param name="reliabilityOf">The reliability grade (A-F) of a source identity, or null when it is not graded or not known.</param>
    public static ReconciledClaims Reconcile(IEnumerable<CasualtyClaim> claims, Func<string, char?> reliabilityOf)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(reliabilityOf);
        var graded = claims.Select(c => new GradedClaim(c, new SourceGrade(reliabilityOf(c.SourceRef), c.Credibility))).ToList();
        return new ReconciledClaims(graded, Estimate(graded, Casualty.Killed), Estimate(graded, Casualty.Injured));
    }

    private static FigureEstimate Estimate(List<GradedClaim> graded, Casualty casualty)
    {
        var readable = Enumerable.Range(0, graded.Count).Where(i => graded[i].Claim.Figure(casualty).Range is not null).ToList();
        ClaimStanding? basis = null;
        foreach (var standing in (ReadOnlySpan<ClaimStanding>)[ClaimStanding.Credible, ClaimStanding.Ungraded, ClaimStanding.Doubtful])
        {
            if (readable.Any(i => graded[i].Grade.Standing == standing))
            {
                basis = standing;
                break;
            }
        }

        if (basis is null)
        {
            return new FigureEstimate(casualty, null, null, null, null, false, null, [], null);
        }

        var counted = readable
            .Where(i => graded[i].Grade.Standing == basis)
            .GroupBy(i => graded[i].Claim.SourceRef, StringComparer.Ordinal)
            .Select(source => source
                .OrderByDescending(i => graded[i].Claim.ReportedAt)
                .ThenByDescending(i => graded[i].Grade.Confidence ?? -1)
                .ThenBy(i => RangeOf(graded[i], casualty).Best)
                .First())
            .Order()
            .ToList();

        var ranges = counted.Select(i => RangeOf(graded[i], casualty)).ToList();
        var bestFrom = counted
            .OrderByDescending(i => graded[i].Grade.Confidence ?? -1)
            .ThenByDescending(i => graded[i].Grade.SourceConfidence ?? -1)
            .ThenByDescending(i => RangeOf(graded[i], casualty).IsExact)
            .ThenByDescending(i => graded[i].Claim.ReportedAt)
            .ThenBy(i => RangeOf(graded[i], casualty).Best)
            .First();
        var exact = ranges.Where(r => r.IsExact).Select(r => r.Low).ToList();
        var largestLow = ranges.Max(r => r.Low);
        var smallestHigh = ranges.Min(r => r.High);
        return new FigureEstimate(
            casualty,
            Low: ranges.Min(r => r.Low),
            Best: RangeOf(graded[bestFrom], casualty).Best,
            High: ranges.Max(r => r.High),
            Conservative: exact.Count > 0 ? exact.Min() : ranges.Min(r => r.Low),
            Disputed: largestLow - smallestHigh > Tolerance(largestLow),
            Basis: basis,
            Counted: counted,
            BestFrom: bestFrom);
    }

    private static FigureRange RangeOf(GradedClaim claim, Casualty casualty) => claim.Claim.Figure(casualty).Range!.Value;
}
