namespace Liaison.Core.Policy;

/// <summary>
/// Keeps a partner's view of locations from getting sharper: once coordinates were released to a partner at some
/// precision, later releases use that precision or a coarser one. Grids of different sizes are not nested, so a finer
/// release after a coarser one would be intersected with it and reveal more than either.
/// </summary>
public static class CoarseningFloor
{
    /// <summary>The precision to release now: the coarser of the clause's and the one already released, if any.</summary>
    /// <exception cref="ArgumentException">A precision is not a positive number.</exception>
    public static double Effective(double requestedKm, double? previouslyReleasedKm)
    {
        Preconditions.CheckArgument(requestedKm > 0 && double.IsFinite(requestedKm), "a precision is a positive number of kilometres");
        Preconditions.CheckArgument(previouslyReleasedKm is null || (previouslyReleasedKm > 0 && double.IsFinite(previouslyReleasedKm.Value)), "a precision is a positive number of kilometres");
        return previouslyReleasedKm is { } released && released > requestedKm ? released : requestedKm;
    }
}
