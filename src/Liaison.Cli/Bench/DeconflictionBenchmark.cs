using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Liaison.Cli.Commands;
using Liaison.Cli.Output;
using Liaison.Core.Deconfliction;
using Liaison.Core.Extensions;
using Liaison.Core.Validation;
using Liaison.Storage.Deconfliction;
using Liaison.Storage.Ingest;
using Liaison.Storage.Sqlite;

namespace Liaison.Cli.Bench;

/// <summary>
/// <c>liaison bench deconflict</c>: generates active notices, reads them, files them in the index, times checks of
/// new notices one by one (p50, p99, max) and measures the index's memory; then stores the notices in a temporary
/// node through the ingest pipeline and rebuilds the index from it, to show what the store adds.
/// </summary>
internal static class DeconflictionBenchmark
{
    public static Command Command(GlobalOptions globals, CliEnvironment environment)
    {
        var notices = new Option<int>("--notices") { Description = "Active notices in the index.", DefaultValueFactory = _ => 100_000 };
        var queries = new Option<int>("--queries") { Description = "New notices to check, one at a time.", DefaultValueFactory = _ => 10_000 };
        var seed = new Option<int>("--seed") { Description = "Corpus seed (the same seed gives the same notices).", DefaultValueFactory = _ => 2015 };
        var dense = new Option<bool>("--dense") { Description = "Pack the notices into the eastern Mediterranean (ten times denser) instead of a theatre." };
        var command = new Command("deconflict", "Check new notices against N active ones: p50/p99 latency, filing rate, memory, and store + rebuild rates.") { notices, queries, seed, dense };
        command.SetAction(parse =>
        {
            var output = new CliOutput(environment, parse.GetValue(globals.Json));
            if (parse.GetValue(notices) < 1 || parse.GetValue(queries) < 1)
            {
                throw new CliException(ExitCodes.Usage, "--notices and --queries must be at least 1");
            }

            Run(output, parse.GetValue(notices), parse.GetValue(queries), parse.GetValue(seed), parse.GetValue(dense));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Run(CliOutput output, int count, int queryCount, int seed, bool dense)
    {
        var corpus = new NoticeCorpus(seed, dense);
        var json = Enumerable.Range(0, count + queryCount).Select(n => JsonSerializer.SerializeToUtf8Bytes(corpus.Next(n))).ToList();

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var read = Stopwatch.StartNew();
        var subjects = json.Take(count).Select(Read).ToList();
        read.Stop();
        var index = new DeconflictionIndex(DeconflictionRules.Default);
        var file = Stopwatch.StartNew();
        foreach (var subject in subjects)
        {
            index.Upsert(subject);
        }

        file.Stop();
        subjects = null;
        var indexBytes = GC.GetTotalMemory(forceFullCollection: true) - before;
        var queriesToRun = json.Skip(count).Select(Read).ToList();

        // Untimed first pass: the figures are for the optimised code, not for the JIT's first tier.
        foreach (var query in queriesToRun.Take(1_000))
        {
            index.Check(query);
        }

        var latencies = new List<double>(queryCount);
        var conflicts = 0L;
        foreach (var query in queriesToRun)
        {
            var started = Stopwatch.GetTimestamp();
            conflicts += index.Check(query).Count;
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        latencies.Sort();
        var (storeRate, rebuildRate) = StoreAndRebuild(json.Take(count));
        var rows = new List<(string, string)>
        {
            ("machine", $"{Environment.ProcessorCount} cores, {Environment.OSVersion}"),
            ("active notices", $"{count:N0} ({(dense ? "dense: eastern Mediterranean" : "theatre: 10° W–60° E, 10°–60° N")})"),
            ("read from STIX JSON (geometry validated)", $"{count / read.Elapsed.TotalSeconds:N0} notices/s"),
            ("filed in the index", $"{count / file.Elapsed.TotalSeconds:N0} notices/s"),
            ("managed memory of the index with its notices", $"{indexBytes / (1024.0 * 1024):F0} MiB"),
            ("check of a new notice p50 / p99 / max", $"{BenchCommand.At(latencies, 0.5):F3} / {BenchCommand.At(latencies, 0.99):F3} / {latencies[^1]:F3} ms"),
            ("conflicts per check (mean)", $"{(double)conflicts / queryCount:F2}"),
            ("stored through the ingest pipeline (validate, store, index)", $"{storeRate:N0} notices/s"),
            ("index rebuilt from the store", $"{rebuildRate:N0} notices/s"),
            ("peak resident memory (whole run)", PeakMemory.Bytes() is { } peak ? $"{peak / (1024.0 * 1024):F0} MiB" : "unknown"),
        };
        output.Table("Benchmark", ["measure", "value"], rows.Select(r => (IReadOnlyList<string>)[r.Item1, r.Item2]));
        output.Result(new JsonObject
        {
            ["notices"] = count,
            ["queries"] = queryCount,
            ["dense"] = dense,
            ["read_per_second"] = count / read.Elapsed.TotalSeconds,
            ["filed_per_second"] = count / file.Elapsed.TotalSeconds,
            ["index_bytes"] = indexBytes,
            ["check_ms"] = new JsonObject { ["p50"] = BenchCommand.At(latencies, 0.5), ["p99"] = BenchCommand.At(latencies, 0.99), ["max"] = latencies[^1] },
            ["conflicts_per_check"] = (double)conflicts / queryCount,
            ["stored_per_second"] = storeRate,
            ["rebuilt_per_second"] = rebuildRate,
        });
    }

    private static DeconflictionSubject Read(byte[] notice)
    {
        using var document = JsonDocument.Parse(notice);
        return SubjectReader.Read(document.RootElement).Subject ?? throw new InvalidOperationException("the generator made an invalid notice");
    }

    private static (double Store, double Rebuild) StoreAndRebuild(IEnumerable<byte[]> notices)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"liaison-bench-deconflict-{Guid.NewGuid():N}");
        try
        {
            var lines = new MemoryStream();
            var count = 0;
            foreach (var notice in notices)
            {
                lines.Write(notice);
                lines.WriteByte((byte)'\n');
                count++;
            }

            lines.Position = 0;
            Directory.CreateDirectory(directory);
            using var store = SqliteStixStore.Open(Path.Combine(directory, "bench.db"), SystemClock.Instance);
            var ingest = Stopwatch.StartNew();
            var report = new StixIngestor(store, new StixValidator(LiaisonExtensions.Instance)).Ingest("notices", lines, InputFormat.JsonLines, new IngestOptions());
            ingest.Stop();
            if (!report.Committed || report.New != count)
            {
                throw new InvalidOperationException($"the generated notices were not all stored: {string.Join("; ", report.Errors.Take(3))}");
            }

            var rebuild = Stopwatch.StartNew();
            var state = DeconflictionState.Load(store, DeconflictionRules.Default);
            rebuild.Stop();
            return (count / ingest.Elapsed.TotalSeconds, state.Index.Count / rebuild.Elapsed.TotalSeconds);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
