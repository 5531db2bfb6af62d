using Liaison.Core.Ledger;

namespace Liaison.Core.Tests.Ledger;

/// <summary>
/// The classic RFC 6962 / RFC 9162 reference tree of eight leaves, with the roots, inclusion and consistency proofs
/// Certificate Transparency implementations test against (as published with the transparency-dev Merkle library).
/// </summary>
public sealed class MerkleVectorTests
{
    private static readonly string[] LeafData = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"];

    private static readonly string[] Roots =
    [
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ];

    public static TheoryData<long, long, string[]> InclusionVectors => new()
    {
        { 0, 1, [] },
        { 0, 8, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7", "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e", "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"] },
        { 5, 8, ["bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b", "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0", "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"] },
        { 2, 3, ["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"] },
        { 1, 5, ["6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d", "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e", "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"] },
    };

    public static TheoryData<long, long, string[]> ConsistencyVectors => new()
    {
        { 1, 1, [] },
        { 1, 8, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7", "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e", "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"] },
        { 6, 8, ["0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a", "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0", "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"] },
        { 2, 5, ["5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e", "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"] },
        { 6, 7, ["0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a", "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f", "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"] },
    };

    private static MemoryTree Tree => MemoryTree.OfEntries(LeafData.Select(Convert.FromHexString));

    [Fact]
    public void The_empty_tree_hashes_to_sha256_of_nothing()
    {
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", MerkleTree.RootOf([]).ToString());
        Assert.Equal(MerkleHash.Empty, MerkleProofs.Root(Tree, 0));
    }

    [Fact]
    public void Every_prefix_of_the_reference_tree_has_its_known_root()
    {
        var tree = Tree;
        var frontier = new MerkleFrontier();
        for (var size = 1; size <= 8; size++)
        {
            frontier.Append(tree.Leaves[size - 1]);
            Assert.Equal(Roots[size - 1], MerkleTree.RootOf(tree.Leaves.Take(size).ToList()).ToString());
            Assert.Equal(Roots[size - 1], MerkleProofs.Root(tree, size).ToString());
            Assert.Equal(Roots[size - 1], frontier.Root().ToString());
        }
    }

    [Theory]
    [MemberData(nameof(InclusionVectors))]
    public void Inclusion_proofs_match_the_reference_and_verify(long index, long size, string[] expected)
    {
        var tree = Tree;

        var proof = MerkleProofs.Inclusion(tree, index, size);

        Assert.Equal(expected, proof.Select(h => h.ToString()));
        Assert.True(MerkleVerifier.VerifyInclusion(index, size, tree.Leaves[(int)index], proof, TreeHash.Parse(Roots[size - 1]), out var failure), failure);
    }

    [Theory]
    [MemberData(nameof(ConsistencyVectors))]
    public void Consistency_proofs_match_the_reference_and_verify(long oldSize, long newSize, string[] expected)
    {
        var proof = MerkleProofs.Consistency(Tree, oldSize, newSize);

        Assert.Equal(expected, proof.Select(h => h.ToString()));
        Assert.True(MerkleVerifier.VerifyConsistency(oldSize, newSize, TreeHash.Parse(Roots[oldSize - 1]), TreeHash.Parse(Roots[newSize - 1]), proof, out var failure), failure);
    }

    [Theory]
    [MemberData(nameof(InclusionVectors))]
    public void A_corrupted_inclusion_proof_never_verifies(long index, long size, string[] path)
    {
        var proof = path.Select(TreeHash.Parse).ToList();
        var root = TreeHash.Parse(Roots[size - 1]);
        var leaf = Tree.Leaves[(int)index];
        var some = TreeHash.Parse("abacaba000000000000000000000000000000000000000000060061e00123456");
        var probes = new List<(long Index, long Size, TreeHash Leaf, TreeHash Root, List<TreeHash> Proof)>
        {
            (index - 1, size, leaf, root, proof), (index + 1, size, leaf, root, proof), (index ^ 2, size, leaf, root, proof),
            (index, size * 2, leaf, root, proof), (index, size / 2, leaf, root, proof),
            (index, size, some, root, proof), (index, size, leaf, MerkleHash.Empty, proof), (index, size, leaf, some, proof),
            (index, size, leaf, root, [.. proof, root]), (index, size, leaf, root, [root, .. proof]),
        };
        for (var i = 0; i < proof.Count; i++)
        {
            probes.Add((index, size, leaf, root, [.. proof.Select((h, j) => j == i ? Flip(h, 3) : h)]));
        }

        if (proof.Count > 0)
        {
            probes.Add((index, size, leaf, root, proof[..^1]));
        }

        foreach (var p in probes)
        {
            Assert.False(MerkleVerifier.VerifyInclusion(p.Index, p.Size, p.Leaf, p.Proof, p.Root, out var failure), $"verified {p}");
            Assert.False(string.IsNullOrEmpty(failure));
        }
    }

    [Theory]
    [MemberData(nameof(ConsistencyVectors))]
    public void A_corrupted_consistency_proof_never_verifies(long oldSize, long newSize, string[] path)
    {
        if (path.Length == 0)
        {
            return;
        }

        var proof = path.Select(TreeHash.Parse).ToList();
        var root1 = TreeHash.Parse(Roots[oldSize - 1]);
        var root2 = TreeHash.Parse(Roots[newSize - 1]);
        var probes = new List<(long Old, long New, TreeHash Root1, TreeHash Root2, List<TreeHash> Proof)>
        {
            (oldSize - 1, newSize, root1, root2, proof), (oldSize + 1, newSize, root1, root2, proof), (oldSize ^ 2, newSize, root1, root2, proof),
            (oldSize, newSize * 2, root1, root2, proof), (oldSize, newSize / 2, root1, root2, proof),
            (oldSize, newSize, MerkleHash.Empty, root2, proof), (oldSize, newSize, root1, MerkleHash.Empty, proof), (oldSize, newSize, root2, root1, proof),
            (oldSize, newSize, root1, root2, []), (oldSize, newSize, root1, root2, [.. proof, root1]), (oldSize, newSize, root1, root2, [.. proof, root2]),
            (oldSize, newSize, root1, root2, [root1, .. proof]), (oldSize, newSize, root1, root2, [root2, .. proof]), (oldSize, newSize, root1, root2, [proof[0], .. proof]),
            (oldSize, newSize, root1, root2, proof[..^1]),
        };
        for (var i = 0; i < proof.Count; i++)
        {
            probes.Add((oldSize, newSize, root1, root2, [.. proof.Select((h, j) => j == i ? Flip(h, 4) : h)]));
        }

        foreach (var p in probes)
        {
            Assert.False(MerkleVerifier.VerifyConsistency(p.Old, p.New, p.Root1, p.Root2, p.Proof, out _), $"verified {p}");
        }
    }

    [Fact]
    public void Trivial_consistency_needs_an_empty_proof_and_equal_roots()
    {
        var a = TreeHash.Parse(Roots[0]);
        var b = TreeHash.Parse(Roots[1]);
        Assert.True(MerkleVerifier.VerifyConsistency(0, 0, a, a, [], out _));
        Assert.True(MerkleVerifier.VerifyConsistency(0, 5, a, b, [], out _));
        Assert.True(MerkleVerifier.VerifyConsistency(1, 1, b, b, [], out _));
        Assert.False(MerkleVerifier.VerifyConsistency(1, 1, a, b, [], out var sameSize));
        Assert.Contains("two different roots for the same size", sameSize, StringComparison.Ordinal);
        Assert.False(MerkleVerifier.VerifyConsistency(2, 1, a, b, [], out var shrink));
        Assert.Contains("cannot shrink", shrink, StringComparison.Ordinal);
        Assert.False(MerkleVerifier.VerifyConsistency(1, 1, a, a, [MerkleHash.Empty], out _));
        Assert.False(MerkleVerifier.VerifyConsistency(1, 2, a, b, [], out _));
    }

    [Fact]
    public void Post_order_positions_follow_the_order_appends_complete_subtrees()
    {
        var order = new List<(int, long)>();
        var frontier = new MerkleFrontier();
        for (var i = 0; i < 64; i++)
        {
            frontier.Append(MerkleHash.Leaf([(byte)i]), (level, index, _) => order.Add((level, index)));
        }

        Assert.Equal(Enumerable.Range(0, order.Count).Select(i => (long)i), order.Select(o => MerkleTree.Position(o.Item1, o.Item2)));
    }

    private static TreeHash Flip(TreeHash hash, int bit)
    {
        var bytes = hash.Bytes.ToArray();
        bytes[0] ^= (byte)(1 << bit);
        return TreeHash.FromBytes(bytes);
    }
}
