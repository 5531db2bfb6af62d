using System.Text.Json;
using System.Text.Json.Nodes;
using Liaison.Core.Stix;

namespace Liaison.Core.Policy;

/// <summary>
/// A release delay: an object may go out only <see cref="Delay"/> after its reference time, the first present of
/// <see cref="ReferenceProperties"/> (by default <c>modified</c>, then <c>created</c>; a clause may name
/// <c>strike_time</c> to hold strike assessments for some hours after the strike). A pure function of the object and
/// the instant given: the caller reads its <see cref="IClock"/>. Immutable and thread safe.
/// </summary>
/// <remarks>
/// An object with none of the reference properties (a cyber-observable) has nothing to delay from and is releasable
/// at once. Only top-level properties are read.
/// </remarks>
public sealed class Embargo
{
    private readonly string[] _references;

    /// <summary>Creates a delay counted from the first present of <paramref name="referenceProperties"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="delay"/> is negative.</exception>
    public Embargo(TimeSpan delay, IEnumerable<string>? referenceProperties = null)
    {
        Preconditions.CheckArgument(delay >= TimeSpan.Zero, "an embargo delay cannot be negative");
        Delay = delay;
        _references = [.. referenceProperties ?? ["modified", "created"]];
        Preconditions.CheckArgument(_references.Length > 0, "an embargo needs at least one reference property");
    }

    /// <summary>How long after the reference time the object is held.</summary>
    public TimeSpan Delay { get; }

    /// <summary>The properties read, in order, for the reference time.</summary>
    public IReadOnlyList<string> ReferenceProperties => _references;

    /// <summary>Whether <paramref name="stixObject"/> may be released at <paramref name="now"/>, and from when.</summary>
    public EmbargoDecision Evaluate(JsonObject stixObject, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(stixObject);
        foreach (var name in _references)
        {
            if (stixObject[name] is JsonValue value && value.TryGetValue(out string? text) && StixTimestamp.TryParse(text, out var reference, out _))
            {
                return Decide(reference.Value, now);
            }
        }

        return new EmbargoDecision(true, null);
    }

    /// <summary>Whether <paramref name="stixObject"/> may be released at <paramref name="now"/>, read without building nodes.</summary>
    public EmbargoDecision Evaluate(JsonElement stixObject, DateTimeOffset now)
    {
        if (stixObject.ValueKind == JsonValueKind.Object)
        {
            foreach (var name in _references)
            {
                if (stixObject.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                    && StixTimestamp.TryParse(value.GetString(), out var reference, out _))
                {
                    return Decide(reference.Value, now);
                }
            }
        }

        return new EmbargoDecision(true, null);
    }

    /// <summary>Evaluates against the instant read from <paramref name="clock"/>.</summary>
    public EmbargoDecision Evaluate(JsonObject stixObject, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return Evaluate(stixObject, clock.UtcNow);
    }

    private EmbargoDecision Decide(StixTimestamp reference, DateTimeOffset now)
    {
        var at = reference.Instant + Delay;
        return new EmbargoDecision(now >= at, at);
    }
}

/// <summary>The answer of an <see cref="Embargo"/>.</summary>
/// <param name="IsReleasable">True when the delay has passed (or there is nothing to delay from).</param>
/// <param name="ReleasableAt">When the object becomes releasable; null when it has no reference time.</param>
public readonly record struct EmbargoDecision(bool IsReleasable, DateTimeOffset? ReleasableAt);
