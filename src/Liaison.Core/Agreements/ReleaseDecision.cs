using Liaison.Core.Policy;

namespace Liaison.Core.Agreements;

/// <summary>What an agreement says about one object now.</summary>
public enum ReleaseOutcome
{
    /// <summary>No clause allows it (or a guard forbids it): it does not leave.</summary>
    Denied,

    /// <summary>A clause allows it, but not before <see cref="ReleaseDecision.NotBefore"/>.</summary>
    Embargoed,

    /// <summary>A clause allows it once a second person approves.</summary>
    AwaitingApproval,

    /// <summary>A clause allows it now.</summary>
    Release,
}

/// <summary>
/// The answer of <see cref="ReleasePolicy.Decide"/>: the outcome, the clause that gave it, and for anything
/// releasable the transforms to apply now.
/// </summary>
public sealed record ReleaseDecision
{
    /// <summary>What happens to the object.</summary>
    public required ReleaseOutcome Outcome { get; init; }

    /// <summary>The clause that selected the object; null when denied.</summary>
    public ReleaseClause? Clause { get; init; }

    /// <summary>Why, in words (for denials, which rule; for the rest, the clause).</summary>
    public required string Reason { get; init; }

    /// <summary>When an embargoed object becomes releasable.</summary>
    public DateTimeOffset? NotBefore { get; init; }

    /// <summary>The transforms to apply (never null unless denied).</summary>
    public StixTransform? Transforms { get; init; }

    /// <summary>The location precision the transforms use, in km (after the partner's floor), or null.</summary>
    public double? PrecisionKm { get; init; }

    /// <summary>True when a graduated release chose the precise form.</summary>
    public bool IsPrecise { get; init; }

    /// <summary>When a graduated release's precise form becomes releasable.</summary>
    public DateTimeOffset? PreciseAt { get; init; }

    internal static ReleaseDecision Deny(string reason) => new() { Outcome = ReleaseOutcome.Denied, Reason = reason };
}
