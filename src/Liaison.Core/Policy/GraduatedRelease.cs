using System.Text.Json;
using System.Text.Json.Nodes;

namespace Liaison.Core.Policy;

/// <summary>
/// "Coarse now, precise after T": until an <see cref="Embargo"/> lifts, an object goes out through the coarse
/// transforms; from then on, through the precise ones (the pipeline releases the precise version as a new version of
/// the released object). Immutable and thread safe.
/// </summary>
public sealed class GraduatedRelease
{
    /// <summary>Creates the rule.</summary>
    public GraduatedRelease(StixTransform coarse, StixTransform precise, Embargo preciseAfter)
    {
        ArgumentNullException.ThrowIfNull(coarse);
        ArgumentNullException.ThrowIfNull(precise);
        ArgumentNullException.ThrowIfNull(preciseAfter);
        Coarse = coarse;
        Precise = precise;
        PreciseAfter = preciseAfter;
    }

    /// <summary>The transforms used while the embargo holds.</summary>
    public StixTransform Coarse { get; }

    /// <summary>The transforms used once it has lifted.</summary>
    public StixTransform Precise { get; }

    /// <summary>When the precise form becomes releasable.</summary>
    public Embargo PreciseAfter { get; }

    /// <summary>Which transforms apply to <paramref name="stixObject"/> at <paramref name="now"/>, and when that changes.</summary>
    public GraduatedChoice Choose(JsonObject stixObject, DateTimeOffset now) => Choose(PreciseAfter.Evaluate(stixObject, now));

    /// <summary>Which transforms apply to <paramref name="stixObject"/> at <paramref name="now"/>, and when that changes.</summary>
    public GraduatedChoice Choose(JsonElement stixObject, DateTimeOffset now) => Choose(PreciseAfter.Evaluate(stixObject, now));

    private GraduatedChoice Choose(EmbargoDecision decision)
    {
        return decision.IsReleasable
            ? new GraduatedChoice(Precise, IsPrecise: true, decision.ReleasableAt)
            : new GraduatedChoice(Coarse, IsPrecise: false, decision.ReleasableAt);
    }
}

/// <summary>The transforms a <see cref="GraduatedRelease"/> chose.</summary>
/// <param name="Transforms">What to apply now.</param>
/// <param name="IsPrecise">True when the precise form was chosen.</param>
/// <param name="PreciseAt">When the precise form is (or became) releasable; null when the object has no reference time.</param>
public readonly record struct GraduatedChoice(StixTransform Transforms, bool IsPrecise, DateTimeOffset? PreciseAt);
