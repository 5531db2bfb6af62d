using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Liaison.Cli.Commands;
using Liaison.Cli.Node;
using Liaison.Cli.Output;
using Liaison.Core.Extensions;
using Liaison.Core.Input;
using Liaison.Core.Validation;
using Liaison.Server.Client;

namespace Liaison.Cli.Bench;

/// <summary>
/// <c>liaison bench taxii-read</c>: pages of 1,000 read through TAXII (HTTP on loopback, authentication, filters,
/// serialisation) from random resume points of one large collection — the latency a partner's or a TAXII tool's pull
/// sees on a big node.
/// </summary>
internal static class TaxiiReadBenchmark
{
    private const int FillTransaction = 10_000;

    public static Command Command(GlobalOptions globals, CliEnvironment environment)
    {
        var objects = new Option<int>("--objects") { Description = "Objects in the collection.", DefaultValueFactory = _ => 1_000_000 };
        var pages = new Option<int>("--pages") { Description = "Pages of 1,000 to time, each from a random resume point.", DefaultValueFactory = _ => 300 };
        var seed = new Option<int>("--seed") { Description = "Corpus seed.", DefaultValueFactory = _ => 2015 };
        var command = new Command("taxii-read", "Fill one collection with N objects, then time GET pages of 1,000 through TAXII from random resume points.") { objects, pages, seed };
        command.SetAction(async (parse, cancel) =>
        {
            var output = new CliOutput(environment, parse.GetValue(globals.Json));
            if (parse.GetValue(objects) < 1 || parse.GetValue(pages) < 1)
            {
                throw new CliException(ExitCodes.Usage, "--objects and --pages must be at least 1");
            }

            var directory = Path.Combine(Path.GetTempPath(), $"liaison-bench-taxii-{Guid.NewGuid():N}");
            Directory.CreateDirectory(directory);
            try
            {
                await RunAsync(output, directory, parse.GetValue(objects), parse.GetValue(pages), parse.GetValue(seed), cancel).ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        });
        return command;
    }

    private static async Task RunAsync(CliOutput output, string directory, int count, int pageCount, int seed, CancellationToken cancel)
    {
        var corpus = BenchNodes.WriteCorpus(directory, count, seed);
        var home = new NodeHome(Path.Combine(directory, "node"));
        InitCommand.Initialise(home, "bench");
        Liaison.Storage.Taxii.PrincipalCredentials credentials;
        Guid collection;
        var fill = Stopwatch.StartNew();
        long members;
        using (var store = home.OpenStore())
        {
            credentials = store.CreatePrincipal("reader");
            collection = store.CreateCollection("Bench", null, "bench").Id;
            store.Grant("reader", collection, canRead: true, canWrite: false);
            members = Fill(store, corpus, collection);
        }

        fill.Stop();
        var (app, discovery) = await BenchNodes.ServeAsync(home, cancel).ConfigureAwait(false);
        await using var served = app;
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        var client = new TaxiiClient(http, TaxiiCredentials.Basic("reader", credentials.Password!));
        var root = (await client.ApiRootsAsync(discovery, cancel).ConfigureAwait(false))[0];
        var times = await SyncBenchmark.TimePages(client, root, collection.ToString("D"), pageCount, seed, cancel).ConfigureAwait(false);
        await app.StopAsync(cancel).ConfigureAwait(false);

        var rows = new List<(string, string)>
        {
            ("machine", $"{Environment.ProcessorCount} cores, {Environment.OSVersion}"),
            ("collection members", members.ToString("N0", CultureInfo.InvariantCulture)),
            ("collection filled (validate, store, membership; not timed below)", $"{fill.Elapsed.TotalSeconds:F1} s"),
            BenchCommand.PageLatencies(times),
            ("peak resident memory", BenchCommand.Mib(PeakMemory.Bytes())),
        };
        BenchCommand.Report(output, rows, new JsonObject
        {
            ["members"] = members,
            ["fill_seconds"] = fill.Elapsed.TotalSeconds,
            ["page_ms"] = BenchCommand.Json(times),
        });
    }

    // The corpus goes straight into the collection through the store (what a POST does, without HTTP), in large
    // transactions: filling is set-up here, the pages read afterwards are what is measured.
    private static long Fill(Liaison.Storage.Sqlite.SqliteStixStore store, string corpus, Guid collection)
    {
        var validator = new StixValidator(LiaisonExtensions.Instance);
        using var stream = new FileStream(corpus, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        long members = 0;
        var batch = store.BeginBatch();
        try
        {
            foreach (var item in new StixBundleReader(stream).Read())
            {
                var element = item.Element ?? throw new CliException(ExitCodes.Rejected, $"generated object {item.Index} cannot be read: {item.Error}");
                var stixObject = validator.Validate(element, item.Index).Object
                    ?? throw new CliException(ExitCodes.Rejected, $"generated object {item.Index} is invalid");
                batch.AddToCollection(collection, stixObject);
                if (++members % FillTransaction == 0)
                {
                    batch.Commit();
                    batch.Dispose();
                    batch = store.BeginBatch();
                }
            }

            batch.Commit();
        }
        finally
        {
            batch.Dispose();
        }

        return members;
    }
}
