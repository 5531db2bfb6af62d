namespace Liaison.Core.Ledger;

/// <summary>
/// What a ledger entry records. The numbers are written into every encoded entry and so hashed and signed: they are
/// frozen. A new kind takes a new number; a reader refuses numbers it does not know rather than guess.
/// </summary>
#pragma warning disable CA1028 // One byte on the wire: the underlying type is part of the format.
public enum LedgerEntryKind : byte
#pragma warning restore CA1028
{
    /// <summary>An object version was released to the partner.</summary>
    Release = 1,

    /// <summary>An object version was received from the partner and stored.</summary>
    Receipt = 2,

    /// <summary>A released object was withdrawn (revoked) towards the partner; the release entry stays.</summary>
    Withdrawal = 3,

    /// <summary>A release to the partner was approved (four-eyes).</summary>
    Approval = 4,

    /// <summary>A release to the partner was rejected.</summary>
    Rejection = 5,

    /// <summary>An agreement version with the partner took effect; the content hash is the agreement document's.</summary>
    AgreementApplied = 6,

    /// <summary>The node's signing key changed; the payload is a <see cref="KeyRotation"/> signed by the old key.</summary>
    KeyRotation = 7,

    /// <summary>A deconfliction conflict with the partner's notice was found and notified.</summary>
    DeconflictionConflict = 8,

    /// <summary>A deconfliction conflict was acknowledged.</summary>
    DeconflictionAcknowledgement = 9,

    /// <summary>A request for information was sent to or answered by the partner.</summary>
    RequestForInformation = 10,

    /// <summary>
    /// The partner reported a conflict with one of our notices (a conflict report received); the content hash is that
    /// of the disclosure, the same the partner's <see cref="DeconflictionConflict"/> entry holds.
    /// </summary>
    DeconflictionReport = 11,
}
