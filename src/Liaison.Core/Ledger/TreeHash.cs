using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Liaison.Core.Ledger;

/// <summary>
/// A 32-byte SHA-256 value of the ledger's Merkle tree: a leaf hash, an interior node, or a root. Written as 64
/// lower-case hex digits. An immutable value; <c>default</c> is all zeros, which no real tree produces in practice.
/// </summary>
public readonly struct TreeHash : IEquatable<TreeHash>
{
    /// <summary>The length of a hash in bytes.</summary>
    public const int Length = 32;

    private readonly Bytes32 _bytes;

    private TreeHash(Bytes32 bytes) => _bytes = bytes;

    /// <summary>The 32 bytes.</summary>
    [UnscopedRef]
    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>Copies 32 bytes into a hash.</summary>
    /// <exception cref="ArgumentException"><paramref name="bytes"/> is not exactly 32 bytes long.</exception>
    public static TreeHash FromBytes(ReadOnlySpan<byte> bytes)
    {
        Preconditions.CheckArgument(bytes.Length == Length, "a tree hash is exactly 32 bytes");
        var copy = default(Bytes32);
        bytes.CopyTo(copy);
        return new TreeHash(copy);
    }

    /// <summary>Tries to parse 64 hex digits (either case); false for anything else.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out TreeHash hash)
    {
        var bytes = default(Bytes32);
        if (text is { Length: Length * 2 }
            && Convert.FromHexString(text, bytes, out _, out var written) == OperationStatus.Done
            && written == Length)
        {
            hash = new TreeHash(bytes);
            return true;
        }

        hash = default;
        return false;
    }

    /// <summary>Parses 64 hex digits.</summary>
    /// <exception cref="FormatException"><paramref name="text"/> is not 64 hex digits.</exception>
    public static TreeHash Parse(string text) =>
        TryParse(text, out var hash) ? hash : throw new FormatException("a tree hash is 64 hex digits (SHA-256)");

    /// <summary>Compares the 32 bytes.</summary>
    public bool Equals(TreeHash other) => Bytes.SequenceEqual(other.Bytes);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is TreeHash other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => BinaryPrimitives.ReadInt32LittleEndian(Bytes);

    /// <summary>The 64 lower-case hex digits.</summary>
    public override string ToString() => Convert.ToHexStringLower(Bytes);

    /// <summary>Compares the 32 bytes.</summary>
    public static bool operator ==(TreeHash left, TreeHash right) => left.Equals(right);

    /// <summary>Compares the 32 bytes.</summary>
    public static bool operator !=(TreeHash left, TreeHash right) => !left.Equals(right);

    [InlineArray(Length)]
    private struct Bytes32
    {
        private byte _element0;
    }
}
