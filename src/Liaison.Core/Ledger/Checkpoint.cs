using System.Globalization;
using System.Text;

namespace Liaison.Core.Ledger;

/// <summary>
/// A log's state at a moment: its origin (the log's unique name), its size, its root hash and the time. What a node
/// signs and publishes (<see cref="SignedCheckpoint"/>); a partner holding two checkpoints of one origin can demand a
/// consistency proof between them. Immutable; checked at construction.
/// </summary>
public sealed record Checkpoint
{
    /// <summary>Makes a checkpoint.</summary>
    /// <exception cref="ArgumentException">The origin is not 1–255 characters on one line without leading white space, or the size is negative.</exception>
    public Checkpoint(string origin, long treeSize, TreeHash rootHash, long timeMicroseconds)
    {
        ArgumentNullException.ThrowIfNull(origin);
        Preconditions.CheckArgument(IsOrigin(origin), "an origin is 1 to 255 characters on one line, not starting with white space");
        ArgumentOutOfRangeException.ThrowIfNegative(treeSize);
        Origin = origin;
        TreeSize = treeSize;
        RootHash = rootHash;
        TimeMicroseconds = timeMicroseconds;
    }

    /// <summary>The log's unique name, e.g. <c>liaison/identity--…</c>.</summary>
    public string Origin { get; }

    /// <summary>How many entries the log holds.</summary>
    public long TreeSize { get; }

    /// <summary>The Merkle tree head of those entries.</summary>
    public TreeHash RootHash { get; }

    /// <summary>When the checkpoint was made, in microseconds since the Unix epoch.</summary>
    public long TimeMicroseconds { get; }

    /// <summary>Whether <paramref name="text"/> may be an origin (the rule of the ledger-checkpoint schema).</summary>
    public static bool IsOrigin(string? text) =>
        text is { Length: >= 1 and <= 255 } && !char.IsWhiteSpace(text[0]) && !text.Contains('\n', StringComparison.Ordinal);

    /// <summary>
    /// The bytes signed: <c>liaison-checkpoint/v1</c>, the origin, the size, the root in hex and the time in
    /// microseconds, each followed by a line feed. The first line keeps a checkpoint signature from ever passing for
    /// another kind of signed statement.
    /// </summary>
    public byte[] SignedBytes() => Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
        $"liaison-checkpoint/v1\n{Origin}\n{TreeSize}\n{RootHash}\n{TimeMicroseconds}\n"));
}
