using Liaison.Core.Ledger;
using Microsoft.Data.Sqlite;

namespace Liaison.Storage.Sqlite;

/// <summary>Complete subtree hashes read from <c>ledger_tree</c> by post-order position, for roots and proofs. Not thread safe.</summary>
internal sealed class LedgerSubtrees : ISubtreeHashes, IDisposable
{
    private readonly RawStatement _find;

    public LedgerSubtrees(SqliteConnection connection) => _find = new RawStatement(connection, "SELECT hash FROM ledger_tree WHERE position = ?1");

    public TreeHash Subtree(int level, long index)
    {
        var position = MerkleTree.Position(level, index);
        _find.Bind(1, position);
        try
        {
            if (!_find.Step() || _find.Blob(0).Length != TreeHash.Length)
            {
                throw new StoreException($"the ledger is damaged: tree node {position} (level {level}, index {index}) is missing; run 'liaison ledger verify'");
            }

            return TreeHash.FromBytes(_find.Blob(0));
        }
        finally
        {
            _find.Reset();
        }
    }

    public void Dispose() => _find.Dispose();
}
