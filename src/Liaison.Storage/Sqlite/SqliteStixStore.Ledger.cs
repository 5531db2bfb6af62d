using Liaison.Core.Crypto;
using Liaison.Core.Ledger;
using Liaison.Storage.Ledger;
using Microsoft.Data.Sqlite;

namespace Liaison.Storage.Sqlite;

public sealed partial class SqliteStixStore
{
    /// <summary>How many entries the node's ledger holds.</summary>
    public long LedgerSize
    {
        get
        {
            using var command = Command("SELECT MAX(seq) FROM ledger_entries");
            return command.ExecuteScalar() is long max ? max + 1 : 0;
        }
    }

    /// <summary>Appends entries in one transaction of their own (see <see cref="SqliteWriteBatch.AppendLedger"/> to append within a batch).</summary>
    public IReadOnlyList<LedgerRecord> AppendLedger(IEnumerable<LedgerEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        using var batch = BeginBatch();
        var records = entries.Select(batch.AppendLedger).ToList();
        batch.Commit();
        return records;
    }

    /// <summary>Signs and records a checkpoint of the whole ledger in a transaction of its own.</summary>
    public SignedCheckpoint IssueCheckpoint(string origin, NodeKey key, string? partner = null)
    {
        using var batch = BeginBatch();
        var checkpoint = batch.IssueCheckpoint(origin, key, partner);
        batch.Commit();
        return checkpoint;
    }

    /// <summary>The entry at <paramref name="index"/>; null when there is none.</summary>
    /// <exception cref="StoreException">The stored bytes are not an entry (the ledger is damaged).</exception>
    public LedgerRecord? LedgerEntryAt(long index) => ReadLedger("WHERE seq = $a", index, 0).FirstOrDefault();

    /// <summary>Up to <paramref name="count"/> entries from <paramref name="from"/> on, in log order.</summary>
    public IReadOnlyList<LedgerRecord> LedgerEntries(long from, int count) => ReadLedger("WHERE seq >= $a ORDER BY seq LIMIT $b", from, count);

    /// <summary>Every entry about an object (for one partner, or any), in log order.</summary>
    public IReadOnlyList<LedgerRecord> FindLedgerEntries(string objectId, string? partner = null)
    {
        ArgumentNullException.ThrowIfNull(objectId);
        using var command = Command(partner is null
            ? "SELECT seq, entry FROM ledger_entries WHERE object_id = $o ORDER BY seq"
            : "SELECT seq, entry FROM ledger_entries WHERE object_id = $o AND partner = $p ORDER BY seq");
        command.Parameters.AddWithValue("$o", objectId);
        command.Parameters.AddWithValue("$p", (object?)partner ?? DBNull.Value);
        return Records(command);
    }

    /// <summary>The ledger's root at <paramref name="size"/> entries (O(log n) reads).</summary>
    public TreeHash LedgerRoot(long size)
    {
        CheckSize(size);
        using var subtrees = new LedgerSubtrees(_connection);
        return MerkleProofs.Root(subtrees, size);
    }

    /// <summary>The inclusion proof of entry <paramref name="index"/> in the ledger of <paramref name="size"/> entries.</summary>
    public InclusionProof LedgerInclusionProof(long index, long size)
    {
        CheckSize(size);
        using var subtrees = new LedgerSubtrees(_connection);
        return new InclusionProof(index, size, MerkleProofs.Inclusion(subtrees, index, size));
    }

    /// <summary>The proof that the ledger of <paramref name="oldSize"/> entries is a prefix of the ledger of <paramref name="newSize"/>.</summary>
    public ConsistencyProof LedgerConsistencyProof(long oldSize, long newSize)
    {
        CheckSize(newSize);
        using var subtrees = new LedgerSubtrees(_connection);
        return new ConsistencyProof(oldSize, newSize, MerkleProofs.Consistency(subtrees, oldSize, newSize));
    }

    /// <summary>The checkpoints this node issued, oldest first, with the key each was signed with (base64).</summary>
    public IReadOnlyList<(SignedCheckpoint Checkpoint, string PublicKey, string? Partner)> IssuedCheckpoints()
    {
        using var command = Command("SELECT origin, tree_size, root_hash, time_us, key_id, signature, public_key, partner FROM ledger_checkpoints ORDER BY seq");
        using var reader = command.ExecuteReader();
        var result = new List<(SignedCheckpoint, string, string?)>();
        while (reader.Read())
        {
            result.Add((ReadCheckpoint(reader), reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7)));
        }

        return result;
    }

    private void CheckSize(long size)
    {
        var stored = LedgerSize;
        if (size < 0 || size > stored)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, $"the ledger holds {stored} entries");
        }
    }

    private List<LedgerRecord> ReadLedger(string where, long a, int b)
    {
        using var command = Command("SELECT seq, entry FROM ledger_entries " + where);
        command.Parameters.AddWithValue("$a", a);
        command.Parameters.AddWithValue("$b", b);
        return Records(command);
    }

    private static List<LedgerRecord> Records(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var records = new List<LedgerRecord>();
        while (reader.Read())
        {
            var seq = reader.GetInt64(0);
            var bytes = (byte[])reader[1];
            if (!LedgerEncoding.TryDecode(bytes, out var index, out var entry, out var failure) || index != seq)
            {
                throw new StoreException($"the ledger is damaged at entry {seq}: {failure ?? $"the row holds entry {index}"}; run 'liaison ledger verify'");
            }

            records.Add(new LedgerRecord(seq, entry, bytes));
        }

        return records;
    }

    private static SignedCheckpoint ReadCheckpoint(SqliteDataReader reader) =>
        new(new Checkpoint(reader.GetString(0), reader.GetInt64(1), TreeHash.FromBytes((byte[])reader[2]), reader.GetInt64(3)), reader.GetString(4), reader.GetString(5));
}
