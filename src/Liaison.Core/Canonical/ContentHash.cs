using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;

namespace Liaison.Core.Canonical;

/// <summary>
/// The content hash of a STIX object: SHA-256 of its RFC 8785 canonical JSON (<see cref="CanonicalJson"/>),
/// 32 bytes, written as 64 lower-case hex digits.
/// </summary>
/// <remarks>
/// Two objects have the same hash exactly when they are the same JSON value, whatever their whitespace, member
/// order or escaping. The ledger records this hash for every released object and signs over it, so the
/// definition (canonical bytes, then SHA-256) must never change silently: golden tests pin it.
/// An immutable value; <c>default</c> is the all-zero hash, which no real content produces in practice.
/// </remarks>
public readonly record struct ContentHash
{
    /// <summary>The length of a hash in bytes.</summary>
    public const int Length = 32;

    private readonly Sha256Bytes _bytes;

    private ContentHash(Sha256Bytes bytes) => _bytes = bytes;

    /// <summary>The 32 hash bytes, to store or to feed into another hash or signature.</summary>
    [UnscopedRef]
    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>
    /// Hashes the canonical form of <paramref name="stixObject"/> (normally a STIX object, though any JSON value
    /// has a hash). Allocates nothing in the steady state: the canonical bytes go to a per-thread buffer.
    /// </summary>
    /// <exception cref="CanonicalizationException">The value has no canonical form (outside I-JSON); see the message.</exception>
    /// <exception cref="ArgumentException"><paramref name="stixObject"/> is <c>default</c> (undefined).</exception>
    public static ContentHash Of(JsonElement stixObject)
    {
        var scratch = CanonicalScratch.Rent();
        try
        {
            var bytes = default(Sha256Bytes);
            SHA256.HashData(CanonicalJson.Write(stixObject, scratch), bytes);
            return new ContentHash(bytes);
        }
        finally
        {
            CanonicalScratch.Return(scratch);
        }
    }

    /// <summary>Rebuilds a hash from its 32 bytes, e.g. as read back from storage.</summary>
    /// <exception cref="ArgumentException"><paramref name="bytes"/> is not exactly 32 bytes long.</exception>
    public static ContentHash FromBytes(ReadOnlySpan<byte> bytes)
    {
        Preconditions.CheckArgument(bytes.Length == Length, "a content hash is exactly 32 bytes");
        var copy = default(Sha256Bytes);
        bytes.CopyTo(copy);
        return new ContentHash(copy);
    }

    /// <summary>Parses 64 hex digits (either case), as written by <see cref="ToString"/>.</summary>
    /// <exception cref="FormatException"><paramref name="text"/> is not 64 hex digits.</exception>
    public static ContentHash Parse(ReadOnlySpan<char> text) =>
        TryParse(text, out var hash) ? hash : throw new FormatException("a content hash is 64 hex digits (SHA-256)");

    /// <summary>Parses 64 hex digits (either case), as written by <see cref="ToString"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException"><paramref name="text"/> is not 64 hex digits.</exception>
    public static ContentHash Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse(text.AsSpan());
    }

    /// <summary>Tries to parse 64 hex digits (either case); false for anything else.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out ContentHash hash)
    {
        var bytes = default(Sha256Bytes);
        if (text.Length == Length * 2
            && Convert.FromHexString(text, bytes, out _, out var written) == OperationStatus.Done
            && written == Length)
        {
            hash = new ContentHash(bytes);
            return true;
        }

        hash = default;
        return false;
    }

    /// <summary>Tries to parse 64 hex digits (either case); false for null or anything else.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out ContentHash hash)
    {
        if (text is null)
        {
            hash = default;
            return false;
        }

        return TryParse(text.AsSpan(), out hash);
    }

    /// <summary>Compares the 32 bytes.</summary>
    public bool Equals(ContentHash other) => Bytes.SequenceEqual(other.Bytes);

    /// <inheritdoc />
    public override int GetHashCode() => BinaryPrimitives.ReadInt32LittleEndian(Bytes);

    /// <summary>The 64 lower-case hex digits of the hash.</summary>
    public override string ToString() => Convert.ToHexStringLower(Bytes);

    /// <summary>Writes the 64 lower-case hex digits into <paramref name="destination"/> without allocating.</summary>
    /// <returns>False, writing nothing useful, if <paramref name="destination"/> is shorter than 64 characters.</returns>
    public bool TryFormat(Span<char> destination, out int charsWritten) =>
        Convert.TryToHexStringLower(Bytes, destination, out charsWritten);

    [InlineArray(Length)]
    private struct Sha256Bytes
    {
        private byte _element0;
    }
}
