using Liaison.Core.Crypto;

namespace Liaison.Storage.Ledger;

/// <summary>What a node needs to sign its ledger's checkpoints: the log's origin, its key and its STIX identity.</summary>
/// <param name="Origin">The log's name in every checkpoint, <c>liaison/</c> and the node's identity id.</param>
/// <param name="Key">The node's Ed25519 key (owned by the caller).</param>
/// <param name="IdentityId">The node's STIX identity, <c>created_by_ref</c> of the checkpoints it publishes.</param>
public sealed record LedgerSigner(string Origin, NodeKey Key, string IdentityId)
{
    /// <summary>The signer of the node whose identity is <paramref name="identityId"/>.</summary>
    public static LedgerSigner For(string identityId, NodeKey key) => new(OriginOf(identityId), key, identityId);

    /// <summary>The origin of the ledger of the node whose identity is <paramref name="identityId"/>.</summary>
    public static string OriginOf(string identityId) => "liaison/" + identityId;
}
