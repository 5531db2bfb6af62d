using System.Text.Json;
using Liaison.Core.Ledger;

namespace Liaison.Storage.Sqlite;

public sealed partial class SqliteStixStore
{
    /// <summary>The partner's checkpoints accepted so far, smallest first.</summary>
    public IReadOnlyList<SignedCheckpoint> PartnerCheckpoints(string partner) => PartnerCheckpoints(partner, null);

    private List<SignedCheckpoint> PartnerCheckpoints(string partner, Microsoft.Data.Sqlite.SqliteTransaction? transaction)
    {
        ArgumentNullException.ThrowIfNull(partner);
        using var command = Command("SELECT origin, tree_size, root_hash, time_us, key_id, signature FROM partner_checkpoints WHERE partner = $p ORDER BY tree_size", transaction);
        command.Parameters.AddWithValue("$p", partner);
        using var reader = command.ExecuteReader();
        var result = new List<SignedCheckpoint>();
        while (reader.Read())
        {
            result.Add(ReadCheckpoint(reader));
        }

        return result;
    }

    /// <summary>
    /// Verifies a partner's checkpoint against its pinned key and every checkpoint held from it
    /// (<see cref="CheckpointVerifier"/>) and stores it only when accepted. A fork is returned, never stored over.
    /// </summary>
    public CheckpointCheck AcceptPartnerCheckpoint(string partner, string pinnedPublicKey, SignedCheckpoint checkpoint, IEnumerable<ConsistencyProof> proofs)
    {
        ArgumentNullException.ThrowIfNull(partner);
        ArgumentNullException.ThrowIfNull(checkpoint);
        using var transaction = _connection.BeginTransaction(deferred: false);
        var check = CheckpointVerifier.Verify(pinnedPublicKey, PartnerCheckpoints(partner, transaction), checkpoint, proofs);
        if (check.IsAccepted)
        {
            using var insert = Command(
                "INSERT OR IGNORE INTO partner_checkpoints (partner, tree_size, origin, root_hash, time_us, key_id, signature, received_at_us) " +
                "VALUES ($p, $s, $o, $r, $t, $k, $sig, $now)", transaction);
            var c = checkpoint.Checkpoint;
            insert.Parameters.AddWithValue("$p", partner);
            insert.Parameters.AddWithValue("$s", c.TreeSize);
            insert.Parameters.AddWithValue("$o", c.Origin);
            insert.Parameters.AddWithValue("$r", c.RootHash.Bytes.ToArray());
            insert.Parameters.AddWithValue("$t", c.TimeMicroseconds);
            insert.Parameters.AddWithValue("$k", checkpoint.KeyId);
            insert.Parameters.AddWithValue("$sig", checkpoint.Signature);
            insert.Parameters.AddWithValue("$now", NowMicroseconds());
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
        return check;
    }

    /// <summary>
    /// Keeps a partner's receipt exactly as received (its <c>x-liaison-receipt</c> STIX object, checkpoint embedded),
    /// after checking its signatures with the partner's pinned key; returns why it was refused, or null when kept.
    /// </summary>
    public string? SavePartnerReceipt(string partner, string pinnedPublicKey, JsonElement receiptObject)
    {
        ArgumentNullException.ThrowIfNull(partner);
        if (!LedgerStix.TryReceiptFromStix(receiptObject, out var receipt, out var failure) || !receipt.Verify(pinnedPublicKey, out failure))
        {
            return failure;
        }

        using var insert = Command("INSERT INTO partner_receipts (partner, received_at_us, receipt) VALUES ($p, $now, $json)");
        insert.Parameters.AddWithValue("$p", partner);
        insert.Parameters.AddWithValue("$now", NowMicroseconds());
        insert.Parameters.AddWithValue("$json", JsonSerializer.SerializeToUtf8Bytes(receiptObject));
        insert.ExecuteNonQuery();
        return null;
    }

    /// <summary>The partner's receipts kept so far, in the order received (signatures were checked when kept).</summary>
    public IReadOnlyList<SignedReceipt> PartnerReceipts(string partner)
    {
        ArgumentNullException.ThrowIfNull(partner);
        using var command = Command("SELECT seq, receipt FROM partner_receipts WHERE partner = $p ORDER BY seq");
        command.Parameters.AddWithValue("$p", partner);
        using var reader = command.ExecuteReader();
        var result = new List<SignedReceipt>();
        while (reader.Read())
        {
            using var document = JsonDocument.Parse((byte[])reader[1]);
            if (!LedgerStix.TryReceiptFromStix(document.RootElement, out var receipt, out var failure))
            {
                throw new StoreException($"stored receipt {reader.GetInt64(0)} from {partner} is damaged: {failure}");
            }

            result.Add(receipt);
        }

        return result;
    }
}
