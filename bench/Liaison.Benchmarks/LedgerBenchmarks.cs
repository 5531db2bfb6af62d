using BenchmarkDotNet.Attributes;
using Liaison.Core.Canonical;
using Liaison.Core.Ledger;

namespace Liaison.Benchmarks;

/// <summary>
/// The ledger per entry and per proof: appending 10,000 release entries in one transaction (encode, leaf and node
/// hashes, entry and tree rows), and inclusion and consistency proofs read from the stored tree of 1,000,000 entries
/// built once.
/// </summary>
[BenchConfig]
[MemoryDiagnoser]
public class LedgerBenchmarks
{
    private const int BatchEntries = 10_000;
    private const int LogEntries = 1_000_000;

    private LedgerEntry[] _batch = [];
    private TempDatabase? _fresh;
    private TempDatabase? _large;
    private long _next;

    [GlobalSetup]
    public void Setup()
    {
        _batch = [.. Enumerable.Range(0, BatchEntries).Select(Entry)];
        _large = new TempDatabase();
        for (var start = 0; start < LogEntries; start += BatchEntries)
        {
            _large.Store.AppendLedger(Enumerable.Range(start, BatchEntries).Select(Entry));
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _large?.Dispose();

    [IterationSetup(Target = nameof(AppendBatch))]
    public void OpenFreshDatabase() => _fresh = new TempDatabase();

    [IterationCleanup(Target = nameof(AppendBatch))]
    public void DeleteDatabase()
    {
        _fresh?.Dispose();
        _fresh = null;
    }

    [Benchmark(OperationsPerInvoke = BatchEntries)]
    public long AppendBatch()
    {
        using var batch = _fresh!.Store.BeginBatch();
        long last = 0;
        foreach (var entry in _batch)
        {
            last = batch.AppendLedger(entry).Index;
        }

        batch.Commit();
        return last;
    }

    [Benchmark]
    public int InclusionProof() => _large!.Store.LedgerInclusionProof(_next++ * 7919 % LogEntries, LogEntries).Path.Count;

    [Benchmark]
    public int ConsistencyProof() => _large!.Store.LedgerConsistencyProof(1 + (_next++ * 7919 % (LogEntries - 1)), LogEntries).Path.Count;

    private static LedgerEntry Entry(int i)
    {
        var hash = new byte[ContentHash.Length];
        BitConverter.TryWriteBytes(hash, i);
        return new LedgerEntry(LedgerEntryKind.Release, 1_450_166_400_000_000 + i, "RUS", $"incident--{i:x8}-0000-4000-8000-000000000000", 1_450_166_400_000_000, "RUS v3 release[0]", ContentHash.FromBytes(hash));
    }
}
