using System.Diagnostics.CodeAnalysis;
using Liaison.Core.Crypto;

namespace Liaison.Core.Ledger;

/// <summary>A <see cref="Ledger.Checkpoint"/> with the Ed25519 signature of the log's key. Immutable.</summary>
/// <param name="Checkpoint">What is signed.</param>
/// <param name="KeyId">Which key signed it (<see cref="LedgerKeyId"/>).</param>
/// <param name="Signature">The 64-byte Ed25519 signature over <see cref="Checkpoint.SignedBytes"/>, in base64 (as published).</param>
public sealed record SignedCheckpoint(Checkpoint Checkpoint, string KeyId, string Signature)
{
    /// <summary>Signs a checkpoint with the node's key.</summary>
    public static SignedCheckpoint Sign(Checkpoint checkpoint, NodeKey key)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(key);
        return new SignedCheckpoint(checkpoint, LedgerKeyId.Of(key.PublicKeyBase64), Convert.ToBase64String(key.Sign(checkpoint.SignedBytes())));
    }

    /// <summary>Checks the signature with a pinned public key (base64), and that the key id names that key.</summary>
    public bool Verify(string publicKeyBase64, [NotNullWhen(false)] out string? failure)
    {
        ArgumentNullException.ThrowIfNull(publicKeyBase64);
        failure = SignatureFailure(publicKeyBase64, KeyId, Checkpoint.SignedBytes(), Signature, $"checkpoint of {Checkpoint.Origin} at size {Checkpoint.TreeSize}");
        return failure is null;
    }

    /// <summary>Why a signature does not verify with a key, or null when it does.</summary>
    internal static string? SignatureFailure(string publicKeyBase64, string keyId, byte[] data, string signatureBase64, string what)
    {
        string expectedId;
        try
        {
            expectedId = LedgerKeyId.Of(publicKeyBase64);
        }
        catch (FormatException ex)
        {
            return $"the key is not usable: {ex.Message}";
        }

        if (!string.Equals(expectedId, keyId, StringComparison.Ordinal))
        {
            return $"the {what} names key {keyId}, not the pinned key {expectedId}";
        }

        Span<byte> signature = stackalloc byte[64];
        return signatureBase64 is not null && Convert.TryFromBase64String(signatureBase64, signature, out var written) && written == 64
            && NodeKey.Verify(publicKeyBase64, data, signature)
            ? null
            : $"the signature of the {what} does not verify with key {expectedId}";
    }
}
