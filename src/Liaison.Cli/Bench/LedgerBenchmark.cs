using System.Diagnostics;
using Liaison.Core.Canonical;
using Liaison.Core.Crypto;
using Liaison.Core.Ledger;
using Liaison.Storage.Sqlite;

namespace Liaison.Cli.Bench;

/// <summary>
/// The ledger end to end on a fresh database: release entries appended in transactions of 10,000 with a signed
/// checkpoint after each (as the release pipeline does per batch), then a full verification, then random inclusion
/// and consistency proofs against the whole log.
/// </summary>
internal static class LedgerBenchmark
{
    private const int BatchSize = 10_000;

    /// <summary>Wall-clock and CPU seconds (the CPU figure is what the work costs when other processes share the cores).</summary>
    public sealed record Result(long Entries, double AppendSeconds, double AppendCpuSeconds, double VerifySeconds, double VerifyCpuSeconds, bool Valid,
        List<double> InclusionMilliseconds, List<double> ConsistencyMilliseconds, long DatabaseBytes);

    public static Result Run(string directory, int entries, int proofs, int seed)
    {
        var path = Path.Combine(directory, "ledger.db");
        using var key = NodeKey.Generate();
        using var store = SqliteStixStore.Open(path, SystemClock.Instance);
        var origin = "liaison/bench";
        var append = new Stopwatch();
        var appendCpu = TimeSpan.Zero;
        for (var start = 0; start < entries; start += BatchSize)
        {
            // Entries are built outside the timing: they are the caller's; encoding, hashing and storing are the ledger's.
            var batchEntries = Enumerable.Range(start, Math.Min(BatchSize, entries - start)).Select(Entry).ToList();
            append.Start();
            var cpu = Cpu();
            using (var batch = store.BeginBatch())
            {
                foreach (var entry in batchEntries)
                {
                    batch.AppendLedger(entry);
                }

                batch.IssueCheckpoint(origin, key, "RUS");
                batch.Commit();
            }

            append.Stop();
            appendCpu += Cpu() - cpu;
        }

        var verifyCpu = Cpu();
        var verify = Stopwatch.StartNew();
        var verification = store.VerifyLedger(key.PublicKeyBase64);
        verify.Stop();
        verifyCpu = Cpu() - verifyCpu;
        var random = new Random(seed);
        var inclusion = new List<double>(proofs);
        var consistency = new List<double>(proofs);
        for (var i = 0; i < proofs; i++)
        {
            var index = random.NextInt64(entries);
            var watch = Stopwatch.StartNew();
            store.LedgerInclusionProof(index, entries);
            inclusion.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            store.LedgerConsistencyProof(1 + index, entries);
            consistency.Add(watch.Elapsed.TotalMilliseconds);
        }

        return new Result(entries, append.Elapsed.TotalSeconds, appendCpu.TotalSeconds, verify.Elapsed.TotalSeconds, verifyCpu.TotalSeconds,
            verification.IsValid, inclusion, consistency, new FileInfo(path).Length);
    }

    private static TimeSpan Cpu() => Process.GetCurrentProcess().TotalProcessorTime;

    private static LedgerEntry Entry(int i)
    {
        Span<byte> hash = stackalloc byte[ContentHash.Length];
        BitConverter.TryWriteBytes(hash, i);
        hash[^1] = 0x5a;
        var time = 1_450_166_400_000_000L + (i * 1000L);
        return new LedgerEntry(LedgerEntryKind.Release, time, "RUS", $"incident--{(uint)i:x8}-0000-4000-8000-{(uint)(i * 2654435761u):x12}", time - 3_600_000_000, "RUS v3 release[0]", ContentHash.FromBytes(hash));
    }
}
