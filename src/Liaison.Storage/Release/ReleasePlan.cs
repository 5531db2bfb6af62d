using System.Text.Json.Nodes;
using Liaison.Core.Agreements;

namespace Liaison.Storage.Release;

/// <summary>What a release run does (or, in a preview, would do) with one internal object.</summary>
public enum ReleaseAction
{
    /// <summary>A new object, or a new version of one, goes to the partner.</summary>
    Release,

    /// <summary>The partner's copy is revoked: the source was revoked or the agreement no longer allows it.</summary>
    Withdraw,

    /// <summary>Queued for a second person's approval.</summary>
    Queue,

    /// <summary>Waits: an embargo, a graduated release's precise form, or objects it references.</summary>
    Wait,

    /// <summary>A clause selects it but cannot be applied to it.</summary>
    Fail,

    /// <summary>No clause allows it; it does not leave.</summary>
    Deny,
}

/// <summary>One line of a release run's plan.</summary>
/// <param name="SourceId">The internal object.</param>
/// <param name="SourceVersion">Its version (Unix microseconds).</param>
/// <param name="Type">Its STIX type.</param>
/// <param name="Action">What happens to it.</param>
/// <param name="Clause">The clause that governs it (null when denied).</param>
/// <param name="Reason">Why, in words.</param>
/// <param name="ReleasedId">The id the partner sees (also for withdrawals).</param>
/// <param name="NotBeforeMicroseconds">For waits: when it is looked at again (null: at every run).</param>
/// <param name="Released">For releases and withdrawals: exactly what the partner receives.</param>
/// <param name="Companions">Objects that go with it.</param>
/// <param name="Change">For releases: new to the partner, or a new version of what it has.</param>
/// <param name="Decision">The policy's decision (null for withdrawals of revoked sources).</param>
public sealed record PlannedRelease(
    string SourceId,
    long SourceVersion,
    string Type,
    ReleaseAction Action,
    string? Clause,
    string Reason,
    string ReleasedId,
    long? NotBeforeMicroseconds,
    JsonObject? Released,
    IReadOnlyList<JsonObject> Companions,
    string? Change,
    ReleaseDecision? Decision)
{
    /// <summary>For releases: the object as validated by the builder, ready to store (null for withdrawals).</summary>
    internal Liaison.Core.Stix.StixObject? Validated { get; init; }
}

/// <summary>What one release run did (or would do) for one partner.</summary>
/// <param name="Partner">The partner's code.</param>
/// <param name="AgreementVersion">The agreement version applied.</param>
/// <param name="Items">Every object considered, in the order considered.</param>
/// <param name="Scanned">How many stored versions the run looked at.</param>
public sealed record ReleaseRunReport(string Partner, int AgreementVersion, IReadOnlyList<PlannedRelease> Items, long Scanned)
{
    /// <summary>How many items have the action.</summary>
    public int Count(ReleaseAction action) => Items.Count(i => i.Action == action);
}
