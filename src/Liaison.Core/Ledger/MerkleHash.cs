using System.Security.Cryptography;

namespace Liaison.Core.Ledger;

/// <summary>
/// The hashing of RFC 9162 §2.1.1 with SHA-256: a leaf is <c>SHA-256(0x00 ‖ entry)</c>, an interior node
/// <c>SHA-256(0x01 ‖ left ‖ right)</c>, the empty tree <c>SHA-256()</c>. The prefixes keep a leaf from ever being
/// taken for a node (second-preimage resistance). Thread safe; allocates nothing.
/// </summary>
public static class MerkleHash
{
    private const int StackLimit = 512;

    /// <summary>The root of the empty tree: SHA-256 of no bytes.</summary>
    public static TreeHash Empty { get; } = TreeHash.FromBytes(SHA256.HashData(ReadOnlySpan<byte>.Empty));

    /// <summary>The leaf hash of an encoded entry.</summary>
    public static TreeHash Leaf(ReadOnlySpan<byte> entry)
    {
        var length = entry.Length + 1;
        var rented = length > StackLimit ? new byte[length] : null;
        Span<byte> input = rented ?? stackalloc byte[StackLimit];
        input[0] = 0x00;
        entry.CopyTo(input[1..]);
        Span<byte> hash = stackalloc byte[TreeHash.Length];
        SHA256.HashData(input[..length], hash);
        return TreeHash.FromBytes(hash);
    }

    /// <summary>The hash of an interior node from its two children.</summary>
    public static TreeHash Node(TreeHash left, TreeHash right)
    {
        Span<byte> input = stackalloc byte[1 + (2 * TreeHash.Length)];
        input[0] = 0x01;
        left.Bytes.CopyTo(input[1..]);
        right.Bytes.CopyTo(input[(1 + TreeHash.Length)..]);
        Span<byte> hash = stackalloc byte[TreeHash.Length];
        SHA256.HashData(input, hash);
        return TreeHash.FromBytes(hash);
    }
}
