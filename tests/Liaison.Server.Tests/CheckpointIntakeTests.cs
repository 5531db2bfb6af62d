using System.Text.Json;
using Liaison.Core.Crypto;
using Liaison.Core.Ledger;
using Liaison.Server.Sync;
using Liaison.Storage.Sqlite;

namespace Liaison.Server.Tests;

/// <summary>A partner's published checkpoints: kept when signed and consistent, refused loudly when they fork or are forged.</summary>
public sealed class CheckpointIntakeTests : IDisposable
{
    private const string Origin = "liaison/identity--b1c0b9d2-6f0e-4c55-9f51-3c1a3f9e2a10";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"liaison-intake-{Guid.NewGuid():N}");
    private readonly NodeKey _partnerKey = NodeKey.Generate();

    public CheckpointIntakeTests() => Directory.CreateDirectory(_directory);

    public void Dispose()
    {
        _partnerKey.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static JsonElement Stix(SignedCheckpoint checkpoint, ConsistencyProof? proof = null) =>
        JsonSerializer.SerializeToElement(LedgerStix.ToStix(checkpoint, "identity--b1c0b9d2-6f0e-4c55-9f51-3c1a3f9e2a10", proof));

    private SignedCheckpoint Signed(List<byte[]> leaves, NodeKey? key = null) =>
        SignedCheckpoint.Sign(new Checkpoint(Origin, leaves.Count, MerkleTree.RootOf(leaves.Select(l => MerkleHash.Leaf(l)).ToList()), 1_000_000), key ?? _partnerKey);

    [Fact]
    public void Consistent_checkpoints_are_kept_and_a_fork_or_a_forged_one_is_refused()
    {
        using var store = SqliteStixStore.Open(Path.Combine(_directory, "node.db"), new FixedClock());
        var partner = store.AddPartner("RUS", "https://rus.example/taxii2/", _partnerKey.PublicKeyBase64, "admin").Partner;
        var history = Enumerable.Range(0, 8).Select(i => new[] { (byte)i }).ToList();
        var rewritten = history.Take(5).Append([99]).Append([98]).Append([97]).ToList();
        var first = Signed(history.Take(5).ToList());
        var second = Signed(history);
        var proof = new ConsistencyProof(5, 8, MerkleProofs.Consistency(new MemorySubtrees(history), 5, 8));
        using var stranger = NodeKey.Generate();

        var accepted = CheckpointIntake.Accept(store, partner, [Stix(second, proof), Stix(first)]);
        var fork = CheckpointIntake.Accept(store, partner, [Stix(Signed(rewritten))]);
        var forged = CheckpointIntake.Accept(store, partner, [Stix(Signed(history.Take(6).ToList(), stranger))]);

        Assert.All(accepted, c => Assert.True(c.IsAccepted, c.Message));
        Assert.Equal(2, store.PartnerCheckpoints("RUS").Count);
        Assert.True(Assert.Single(fork).IsFork);
        Assert.StartsWith("FORK", fork[0].Message, StringComparison.Ordinal);
        Assert.Equal(CheckpointOutcome.BadSignature, Assert.Single(forged).Outcome);
        Assert.Equal(2, store.PartnerCheckpoints("RUS").Count);
    }

    private sealed class FixedClock : Core.IClock
    {
        public DateTimeOffset UtcNow => new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    }

    /// <summary>Subtree hashes of a tree held in memory, to make a partner's proofs without a store.</summary>
    private sealed class MemorySubtrees(IReadOnlyList<byte[]> leaves) : ISubtreeHashes
    {
        public TreeHash Subtree(int level, long index) =>
            MerkleTree.RootOf(leaves.Skip((int)(index << level)).Take(1 << level).Select(l => MerkleHash.Leaf(l)).ToList());
    }
}
