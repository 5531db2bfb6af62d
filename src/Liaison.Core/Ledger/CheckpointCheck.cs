namespace Liaison.Core.Ledger;

/// <summary>How a partner's new checkpoint fared against what we already hold from it.</summary>
public enum CheckpointOutcome
{
    /// <summary>Signed with the pinned key and consistent with every checkpoint held: store it.</summary>
    Accepted,

    /// <summary>The signature does not verify with the pinned key (or names another key): ignore the checkpoint, log it.</summary>
    BadSignature,

    /// <summary>The checkpoint is of another log than the ones held.</summary>
    WrongOrigin,

    /// <summary>A consistency proof needed to relate it to a held checkpoint was not supplied: ask for it.</summary>
    ProofMissing,

    /// <summary>
    /// The partner's log forked or was rewritten: two validly signed checkpoints that cannot both be true (same size,
    /// different roots, or a failing consistency proof). Both are evidence; report loudly, never overwrite.
    /// </summary>
    Fork,
}

/// <summary>The verdict on a partner's checkpoint, with a reason a person can act on. Immutable.</summary>
/// <param name="Outcome">What was found.</param>
/// <param name="Message">Why, in words.</param>
/// <param name="Conflicting">For a fork or a missing proof, the held checkpoint concerned.</param>
public sealed record CheckpointCheck(CheckpointOutcome Outcome, string Message, SignedCheckpoint? Conflicting = null)
{
    /// <summary>True when the checkpoint may be stored.</summary>
    public bool IsAccepted => Outcome == CheckpointOutcome.Accepted;

    /// <summary>True when the partner's log is provably forked or rewritten.</summary>
    public bool IsFork => Outcome == CheckpointOutcome.Fork;
}
