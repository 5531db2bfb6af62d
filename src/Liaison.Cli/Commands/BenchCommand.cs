using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Liaison.Cli.Bench;
using Liaison.Cli.Node;
using Liaison.Cli.Output;
using Liaison.Core.Geo;
using Liaison.Core.Stix;
using Liaison.Storage;
using Liaison.Storage.Ingest;
using Liaison.Storage.Sqlite;

namespace Liaison.Cli.Commands;

/// <summary><c>liaison bench ingest|query|sync|taxii-read|deconflict|ledger</c>: end-to-end measurements on a generated corpus (not run in CI).</summary>
internal static class BenchCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        var command = new Command("bench", "Measure end-to-end throughput on a generated corpus.");
        command.Subcommands.Add(Ingest(globals, environment));
        command.Subcommands.Add(QueryBench(globals, environment));
        command.Subcommands.Add(Sync(globals, environment));
        command.Subcommands.Add(TaxiiReadBenchmark.Command(globals, environment));
        command.Subcommands.Add(DeconflictionBenchmark.Command(globals, environment));
        command.Subcommands.Add(Ledger(globals, environment));
        return command;
    }

    private static Command Ingest(GlobalOptions globals, CliEnvironment environment)
    {
        var objects = new Option<int>("--objects") { Description = "Corpus size.", DefaultValueFactory = _ => 100_000 };
        var seed = new Option<int>("--seed") { Description = "Corpus seed (the same seed gives the same corpus).", DefaultValueFactory = _ => 2015 };
        var queries = new Option<int>("--queries") { Description = "Spatial-temporal queries to time after the ingest (0: none).", DefaultValueFactory = _ => 1000 };
        var keep = new Option<string?>("--keep") { Description = "Build the node in this folder and keep it (default: a temporary folder, removed)." };
        var command = new Command("ingest", "Generate a mixed STIX corpus, ingest it end to end (read, validate, hash, store, index) and report objects/s and peak memory.")
        {
            objects, seed, queries, keep,
        };
        command.SetAction(parse =>
        {
            var output = new CliOutput(environment, parse.GetValue(globals.Json));
            var count = parse.GetValue(objects);
            if (count < 1)
            {
                throw new CliException(ExitCodes.Usage, "--objects must be at least 1");
            }

            var directory = parse.GetValue(keep) is { } kept ? Path.Combine(environment.WorkingDirectory, kept) : Path.Combine(Path.GetTempPath(), $"liaison-bench-{Guid.NewGuid():N}");
            try
            {
                return Run(output, directory, count, parse.GetValue(seed), parse.GetValue(queries));
            }
            finally
            {
                if (parse.GetValue(keep) is null && Directory.Exists(directory))
                {
                    Directory.Delete(directory, recursive: true);
                }
            }
        });
        return command;
    }

    private static Command Sync(GlobalOptions globals, CliEnvironment environment)
    {
        var objects = new Option<int>("--objects") { Description = "Corpus size.", DefaultValueFactory = _ => 200_000 };
        var seed = new Option<int>("--seed") { Description = "Corpus seed.", DefaultValueFactory = _ => 2015 };
        var pages = new Option<int>("--pages") { Description = "Pages of 1,000 to time on the server after the sync.", DefaultValueFactory = _ => 200 };
        var command = new Command("sync", "Two nodes on loopback: POST the corpus to one over TAXII, pull it all into the other, time pages of 1,000.") { objects, seed, pages };
        command.SetAction(async (parse, cancel) =>
        {
            var output = new CliOutput(environment, parse.GetValue(globals.Json));
            if (parse.GetValue(objects) < 1)
            {
                throw new CliException(ExitCodes.Usage, "--objects must be at least 1");
            }

            var directory = Path.Combine(Path.GetTempPath(), $"liaison-bench-sync-{Guid.NewGuid():N}");
            Directory.CreateDirectory(directory);
            try
            {
                var result = await SyncBenchmark.RunAsync(directory, parse.GetValue(objects), parse.GetValue(seed), parse.GetValue(pages), cancel).ConfigureAwait(false);
                var rows = new List<(string, string)>
                {
                    ("machine", $"{Environment.ProcessorCount} cores, {Environment.OSVersion}"),
                    ("objects", result.Objects.ToString("N0", CultureInfo.InvariantCulture)),
                    ("POST, envelopes of 1,000 (validate, store, membership)", $"{result.PostSeconds:F2} s = {result.Objects / result.PostSeconds:N0} objects/s"),
                    ("pull over TAXII into a second node (validate, store, cursor)", $"{result.PullSeconds:F2} s = {result.Pulled / result.PullSeconds:N0} objects/s"),
                    ("release to a partner under an agreement (decide, sanitise, store)", $"{result.ReleaseSeconds:F2} s = {result.Objects / result.ReleaseSeconds:N0} objects/s ({result.Released:N0} released)"),
                    ("pull of the released objects by the partner (inbound rules, store)", $"{result.ReleasedPullSeconds:F2} s = {result.ReleasedPulled / result.ReleasedPullSeconds:N0} objects/s"),
                    ("released sync end to end (release + pull)", $"{result.Released / (result.ReleaseSeconds + result.ReleasedPullSeconds):N0} objects/s"),
                    ("peak resident memory (all nodes, one process)", Mib(PeakMemory.Bytes())),
                };
                if (result.PageMilliseconds.Count > 0)
                {
                    rows.Add(PageLatencies(result.PageMilliseconds));
                }

                Report(output, rows, new JsonObject
                {
                    ["objects"] = result.Objects,
                    ["post_objects_per_second"] = result.Objects / result.PostSeconds,
                    ["pull_objects_per_second"] = result.Pulled / result.PullSeconds,
                    ["release_objects_per_second"] = result.Objects / result.ReleaseSeconds,
                    ["released"] = result.Released,
                    ["released_pull_objects_per_second"] = result.ReleasedPulled / result.ReleasedPullSeconds,
                    ["released_sync_objects_per_second"] = result.Released / (result.ReleaseSeconds + result.ReleasedPullSeconds),
                    ["page_ms"] = Json(result.PageMilliseconds),
                });
                return result.Pulled == result.Objects ? ExitCodes.Ok : ExitCodes.Rejected;
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        });
        return command;
    }

    private static Command Ledger(GlobalOptions globals, CliEnvironment environment)
    {
        var entries = new Option<int>("--entries") { Description = "Ledger entries to append.", DefaultValueFactory = _ => 1_000_000 };
        var proofs = new Option<int>("--proofs") { Description = "Random inclusion and consistency proofs to time.", DefaultValueFactory = _ => 1000 };
        var command = new Command("ledger", "Append release entries to a fresh ledger (transactions of 10,000, a signed checkpoint each), verify it all, time proofs.") { entries, proofs };
        command.SetAction(parse =>
        {
            var output = new CliOutput(environment, parse.GetValue(globals.Json));
            var count = parse.GetValue(entries);
            if (count < 1 || parse.GetValue(proofs) < 1)
            {
                throw new CliException(ExitCodes.Usage, "--entries and --proofs must be at least 1");
            }

            var directory = Directory.CreateTempSubdirectory("liaison-bench-ledger-").FullName;
            try
            {
                var result = LedgerBenchmark.Run(directory, count, parse.GetValue(proofs), seed: 7);
                var inclusion = result.InclusionMilliseconds.Order().ToList();
                var consistency = result.ConsistencyMilliseconds.Order().ToList();
                Report(output,
                [
                    ("machine", $"{Environment.ProcessorCount} cores, {Environment.OSVersion}"),
                    ("entries", result.Entries.ToString("N0", CultureInfo.InvariantCulture)),
                    ("append (encode, hash, store entry and tree nodes, commit)", $"{result.AppendSeconds:F2} s = {result.Entries / result.AppendSeconds:N0} entries/s (CPU {result.AppendCpuSeconds:F2} s)"),
                    ("verify (recompute every hash and signature)", $"{result.VerifySeconds:F2} s, CPU {result.VerifyCpuSeconds:F2} s ({(result.Valid ? "valid" : "INVALID")})"),
                    ("inclusion proof p50 / p99 / max", $"{At(inclusion, 0.5):F3} / {At(inclusion, 0.99):F3} / {inclusion[^1]:F3} ms"),
                    ("consistency proof p50 / p99 / max", $"{At(consistency, 0.5):F3} / {At(consistency, 0.99):F3} / {consistency[^1]:F3} ms"),
                    ("database", Mib(result.DatabaseBytes)),
                ], new JsonObject
                {
                    ["entries"] = result.Entries,
                    ["append_entries_per_second"] = result.Entries / result.AppendSeconds,
                    ["append_cpu_seconds"] = result.AppendCpuSeconds,
                    ["verify_seconds"] = result.VerifySeconds,
                    ["verify_cpu_seconds"] = result.VerifyCpuSeconds,
                    ["valid"] = result.Valid,
                    ["inclusion_ms"] = Json(result.InclusionMilliseconds),
                    ["consistency_ms"] = Json(result.ConsistencyMilliseconds),
                });
                return result.Valid ? ExitCodes.Ok : ExitCodes.Rejected;
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        });
        return command;
    }

    private static Command QueryBench(GlobalOptions globals, CliEnvironment environment)
    {
        var queries = new Option<int>("--queries") { Description = "How many queries to time.", DefaultValueFactory = _ => 1000 };
        var command = new Command("query", "Time random box-and-time queries against the node (e.g. one kept by 'bench ingest --keep').") { queries };
        command.SetAction(parse =>
        {
            var output = new CliOutput(environment, parse.GetValue(globals.Json));
            using var store = NodeHome.Resolve(parse.GetValue(globals.Home), environment).OpenStore();
            var result = TimeQueries(store, parse.GetValue(queries), seed: 7);
            Report(output, [("queries", result.Count.ToString(CultureInfo.InvariantCulture)), .. Percentiles(result)], new JsonObject { ["query_ms"] = Json(result) });
            return ExitCodes.Ok;
        });
        return command;
    }

    private static int Run(CliOutput output, string directory, int count, int seed, int queryCount)
    {
        Directory.CreateDirectory(directory);
        var generate = Stopwatch.StartNew();
        var corpus = BenchNodes.WriteCorpus(directory, count, seed);
        generate.Stop();
        var corpusBytes = new FileInfo(corpus).Length;
        var home = new NodeHome(Path.Combine(directory, "node"));
        InitCommand.Initialise(home, "bench");
        using var store = home.OpenStore();
        var ingestor = new StixIngestor(store, new Liaison.Core.Validation.StixValidator(Liaison.Core.Extensions.LiaisonExtensions.Instance));
        var ingest = Stopwatch.StartNew();
        IngestReport report;
        using (var stream = new FileStream(corpus, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
        {
            report = ingestor.Ingest("corpus.json", stream, InputFormat.Bundle, new IngestOptions());
        }

        ingest.Stop();
        var peakAfterIngest = PeakMemory.Bytes();
        var text = Stopwatch.StartNew();
        var indexed = store.CatchUpTextIndex();
        text.Stop();
        var latencies = queryCount > 0 ? TimeQueries(store, queryCount, seed) : [];
        var peak = PeakMemory.Bytes();
        if (!report.Committed || report.Rejected > 0)
        {
            throw new CliException(ExitCodes.Rejected, $"the generated corpus was rejected: {string.Join("; ", report.Errors.Take(3))}");
        }

        var rate = report.Read / ingest.Elapsed.TotalSeconds;
        var rows = new List<(string, string)>
        {
            ("machine", $"{Environment.ProcessorCount} cores, {Environment.OSVersion}"),
            ("objects", report.Read.ToString("N0", CultureInfo.InvariantCulture)),
            ("corpus", $"{corpusBytes / (1024.0 * 1024):F1} MiB (generated in {generate.Elapsed.TotalSeconds:F1} s)"),
            ("ingest (read, validate, hash, store, time+space index)", $"{ingest.Elapsed.TotalSeconds:F2} s = {rate:N0} objects/s, {corpusBytes / (1024.0 * 1024) / ingest.Elapsed.TotalSeconds:F1} MiB/s"),
            ("full-text index catch-up", $"{text.Elapsed.TotalSeconds:F2} s = {indexed / Math.Max(text.Elapsed.TotalSeconds, 1e-9):N0} objects/s"),
            ("peak resident memory after ingest", Mib(peakAfterIngest)),
            ("garbage collections (gen 0/1/2), total pause", $"{GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, {GC.GetTotalPauseDuration().TotalSeconds:F2} s"),
            ("peak resident memory overall", Mib(peak)),
            ("database", $"{store.Statistics().DatabaseBytes / (1024.0 * 1024):F1} MiB"),
        };
        if (latencies.Count > 0)
        {
            rows.AddRange(Percentiles(latencies));
        }

        Report(output, rows, new JsonObject
        {
            ["objects"] = report.Read,
            ["corpus_bytes"] = corpusBytes,
            ["ingest_seconds"] = ingest.Elapsed.TotalSeconds,
            ["objects_per_second"] = rate,
            ["text_index_seconds"] = text.Elapsed.TotalSeconds,
            ["peak_rss_bytes_after_ingest"] = peakAfterIngest,
            ["peak_rss_bytes"] = peak,
            ["query_ms"] = Json(latencies),
            ["processors"] = Environment.ProcessorCount,
        });
        return ExitCodes.Ok;
    }

    /// <summary>Random 1°×1° boxes in the corpus region with a 30-day window: the query a liaison officer makes.</summary>
    private static List<double> TimeQueries(SqliteStixStore store, int count, int seed)
    {
        var random = new Random(seed);
        var (minLon, minLat, maxLon, maxLat) = CorpusGenerator.Region;
        var latencies = new List<double>(count);
        var start = new DateTimeOffset(2015, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < count; i++)
        {
            var lon = minLon + (random.NextDouble() * (maxLon - minLon - 1));
            var lat = minLat + (random.NextDouble() * (maxLat - minLat - 1));
            var since = start.AddDays(random.Next(0, 700));
            var query = new ObjectQuery
            {
                Box = new GeoBox(lon, lat, lon + 1, lat + 1),
                Since = StixTimestamp.UnixMicrosecondsOf(since),
                Until = StixTimestamp.UnixMicrosecondsOf(since.AddDays(30)),
                Limit = 100,
            };
            var watch = Stopwatch.StartNew();
            _ = store.Query(query);
            latencies.Add(watch.Elapsed.TotalMilliseconds);
        }

        return latencies;
    }

    private static IEnumerable<(string, string)> Percentiles(List<double> latencies)
    {
        var sorted = latencies.Order().ToList();
        yield return ("query p50 / p95 / p99 / max", $"{At(sorted, 0.50):F2} / {At(sorted, 0.95):F2} / {At(sorted, 0.99):F2} / {sorted[^1]:F2} ms");
    }

    /// <summary>The report row of GET page latencies (milliseconds, at least one).</summary>
    internal static (string, string) PageLatencies(List<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToList();
        return ("GET page of 1,000 p50 / p95 / p99 / max", $"{At(sorted, 0.5):F1} / {At(sorted, 0.95):F1} / {At(sorted, 0.99):F1} / {sorted[^1]:F1} ms");
    }

    internal static JsonObject Json(List<double> latencies)
    {
        if (latencies.Count == 0)
        {
            return [];
        }

        var sorted = latencies.Order().ToList();
        return new JsonObject { ["count"] = sorted.Count, ["p50"] = At(sorted, 0.5), ["p95"] = At(sorted, 0.95), ["p99"] = At(sorted, 0.99), ["max"] = sorted[^1] };
    }

    /// <summary>The value at <paramref name="quantile"/> of an ascending list (nearest rank).</summary>
    internal static double At(List<double> sorted, double quantile) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(quantile * sorted.Count) - 1)];

    internal static string Mib(long? bytes) => bytes is { } b ? $"{b / (1024.0 * 1024):F0} MiB" : "unknown";

    internal static void Report(CliOutput output, List<(string, string)> rows, JsonObject json)
    {
        output.Table("Benchmark", ["measure", "value"], rows.Select(r => (IReadOnlyList<string>)[r.Item1, r.Item2]));
        output.Result(json);
    }
}
