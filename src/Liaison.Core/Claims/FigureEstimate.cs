namespace Liaison.Core.Claims;

/// <summary>
/// The reconciled view of one figure (killed or injured) of one incident. <see cref="Low"/>, <see cref="Best"/> and
/// <see cref="High"/> follow UCDP (the lowest credible, the most reliable, the highest credible figure);
/// <see cref="Conservative"/> and <see cref="Disputed"/> follow ACLED (the lowest reliable figure, and a flag when
/// the sources counted disagree). All numbers are null when no counted claim gives this figure. Immutable.
/// </summary>
/// <param name="Casualty">Which figure.</param>
/// <param name="Low">The smallest number any counted claim allows.</param>
/// <param name="Best">The best value of the top-ranked counted claim (see <see cref="ClaimReconciler"/>).</param>
/// <param name="High">The largest number any counted claim allows.</param>
/// <param name="Conservative">The lowest exact number among the counted claims; the lowest low end when none is exact.</param>
/// <param name="Disputed">Whether counted claims of different sources disagree beyond <see cref="ClaimReconciler.Tolerance"/>.</param>
/// <param name="Basis">Which claims were counted: the credible ones, else the ungraded ones, else the doubtful ones.</param>
/// <param name="Counted">Indexes (into <see cref="ReconciledClaims.Claims"/>) of the claims counted: the latest per source within the basis.</param>
/// <param name="BestFrom">Index of the claim that gave <see cref="Best"/>.</param>
public sealed record FigureEstimate(
    Casualty Casualty,
    int? Low,
    int? Best,
    int? High,
    int? Conservative,
    bool Disputed,
    ClaimStanding? Basis,
    IReadOnlyList<int> Counted,
    int? BestFrom);
