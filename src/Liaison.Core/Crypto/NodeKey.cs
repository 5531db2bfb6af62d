using NSec.Cryptography;

namespace Liaison.Core.Crypto;

/// <summary>
/// A node's Ed25519 identity key: it signs what the node publishes (checkpoints, receipts); partners pin its public
/// half. Holds unmanaged key material: dispose it. Thread safe for signing.
/// </summary>
public sealed class NodeKey : IDisposable
{
    private static readonly SignatureAlgorithm Algorithm = SignatureAlgorithm.Ed25519;
    private readonly Key _key;

    private NodeKey(Key key) => _key = key;

    /// <summary>The 32-byte public key, base64-encoded: what a partner pins.</summary>
    public string PublicKeyBase64 => Convert.ToBase64String(_key.PublicKey.Export(KeyBlobFormat.RawPublicKey));

    /// <summary>Makes a new random key.</summary>
    public static NodeKey Generate() =>
        new(Key.Create(Algorithm, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextArchiving }));

    /// <summary>Reads a key written by <see cref="ExportPrivateKey"/>.</summary>
    /// <exception cref="FormatException">The bytes are not an Ed25519 private key.</exception>
    public static NodeKey Import(ReadOnlySpan<byte> privateKeyBlob)
    {
        if (!Key.TryImport(Algorithm, privateKeyBlob, KeyBlobFormat.PkixPrivateKeyText, out var key,
                new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextArchiving }))
        {
            throw new FormatException("not an Ed25519 private key in PKCS#8 PEM form");
        }

        return new NodeKey(key!);
    }

    /// <summary>The private key as PKCS#8 PEM text; write it only to a file readable by its owner alone.</summary>
    public byte[] ExportPrivateKey() => _key.Export(KeyBlobFormat.PkixPrivateKeyText);

    /// <summary>Signs <paramref name="data"/> (64-byte Ed25519 signature).</summary>
    public byte[] Sign(ReadOnlySpan<byte> data) => Algorithm.Sign(_key, data);

    /// <summary>Checks a signature against a base64 public key.</summary>
    public static bool Verify(string publicKeyBase64, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        ArgumentNullException.ThrowIfNull(publicKeyBase64);
        Span<byte> raw = stackalloc byte[32];
        if (!Convert.TryFromBase64String(publicKeyBase64, raw, out var written) || written != 32
            || !PublicKey.TryImport(Algorithm, raw, KeyBlobFormat.RawPublicKey, out var publicKey))
        {
            return false;
        }

        return Algorithm.Verify(publicKey!, data, signature);
    }

    /// <inheritdoc />
    public void Dispose() => _key.Dispose();
}
