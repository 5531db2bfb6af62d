using System.Text.Json.Nodes;

namespace Liaison.Core.Policy;

/// <summary>
/// The outcome of sanitising one object: the new object, or why the clause cannot be applied to it. Either way the
/// input is unchanged. Objects returned here belong to the caller.
/// </summary>
public sealed class TransformResult
{
    internal TransformResult(JsonObject? stixObject, IReadOnlyList<TransformError> errors, IReadOnlyList<JsonObject> companions)
    {
        Object = stixObject;
        Errors = errors;
        Companions = companions;
    }

    /// <summary>The sanitised object; null exactly when <see cref="Errors"/> is not empty.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Named after the STIX concept: the result's object.")]
    public JsonObject? Object { get; }

    /// <summary>True when the transforms applied and <see cref="Object"/> is set.</summary>
    public bool IsSuccess => Object is not null;

    /// <summary>Every reason the clause could not be applied; empty on success.</summary>
    public IReadOnlyList<TransformError> Errors { get; }

    /// <summary>
    /// Objects that must travel with <see cref="Object"/> so that its references do not dangle (e.g. the pseudonymous
    /// identities of <see cref="SourcePseudonymisation"/>), ordered by id, without duplicates.
    /// </summary>
    public IReadOnlyList<JsonObject> Companions { get; }
}

/// <summary>Why a transform could not be applied to an object.</summary>
/// <param name="Transform">Which transform, e.g. <c>redact</c>.</param>
/// <param name="Path">The property concerned, as a <see cref="PropertyPath"/> text.</param>
/// <param name="Reason">What would go wrong, in words a person can act on.</param>
public sealed record TransformError(string Transform, string Path, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => $"{Transform} {Path}: {Reason}";
}
