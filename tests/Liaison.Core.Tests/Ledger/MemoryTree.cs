using Liaison.Core.Ledger;

namespace Liaison.Core.Tests.Ledger;

/// <summary>A tree held in memory, every level computed: the reference the stored tree and the proofs are checked against.</summary>
internal sealed class MemoryTree : ISubtreeHashes
{
    private readonly List<List<TreeHash>> _levels = [[]];

    public MemoryTree(IEnumerable<TreeHash> leaves)
    {
        foreach (var leaf in leaves)
        {
            Append(leaf);
        }
    }

    public long Size => _levels[0].Count;

    public IReadOnlyList<TreeHash> Leaves => _levels[0];

    public static MemoryTree OfEntries(IEnumerable<byte[]> entries) => new(entries.Select(e => MerkleHash.Leaf(e)));

    public void Append(TreeHash leaf)
    {
        _levels[0].Add(leaf);
        for (var level = 0; _levels[level].Count % 2 == 0; level++)
        {
            if (_levels.Count == level + 1)
            {
                _levels.Add([]);
            }

            var row = _levels[level];
            _levels[level + 1].Add(MerkleHash.Node(row[^2], row[^1]));
        }
    }

    public TreeHash Subtree(int level, long index) => _levels[level][(int)index];

    public TreeHash Root(long size) => MerkleTree.RootOf(_levels[0].Take((int)size).ToList());
}
