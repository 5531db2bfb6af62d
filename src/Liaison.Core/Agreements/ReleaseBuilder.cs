using System.Text.Json;
using System.Text.Json.Nodes;
using Liaison.Core.Stix;
using Liaison.Core.Validation;

namespace Liaison.Core.Agreements;

/// <summary>
/// Turns an internal object that a <see cref="ReleaseDecision"/> allows into the object the partner receives: the
/// clause's transforms, the released id, references rewritten or removed (<see cref="ReferenceRewriter"/>), a
/// <c>modified</c> later than the partner's previous version, and a final validation — what leaves is always valid
/// STIX, or nothing leaves. Thread safe.
/// </summary>
public sealed class ReleaseBuilder
{
    private readonly ReleasePolicy _policy;
    private readonly StixValidator _validator;

    /// <summary>Creates the builder for one partner's policy.</summary>
    public ReleaseBuilder(ReleasePolicy policy, StixValidator validator)
    {
        _policy = policy ?? throw new ArgumentNullException(nameof(policy));
        _validator = validator ?? throw new ArgumentNullException(nameof(validator));
    }

    /// <summary>Builds the released form of <paramref name="source"/>.</summary>
    /// <param name="decision">A decision for <paramref name="source"/> that is not <see cref="ReleaseOutcome.Denied"/>.</param>
    /// <param name="source">The internal object (one version).</param>
    /// <param name="resolve">The released id of a referenced internal id the partner has or receives now, else null.</param>
    /// <param name="previousModified">The <c>modified</c> of the last version released to this partner, if any.</param>
    /// <param name="publicIds">Ids both sides know and that stay as they are (the two nodes' own identities).</param>
    public BuiltRelease Build(ReleaseDecision decision, JsonElement source, Func<string, string?> resolve, StixTimestamp? previousModified, IReadOnlySet<string>? publicIds = null)
    {
        ArgumentNullException.ThrowIfNull(decision);
        Preconditions.CheckArgument(decision.Transforms is not null, "a denied object has nothing to build");
        var result = decision.Transforms!.Apply(source);
        if (!result.IsSuccess)
        {
            return BuiltRelease.Failed(string.Join("; ", result.Errors));
        }

        var released = result.Object!;
        var internalId = source.GetProperty("id").GetString()!;
        var keep = result.Companions.Select(c => (string)c["id"]!).ToHashSet(StringComparer.Ordinal);
        if (publicIds is not null)
        {
            keep.UnionWith(publicIds);
        }

        var unresolved = ReferenceRewriter.Rewrite(released, _policy.Ids.For(internalId), keep, resolve);
        if (unresolved.Count > 0 && _policy.Agreement.References == ReferenceHandling.Hold)
        {
            return BuiltRelease.Held(unresolved);
        }

        StayAfter(released, previousModified);
        var element = JsonSerializer.SerializeToElement(released);
        var validation = _validator.Validate(element);
        if (!validation.IsValid)
        {
            // A reference it cannot stand without (a sighting's sighting_of_ref) was removed: wait for its target.
            return unresolved.Count > 0
                ? BuiltRelease.Held(unresolved)
                : BuiltRelease.Failed("the sanitised object is not valid STIX: " + string.Join("; ", validation.Errors));
        }

        return new BuiltRelease(released, result.Companions, unresolved, null) { Validated = validation.Object };
    }

    /// <summary>
    /// Rounding can give a new version the <c>modified</c> of the previous one; a version must be later, so it moves
    /// one millisecond past it (and <c>created</c> stays at or before it, as it is never rounded up).
    /// </summary>
    private static void StayAfter(JsonObject released, StixTimestamp? previousModified)
    {
        if (previousModified is not { } previous || released["modified"] is not JsonValue value || !value.TryGetValue(out string? text)
            || !StixTimestamp.TryParse(text, out var modified, out _))
        {
            return;
        }

        released["modified"] = StixTimestamp.VersionAfter(previous, modified.Value).Text;
    }
}

/// <summary>The outcome of <see cref="ReleaseBuilder.Build"/>.</summary>
public sealed class BuiltRelease
{
    internal BuiltRelease(JsonObject? stixObject, IReadOnlyList<JsonObject> companions, IReadOnlyList<string> unresolved, string? error)
    {
        Released = stixObject;
        Companions = companions;
        Unresolved = unresolved;
        Error = error;
    }

    /// <summary>The object to send; null when held or failed.</summary>
    public JsonObject? Released { get; }

    /// <summary>The released object as validated (ready to store); null when held or failed.</summary>
    public StixObject? Validated { get; internal init; }

    /// <summary>Objects that travel with it (pseudonymous identities, releasability statements).</summary>
    public IReadOnlyList<JsonObject> Companions { get; }

    /// <summary>Internal ids it referenced that the partner does not have (removed, or the reason it is held).</summary>
    public IReadOnlyList<string> Unresolved { get; }

    /// <summary>Why it cannot be released under this clause at all (a clause that breaks it); null otherwise.</summary>
    public string? Error { get; }

    /// <summary>True when it waits for the objects in <see cref="Unresolved"/>.</summary>
    public bool IsHeld => Released is null && Error is null;

    internal static BuiltRelease Held(IReadOnlyList<string> unresolved) => new(null, [], unresolved, null);

    internal static BuiltRelease Failed(string error) => new(null, [], [], error);
}
