using System.Diagnostics.CodeAnalysis;
using Liaison.Core.Crypto;

namespace Liaison.Core.Ledger;

/// <summary>A <see cref="Ledger.Receipt"/> signed by the receiver's key. Immutable.</summary>
/// <param name="Receipt">What is signed.</param>
/// <param name="KeyId">Which key signed it (<see cref="LedgerKeyId"/>).</param>
/// <param name="Signature">The Ed25519 signature over <see cref="Receipt.SignedBytes"/>, in base64.</param>
public sealed record SignedReceipt(Receipt Receipt, string KeyId, string Signature)
{
    /// <summary>Signs a receipt with the receiver's key (which must also have signed the receipt's checkpoint).</summary>
    public static SignedReceipt Sign(Receipt receipt, NodeKey key)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        ArgumentNullException.ThrowIfNull(key);
        return new SignedReceipt(receipt, LedgerKeyId.Of(key.PublicKeyBase64), Convert.ToBase64String(key.Sign(receipt.SignedBytes())));
    }

    /// <summary>Checks the receipt's signature and its checkpoint's with the receiver's pinned key.</summary>
    public bool Verify(string pinnedPublicKey, [NotNullWhen(false)] out string? failure)
    {
        ArgumentNullException.ThrowIfNull(pinnedPublicKey);
        if (!Receipt.Checkpoint.Verify(pinnedPublicKey, out failure))
        {
            return false;
        }

        failure = SignedCheckpoint.SignatureFailure(pinnedPublicKey, KeyId, Receipt.SignedBytes(), Signature,
            $"receipt of {Receipt.Received.Count} objects from {Receipt.Checkpoint.Checkpoint.Origin}");
        return failure is null;
    }
}
