using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Liaison.Core.Crypto;

namespace Liaison.Core.Ledger;

/// <summary>
/// The announcement that a log's signing key changes, signed by the old key, carried as the payload of a
/// <see cref="LedgerEntryKind.KeyRotation"/> entry. A partner that pinned the old key verifies it and pins the new
/// one; checkpoints of sizes beyond the entry are signed with the new key. Immutable.
/// </summary>
/// <remarks>
/// Payload, big-endian: u8 version (1), u16 origin length + UTF-8 origin, 32-byte old key, 32-byte new key, i64 time
/// (µs), 64-byte signature. Signed bytes: <c>liaison-key-rotation/v1</c>, origin, old key (base64), new key
/// (base64), time, each followed by a line feed; the origin keeps an announcement from being replayed into another log.
/// </remarks>
public sealed class KeyRotation
{
    private const byte Version = 1;

    private KeyRotation(string origin, string oldPublicKey, string newPublicKey, long timeMicroseconds, byte[] signature)
    {
        Origin = origin;
        OldPublicKey = oldPublicKey;
        NewPublicKey = newPublicKey;
        TimeMicroseconds = timeMicroseconds;
        Signature = signature;
    }

    /// <summary>The log whose key changes.</summary>
    public string Origin { get; }

    /// <summary>The key being retired (base64), which signs the announcement.</summary>
    public string OldPublicKey { get; }

    /// <summary>The key that signs from now on (base64).</summary>
    public string NewPublicKey { get; }

    /// <summary>When, in microseconds since the Unix epoch.</summary>
    public long TimeMicroseconds { get; }

    /// <summary>The old key's Ed25519 signature over <see cref="SignedBytes"/>.</summary>
    public ReadOnlyMemory<byte> Signature { get; }

    /// <summary>Announces <paramref name="newPublicKey"/>, signed with <paramref name="oldKey"/>.</summary>
    /// <exception cref="ArgumentException">The origin is not one, or the new key is not a base64 32-byte key.</exception>
    public static KeyRotation Create(string origin, NodeKey oldKey, string newPublicKey, long timeMicroseconds)
    {
        ArgumentNullException.ThrowIfNull(oldKey);
        ArgumentNullException.ThrowIfNull(newPublicKey);
        Preconditions.CheckArgument(Checkpoint.IsOrigin(origin), "an origin is 1 to 255 characters on one line");
        Preconditions.CheckArgument(RawKey(newPublicKey) is not null, "the new key is 32 bytes in base64");
        var unsigned = new KeyRotation(origin, oldKey.PublicKeyBase64, newPublicKey, timeMicroseconds, []);
        return new KeyRotation(origin, oldKey.PublicKeyBase64, newPublicKey, timeMicroseconds, oldKey.Sign(unsigned.SignedBytes()));
    }

    /// <summary>The bytes the old key signs.</summary>
    public byte[] SignedBytes() => Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
        $"liaison-key-rotation/v1\n{Origin}\n{OldPublicKey}\n{NewPublicKey}\n{TimeMicroseconds}\n"));

    /// <summary>Checks that the key a partner pinned announced this change for this log.</summary>
    public bool Verify(string pinnedPublicKey, string origin, [NotNullWhen(false)] out string? failure)
    {
        ArgumentNullException.ThrowIfNull(pinnedPublicKey);
        failure = !string.Equals(origin, Origin, StringComparison.Ordinal) ? $"the key rotation is for log '{Origin}', not '{origin}'"
            : !string.Equals(pinnedPublicKey, OldPublicKey, StringComparison.Ordinal) ? $"the key rotation retires key {OldPublicKey}, not the pinned key {pinnedPublicKey}"
            : NodeKey.Verify(OldPublicKey, SignedBytes(), Signature.Span) ? null
            : "the key rotation's signature does not verify with the old key";
        return failure is null;
    }

    /// <summary>The payload bytes of the ledger entry.</summary>
    public byte[] Encode()
    {
        var origin = Encoding.UTF8.GetBytes(Origin);
        var bytes = new byte[1 + 2 + origin.Length + 32 + 32 + 8 + 64];
        var span = bytes.AsSpan();
        span[0] = Version;
        BinaryPrimitives.WriteUInt16BigEndian(span[1..], (ushort)origin.Length);
        origin.CopyTo(span[3..]);
        var at = 3 + origin.Length;
        RawKey(OldPublicKey)!.CopyTo(span[at..]);
        RawKey(NewPublicKey)!.CopyTo(span[(at + 32)..]);
        BinaryPrimitives.WriteInt64BigEndian(span[(at + 64)..], TimeMicroseconds);
        Signature.Span.CopyTo(span[(at + 72)..]);
        return bytes;
    }

    /// <summary>Reads a key rotation entry's payload; the signature is not checked here (see <see cref="Verify"/>).</summary>
    public static bool TryDecode(ReadOnlySpan<byte> payload, [NotNullWhen(true)] out KeyRotation? rotation, [NotNullWhen(false)] out string? failure)
    {
        rotation = null;
        failure = "the key rotation payload is malformed";
        if (payload.Length < 3 || payload[0] != Version)
        {
            return false;
        }

        var originLength = BinaryPrimitives.ReadUInt16BigEndian(payload[1..]);
        if (payload.Length != 3 + originLength + 32 + 32 + 8 + 64)
        {
            return false;
        }

        string origin;
        try
        {
            origin = new UTF8Encoding(false, true).GetString(payload.Slice(3, originLength));
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        if (!Checkpoint.IsOrigin(origin))
        {
            return false;
        }

        var at = 3 + originLength;
        rotation = new KeyRotation(origin, Convert.ToBase64String(payload.Slice(at, 32)), Convert.ToBase64String(payload.Slice(at + 32, 32)),
            BinaryPrimitives.ReadInt64BigEndian(payload[(at + 64)..]), payload.Slice(at + 72, 64).ToArray());
        failure = null;
        return true;
    }

    private static byte[]? RawKey(string base64)
    {
        var raw = new byte[32];
        return Convert.TryFromBase64String(base64, raw, out var written) && written == 32 ? raw : null;
    }
}
