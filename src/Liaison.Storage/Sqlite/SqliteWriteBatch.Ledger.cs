using Liaison.Core.Crypto;
using Liaison.Core.Ledger;
using Liaison.Core.Stix;
using Liaison.Storage.Ledger;

namespace Liaison.Storage.Sqlite;

public sealed partial class SqliteWriteBatch
{
    private MerkleFrontier? _ledger;
    private RawStatement? _insertEntry;
    private RawStatement? _insertNode;
    private Action<int, long, TreeHash>? _storeNode;

    /// <summary>
    /// Appends an entry to the node's ledger in this batch's transaction, so a release and its entry (or a receipt and
    /// the objects received) are committed together or not at all. Entries are never edited or removed afterwards.
    /// </summary>
    /// <returns>The entry as stored, with its index in the log.</returns>
    public LedgerRecord AppendLedger(LedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ObjectDisposedException.ThrowIf(_completed, this);
        var ledger = LoadLedger();
        var index = ledger.Size;
        var encoded = LedgerEncoding.Encode(index, entry);
        _insertEntry!.Bind(1, index);
        BindText(_insertEntry, 2, entry.Partner);
        BindText(_insertEntry, 3, entry.ObjectId);
        _insertEntry.Bind(4, encoded).Execute();
        ledger.Append(MerkleHash.Leaf(encoded), _storeNode);
        return new LedgerRecord(index, entry, encoded);
    }

    /// <summary>
    /// Signs and records a checkpoint of the ledger as this batch leaves it (its entries included), to publish to
    /// <paramref name="partner"/> (null: not published yet). The time is the store clock's.
    /// </summary>
    public SignedCheckpoint IssueCheckpoint(string origin, NodeKey key, string? partner = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        ObjectDisposedException.ThrowIf(_completed, this);
        var ledger = LoadLedger();
        var checkpoint = SignedCheckpoint.Sign(new Checkpoint(origin, ledger.Size, ledger.Root(), StixTimestamp.UnixMicrosecondsOf(_clock.UtcNow)), key);
        using var insert = new RawStatement(_connection,
            "INSERT INTO ledger_checkpoints (tree_size, time_us, origin, root_hash, key_id, public_key, signature, partner) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
        var c = checkpoint.Checkpoint;
        insert.Bind(1, c.TreeSize).Bind(2, c.TimeMicroseconds).Bind(3, c.Origin).Bind(4, c.RootHash.Bytes)
            .Bind(5, checkpoint.KeyId).Bind(6, key.PublicKeyBase64).Bind(7, checkpoint.Signature);
        BindText(insert, 8, partner);
        insert.Execute();
        return checkpoint;
    }

    /// <summary>
    /// The proof that the ledger of <paramref name="oldSize"/> entries is a prefix of the ledger as this batch leaves it
    /// at <paramref name="newSize"/> (read inside the batch, so its own entries count).
    /// </summary>
    public ConsistencyProof LedgerConsistencyProof(long oldSize, long newSize)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        using var subtrees = new LedgerSubtrees(_connection);
        return new ConsistencyProof(oldSize, newSize, MerkleProofs.Consistency(subtrees, oldSize, newSize));
    }

    /// <summary>The peaks (complete subtree roots, largest first) of the ledger at <paramref name="size"/> entries, read inside the batch.</summary>
    public IReadOnlyList<TreeHash> LedgerPeaks(long size)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        using var subtrees = new LedgerSubtrees(_connection);
        return MerkleFrontier.PeaksOf(size).Select(p => subtrees.Subtree(p.Level, p.Index)).ToList();
    }

    // The right edge of the tree, read once per batch: O(log n) rows.
    private MerkleFrontier LoadLedger()
    {
        if (_ledger is not null)
        {
            return _ledger;
        }

        _insertEntry = Prepare("INSERT INTO ledger_entries (seq, partner, object_id, entry) VALUES (?1, ?2, ?3, ?4)");
        _insertNode = Prepare("INSERT INTO ledger_tree (position, hash) VALUES (?1, ?2)");
        _storeNode = (level, at, hash) => _insertNode.Bind(1, MerkleTree.Position(level, at)).Bind(2, hash.Bytes).Execute();
        using var last = new RawStatement(_connection, "SELECT MAX(seq) FROM ledger_entries");
        var size = last.QueryInt64() is { } max ? max + 1 : 0;
        using var subtrees = new LedgerSubtrees(_connection);
        _ledger = new MerkleFrontier(size, [.. MerkleFrontier.PeaksOf(size).Select(p => subtrees.Subtree(p.Level, p.Index))]);
        return _ledger;
    }

    private static void BindText(RawStatement statement, int index, string? text)
    {
        if (text is null)
        {
            statement.BindNull(index);
        }
        else
        {
            statement.Bind(index, text);
        }
    }
}
