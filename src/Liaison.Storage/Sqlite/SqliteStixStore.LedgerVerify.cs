using Liaison.Core.Ledger;
using Liaison.Storage.Ledger;

namespace Liaison.Storage.Sqlite;

public sealed partial class SqliteStixStore
{
    /// <summary>
    /// Recomputes the whole ledger from its rows and stops at the first problem: a missing, altered or moved entry
    /// (each entry's encoding holds its own index), a stored tree node that does not match the entries, an issued
    /// checkpoint whose root or signature does not match, a key rotation not signed by the key it retires. One pass,
    /// O(n) hashes, constant memory.
    /// </summary>
    /// <param name="currentPublicKey">The node's key now (base64): the last key the log announces must be this one.</param>
    public LedgerVerification VerifyLedger(string currentPublicKey)
    {
        ArgumentNullException.ThrowIfNull(currentPublicKey);
        var checkpoints = IssuedCheckpoints().OrderBy(c => c.Checkpoint.Checkpoint.TreeSize).ToList();
        using var entries = new RawStatement(_connection, "SELECT seq, partner, object_id, entry FROM ledger_entries ORDER BY seq");
        using var nodes = new RawStatement(_connection, "SELECT position, hash FROM ledger_tree ORDER BY position");
        var audit = new LedgerAudit(checkpoints, InitialKey(currentPublicKey), nodes);
        try
        {
            if (audit.CheckCheckpointsAt(0) is { } atZero)
            {
                return atZero;
            }

            while (entries.Step())
            {
                if (audit.Entry(entries.Int64(0), entries.Blob(1), entries.Blob(2), entries.Blob(3)) is { } problem)
                {
                    return problem;
                }
            }

            return audit.Finish(currentPublicKey);
        }
        finally
        {
            entries.Reset();
            nodes.Reset();
        }
    }

    // The first rotation's old key signed everything before it; without rotations the current key signed everything.
    private string InitialKey(string currentPublicKey)
    {
        using var command = Command("SELECT seq, entry FROM ledger_entries WHERE partner IS NULL AND object_id IS NULL ORDER BY seq");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (LedgerEncoding.TryDecode((byte[])reader[1], out _, out var entry, out _) && entry.Kind == LedgerEntryKind.KeyRotation
                && KeyRotation.TryDecode(entry.Payload.Span, out var rotation, out _))
            {
                return rotation.OldPublicKey;
            }
        }

        return currentPublicKey;
    }
}
