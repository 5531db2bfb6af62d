namespace Liaison.Storage;

/// <summary>What storing one object did.</summary>
public enum WriteOutcome
{
    /// <summary>The first version of an object not seen before.</summary>
    New,

    /// <summary>A version of a known object that was not stored yet (newer or older than the latest).</summary>
    Updated,

    /// <summary>Exactly this version with exactly this content was already stored: nothing changed.</summary>
    Unchanged,

    /// <summary>Refused: the reason says why (same version with other content, or a version after a revocation).</summary>
    Refused,
}

/// <summary>The outcome of storing one object, with the reason when it was refused.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Reason">Why it was refused; null otherwise.</param>
public readonly record struct WriteResult(WriteOutcome Outcome, string? Reason = null);
