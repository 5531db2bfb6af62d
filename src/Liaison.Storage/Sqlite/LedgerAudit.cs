using System.Text;
using Liaison.Core.Ledger;
using Liaison.Storage.Ledger;

namespace Liaison.Storage.Sqlite;

/// <summary>The state of one <see cref="SqliteStixStore.VerifyLedger"/> pass: the recomputed tree, the key in effect, the checkpoints still to check.</summary>
internal sealed class LedgerAudit
{
    private readonly MerkleFrontier _tree = new();
    private readonly RawStatement _nodes;
    private readonly Action<int, long, TreeHash> _checkNode;
    private readonly List<(SignedCheckpoint Checkpoint, string PublicKey, string? Partner)> _checkpoints;
    private int _nextCheckpoint;
    private long _lastGoodCheckpointSize;
    private string _key;
    private string? _origin;
    private string? _nodeProblem;
    private long _nodeProblemEntry;

    public LedgerAudit(List<(SignedCheckpoint, string, string?)> checkpoints, string initialKey, RawStatement nodes)
    {
        _nodes = nodes;
        _checkNode = CheckNode;
        _checkpoints = checkpoints;
        _key = initialKey;
    }

    /// <summary>Checks one stored entry row and the tree nodes it completes; returns the verdict at the first problem.</summary>
    public LedgerVerification? Entry(long seq, ReadOnlySpan<byte> partner, ReadOnlySpan<byte> objectId, ReadOnlySpan<byte> encoded)
    {
        var expected = _tree.Size;
        if (seq != expected)
        {
            return Bad(expected, seq > expected ? $"entry {expected} is missing (the next stored entry is {seq})" : $"entry {seq} is stored twice");
        }

        if (!LedgerEncoding.TryDecode(encoded, out var index, out var entry, out var failure))
        {
            return Bad(seq, $"entry {seq} is not a valid entry: {failure}");
        }

        if (index != seq)
        {
            return Bad(seq, $"entry {seq} holds the bytes of entry {index}: entries were moved or reordered");
        }

        if (!Same(partner, entry.Partner) || !Same(objectId, entry.ObjectId))
        {
            return Bad(seq, $"entry {seq}: the partner or object id column was changed (the entry says {entry.Partner ?? "-"} / {entry.ObjectId ?? "-"})");
        }

        if (entry.Kind == LedgerEntryKind.KeyRotation && Rotate(seq, entry) is { } rotation)
        {
            return rotation;
        }

        _tree.Append(MerkleHash.Leaf(encoded), _checkNode);
        if (_nodeProblem is not null)
        {
            return Bad(_nodeProblemEntry, _nodeProblem);
        }

        return CheckCheckpointsAt(_tree.Size);
    }

    /// <summary>Checks every issued checkpoint of <paramref name="size"/> against the recomputed root.</summary>
    public LedgerVerification? CheckCheckpointsAt(long size)
    {
        for (; _nextCheckpoint < _checkpoints.Count && _checkpoints[_nextCheckpoint].Checkpoint.Checkpoint.TreeSize == size; _nextCheckpoint++)
        {
            var (signed, publicKey, _) = _checkpoints[_nextCheckpoint];
            var c = signed.Checkpoint;
            if (_origin is not null && c.Origin != _origin)
            {
                return Bad(_lastGoodCheckpointSize, $"checkpoint {_nextCheckpoint + 1} is of log '{c.Origin}', the earlier ones of '{_origin}'");
            }

            _origin = c.Origin;
            if (!string.Equals(publicKey, _key, StringComparison.Ordinal) || !signed.Verify(_key, out var failure))
            {
                return Bad(_lastGoodCheckpointSize, $"the checkpoint at size {size} is not signed by the key in effect ({LedgerKeyId.Of(_key)}): the checkpoint was forged or the key history altered");
            }

            if (c.RootHash != _tree.Root())
            {
                return Bad(_lastGoodCheckpointSize, $"the signed checkpoint at size {size} has root {c.RootHash}, the stored entries give {_tree.Root()}: an entry from {_lastGoodCheckpointSize} to {size - 1} was altered");
            }

            _lastGoodCheckpointSize = size;
        }

        return null;
    }

    /// <summary>After the last entry: nothing may be left over, and the key must be the node's current one.</summary>
    public LedgerVerification Finish(string currentPublicKey)
    {
        var size = _tree.Size;
        if (_nextCheckpoint < _checkpoints.Count)
        {
            var beyond = _checkpoints[_nextCheckpoint].Checkpoint.Checkpoint.TreeSize;
            return Bad(size, $"a signed checkpoint covers {beyond} entries but only {size} are stored: entries from {size} on were deleted");
        }

        if (_nodes.Step())
        {
            return Bad(size, $"the tree holds node {_nodes.Int64(0)} beyond the last entry: entries from {size} on were deleted");
        }

        if (!string.Equals(_key, currentPublicKey, StringComparison.Ordinal))
        {
            return Bad(size, $"the log's last announced key is {LedgerKeyId.Of(_key)}, not the node's key {LedgerKeyId.Of(currentPublicKey)}");
        }

        return new LedgerVerification(size, _checkpoints.Count, _tree.Root(), null, null);
    }

    private LedgerVerification? Rotate(long seq, LedgerEntry entry)
    {
        if (!KeyRotation.TryDecode(entry.Payload.Span, out var rotation, out var failure)
            || !rotation.Verify(_key, _origin ?? rotation.Origin, out failure))
        {
            return Bad(seq, $"entry {seq} is a key rotation that does not verify: {failure}");
        }

        _key = rotation.NewPublicKey;
        return null;
    }

    private void CheckNode(int level, long index, TreeHash hash)
    {
        if (_nodeProblem is not null)
        {
            return;
        }

        var position = MerkleTree.Position(level, index);
        var first = index << level;
        if (!_nodes.Step())
        {
            (_nodeProblem, _nodeProblemEntry) = ($"tree node {position} (level {level}, entries {first} to {first + (1L << level) - 1}) is missing", first);
        }
        else if (_nodes.Int64(0) != position || !_nodes.Blob(1).SequenceEqual(hash.Bytes))
        {
            (_nodeProblem, _nodeProblemEntry) = level == 0
                ? ($"entry {index} was altered: its leaf hash is not the one stored in the tree", index)
                : ($"tree node {position} (level {level}, entries {first} to {first + (1L << level) - 1}) does not match the entries", first);
        }
    }

    private LedgerVerification Bad(long entry, string problem) => new(_tree.Size, _nextCheckpoint, null, entry, problem);

    private static bool Same(ReadOnlySpan<byte> column, string? text)
    {
        if (text is null)
        {
            return column.IsEmpty;
        }

        Span<byte> utf8 = stackalloc byte[LedgerEntry.MaxTextBytes];
        return Encoding.UTF8.TryGetBytes(text, utf8, out var written) && column.SequenceEqual(utf8[..written]);
    }
}
