using Liaison.Core.Canonical;
using Liaison.Core.Stix;

namespace Liaison.Core.Ledger;

/// <summary>One object version a receipt acknowledges: its id, version and the content hash the receiver computed.</summary>
public sealed record ReceivedObject
{
    /// <summary>Makes an acknowledged version.</summary>
    /// <exception cref="ArgumentException"><paramref name="objectId"/> is not a STIX identifier.</exception>
    public ReceivedObject(string objectId, long? objectVersion, ContentHash contentHash)
    {
        Preconditions.CheckArgument(StixId.TryParse(objectId, out _, out _), "a received object is named by its STIX id");
        ObjectId = objectId;
        ObjectVersion = objectVersion;
        ContentHash = contentHash;
    }

    /// <summary>The object's STIX id.</summary>
    public string ObjectId { get; }

    /// <summary>The version received (<c>modified</c>, else <c>created</c>) in microseconds; null for an unversioned object.</summary>
    public long? ObjectVersion { get; }

    /// <summary>SHA-256 of the version's RFC 8785 canonical form, as the receiver computed it.</summary>
    public ContentHash ContentHash { get; }
}
