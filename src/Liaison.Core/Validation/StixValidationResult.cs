using System.Diagnostics.CodeAnalysis;
using Liaison.Core.Stix;

namespace Liaison.Core.Validation;

/// <summary>
/// The verdict on one object: the validated <see cref="StixObject"/> when valid, else every problem found (all of them,
/// not only the first). Immutable.
/// </summary>
public sealed class StixValidationResult
{
    internal StixValidationResult(StixObject? stixObject, IReadOnlyList<StixError> errors, IReadOnlyList<string> markingRefs)
    {
        Object = stixObject;
        Errors = errors;
        MarkingRefs = markingRefs;
    }

    /// <summary>The validated object; non-null exactly when <see cref="IsValid"/>.</summary>
    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Named after the STIX concept: the result's object.")]
    public StixObject? Object { get; }

    /// <summary>Every rule the object breaks, in the order found; empty when valid.</summary>
    public IReadOnlyList<StixError> Errors { get; }

    /// <summary>True when the object breaks no rule the validator checks.</summary>
    public bool IsValid => Object is not null;

    /// <summary>
    /// Every marking-definition id the object references through <c>object_marking_refs</c> and
    /// <c>granular_markings[].marking_ref</c> (well formed ones, without duplicates). The validator checks one object at a
    /// time, so it cannot know whether these resolve; the caller must check that each is defined in the same input, in
    /// the store, or is one of the <see cref="WellKnownMarkings"/>.
    /// </summary>
    public IReadOnlyList<string> MarkingRefs { get; }
}
