using CsCheck;
using Liaison.Core.Ledger;

namespace Liaison.Core.Tests.Ledger;

// Randomised: on failure CsCheck prints the shrunk case and its seed; pass it as `seed:` to Sample to replay.
public sealed class MerklePropertyTests
{
    private const long Iterations = 300;

    private static readonly Gen<MemoryTree> Trees = Gen.Int[1, 300].Select(size =>
        new MemoryTree(Enumerable.Range(0, size).Select(i => MerkleHash.Leaf(BitConverter.GetBytes(i * 7919)))));

    [Fact]
    public void Every_root_from_stored_subtrees_and_from_the_frontier_equals_the_tree_head()
    {
        Trees.Sample(tree =>
        {
            var frontier = new MerkleFrontier();
            for (var size = 1; size <= tree.Size; size++)
            {
                frontier.Append(tree.Leaves[size - 1]);
                var head = tree.Root(size);
                Assert.Equal(head, MerkleProofs.Root(tree, size));
                Assert.Equal(head, frontier.Root());
            }

            var resumed = new MerkleFrontier(tree.Size, MerkleFrontier.PeaksOf(tree.Size).Select(p => tree.Subtree(p.Level, p.Index)));
            Assert.Equal(frontier.Root(), resumed.Root());
        }, iter: 60);
    }

    [Fact]
    public void Every_inclusion_proof_verifies_and_any_flipped_bit_breaks_it()
    {
        Gen.Select(Trees, Gen.Int, Gen.Int).Sample((tree, a, b) =>
        {
            var size = 1 + (Math.Abs(a % (int)tree.Size));
            var index = Math.Abs(b % size);
            var root = tree.Root(size);
            var proof = MerkleProofs.Inclusion(tree, index, size);
            Assert.True(MerkleVerifier.VerifyInclusion(index, size, tree.Leaves[index], proof, root, out var failure), failure);
            if (proof.Count > 0)
            {
                var broken = proof.ToList();
                broken[Math.Abs(a % proof.Count)] = FlipBit(broken[Math.Abs(a % proof.Count)], Math.Abs(b % 256));
                Assert.False(MerkleVerifier.VerifyInclusion(index, size, tree.Leaves[index], broken, root, out _));
            }

            Assert.False(MerkleVerifier.VerifyInclusion(index, size, FlipBit(tree.Leaves[index], Math.Abs(a % 256)), proof, root, out _));
        }, iter: Iterations);
    }

    [Fact]
    public void Every_consistency_proof_verifies_and_any_flipped_bit_breaks_it()
    {
        Gen.Select(Trees, Gen.Int, Gen.Int).Sample((tree, a, b) =>
        {
            var newSize = 1 + (Math.Abs(a % (int)tree.Size));
            var oldSize = 1 + Math.Abs(b % newSize);
            var proof = MerkleProofs.Consistency(tree, oldSize, newSize);
            Assert.True(MerkleVerifier.VerifyConsistency(oldSize, newSize, tree.Root(oldSize), tree.Root(newSize), proof, out var failure), failure);
            if (proof.Count > 0)
            {
                var broken = proof.ToList();
                broken[Math.Abs(b % proof.Count)] = FlipBit(broken[Math.Abs(b % proof.Count)], Math.Abs(a % 256));
                Assert.False(MerkleVerifier.VerifyConsistency(oldSize, newSize, tree.Root(oldSize), tree.Root(newSize), broken, out _));
                Assert.False(MerkleVerifier.VerifyConsistency(oldSize, newSize, FlipBit(tree.Root(oldSize), a & 255), tree.Root(newSize), proof, out _));
            }
        }, iter: Iterations);
    }

    [Fact]
    public void A_history_that_changed_one_old_leaf_is_never_consistent_with_the_original()
    {
        Gen.Select(Trees, Gen.Int, Gen.Int).Sample((tree, a, b) =>
        {
            var oldSize = 1 + Math.Abs(a % (int)tree.Size);
            var changed = Math.Abs(b % oldSize);
            var rewritten = new MemoryTree(tree.Leaves.Select((leaf, i) => i == changed ? FlipBit(leaf, 0) : leaf));
            var newSize = tree.Size;
            var proof = MerkleProofs.Consistency(rewritten, oldSize, newSize);
            Assert.False(MerkleVerifier.VerifyConsistency(oldSize, newSize, tree.Root(oldSize), rewritten.Root(newSize), proof, out _));
        }, iter: Iterations);
    }

    private static TreeHash FlipBit(TreeHash hash, int bit)
    {
        var bytes = hash.Bytes.ToArray();
        bytes[bit / 8] ^= (byte)(1 << (bit % 8));
        return TreeHash.FromBytes(bytes);
    }
}
