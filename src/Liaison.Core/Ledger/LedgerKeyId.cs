using System.Security.Cryptography;

namespace Liaison.Core.Ledger;

/// <summary>
/// The <c>key_id</c> of checkpoints and receipts: <c>ed25519:</c> and the first 16 hex digits of SHA-256 of the raw
/// 32-byte public key. It only tells a reader which pinned key to try; trust comes from the signature, never the id.
/// </summary>
public static class LedgerKeyId
{
    /// <summary>The key id of a base64 Ed25519 public key (as <see cref="Crypto.NodeKey.PublicKeyBase64"/> writes it).</summary>
    /// <exception cref="FormatException">The text is not a base64 32-byte key.</exception>
    public static string Of(string publicKeyBase64)
    {
        ArgumentNullException.ThrowIfNull(publicKeyBase64);
        Span<byte> raw = stackalloc byte[32];
        if (!Convert.TryFromBase64String(publicKeyBase64, raw, out var written) || written != 32)
        {
            throw new FormatException("an Ed25519 public key is 32 bytes in base64 (44 characters)");
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(raw, hash);
        return "ed25519:" + Convert.ToHexStringLower(hash[..8]);
    }
}
