namespace Liaison.Storage.Partners;

/// <summary>A partner node: who it is, how it reaches us, where we exchange with it.</summary>
/// <param name="Code">Its code (3-letter country or 4-letter organisation), e.g. <c>RUS</c>.</param>
/// <param name="Principal">The principal it authenticates as on our TAXII server.</param>
/// <param name="OutboundCollection">What we release to it (it may read, nobody else).</param>
/// <param name="InboundCollection">What it sends us (it may write, nobody else).</param>
/// <param name="DiscoveryUrl">Its TAXII discovery URL.</param>
/// <param name="PublicKey">Its pinned Ed25519 public key (base64).</param>
/// <param name="AddedAtMicroseconds">When it was added (Unix microseconds).</param>
/// <param name="IdentityId">Its node's STIX identity (public, as its <c>identity show</c> prints it), when given.</param>
public sealed record PartnerInfo(string Code, string Principal, Guid OutboundCollection, Guid InboundCollection, string DiscoveryUrl, string PublicKey, long AddedAtMicroseconds, string? IdentityId);

/// <summary>One applied version of an agreement, as it was written.</summary>
/// <param name="Partner">The partner's code.</param>
/// <param name="Version">The document's version.</param>
/// <param name="AppliedAtMicroseconds">When it was applied.</param>
/// <param name="AppliedBy">Who applied it.</param>
/// <param name="Sha256">SHA-256 of the text (hex).</param>
/// <param name="Text">The YAML as applied.</param>
public sealed record AgreementRecord(string Partner, int Version, long AppliedAtMicroseconds, string AppliedBy, string Sha256, string Text);

/// <summary>Where one release of one object version stands.</summary>
public enum ReleaseState
{
    /// <summary>Waiting for a second person's approval.</summary>
    Pending,

    /// <summary>In the partner's outbound collection.</summary>
    Released,

    /// <summary>Refused by an approver.</summary>
    Rejected,

    /// <summary>Released earlier, then revoked towards the partner (the source was revoked or the agreement no longer allows it).</summary>
    Withdrawn,

    /// <summary>The clause could not be applied to it (the reason says why).</summary>
    Failed,
}

/// <summary>One row of the release log: an internal object version, what the partner got for it, and why.</summary>
/// <remarks>The mapping from <see cref="SourceId"/> to <see cref="ReleasedId"/> never leaves the node.</remarks>
public sealed record ReleaseRecord(
    long Id,
    string Partner,
    string SourceId,
    long SourceVersion,
    string ReleasedId,
    string? ReleasedModified,
    ReleaseState State,
    int AgreementVersion,
    string Clause,
    double? PrecisionKm,
    bool Precise,
    string RequestedBy,
    long RequestedAtMicroseconds,
    string? DecidedBy,
    long? DecidedAtMicroseconds,
    string? Reason);

/// <summary>An object held back until a time or until the objects it references go out.</summary>
/// <param name="Partner">The partner.</param>
/// <param name="SourceId">The internal object.</param>
/// <param name="SourceVersion">Its version (Unix microseconds).</param>
/// <param name="NotBeforeMicroseconds">When to look again, or null to look at every run.</param>
/// <param name="Reason">Why it waits.</param>
public sealed record WaitingRelease(string Partner, string SourceId, long SourceVersion, long? NotBeforeMicroseconds, string Reason);

/// <summary>An object a partner sent that our agreement does not accept.</summary>
/// <param name="Id">Its quarantine number.</param>
/// <param name="Partner">Who sent it.</param>
/// <param name="ObjectId">Its STIX id.</param>
/// <param name="ReceivedAtMicroseconds">When.</param>
/// <param name="Reason">Why it was not accepted.</param>
/// <param name="Utf8Json">The object as received.</param>
public sealed record QuarantineEntry(long Id, string Partner, string ObjectId, long ReceivedAtMicroseconds, string Reason, byte[] Utf8Json);
