using System.Diagnostics;
using Liaison.Cli.Commands;
using Liaison.Cli.Node;
using Liaison.Core.Extensions;
using Liaison.Core.Validation;
using Liaison.Server;
using Liaison.Server.Client;
using Liaison.Server.Sync;
using Liaison.Storage.Ingest;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Liaison.Cli.Bench;

/// <summary>
/// Two real nodes on loopback: the corpus is POSTed to node A's collection in envelopes of 1,000 (the POST
/// figure), node B pulls it all through TAXII with validation and storage (the sync figure), then pages of 1,000
/// are read from A at random points (the GET figure).
/// </summary>
internal static class SyncBenchmark
{
    public sealed record Result(int Objects, double PostSeconds, double PullSeconds, long Pulled, List<double> PageMilliseconds);

    public static async Task<Result> RunAsync(string directory, int objects, int seed, int pageReads, CancellationToken cancel)
    {
        var corpus = Path.Combine(directory, "corpus.json");
        using (var file = File.Create(corpus))
        {
            new CorpusGenerator(seed).Write(file, objects);
        }

        var serverHome = new NodeHome(Path.Combine(directory, "a"));
        InitCommand.Initialise(serverHome, "bench-a");
        Liaison.Storage.Taxii.PrincipalCredentials credentials;
        Guid collection;
        using (var store = serverHome.OpenStore())
        {
            credentials = store.CreatePrincipal("bench-b");
            collection = store.CreateCollection("Bench", null, "bench").Id;
            store.Grant("bench-b", collection, canRead: true, canWrite: true);
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var app = LiaisonServer.Build(builder, new LiaisonServerOptions { DatabasePath = serverHome.DatabasePath, MaxContentLength = 64 * 1024 * 1024 }, SystemClock.Instance);
        await app.StartAsync(cancel).ConfigureAwait(false);
        var discovery = new Uri(app.Urls.First().TrimEnd('/') + "/taxii2/");
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        var client = new TaxiiClient(http, TaxiiCredentials.Basic("bench-b", credentials.Password!));
        var root = (await client.ApiRootsAsync(discovery, cancel).ConfigureAwait(false))[0];

        var post = Stopwatch.StartNew();
        var pushed = await Pusher.PushAsync(client, root, collection.ToString("D"), [(corpus, (InputFormat?)InputFormat.Bundle)], cancel).ConfigureAwait(false);
        post.Stop();
        if (pushed.Failures > 0)
        {
            throw new CliException(ExitCodes.Rejected, $"the server refused {pushed.Failures} generated objects: {string.Join("; ", pushed.FailureMessages.Take(3))}");
        }

        var pullerHome = new NodeHome(Path.Combine(directory, "b"));
        InitCommand.Initialise(pullerHome, "bench-b");
        long pulled;
        var pull = Stopwatch.StartNew();
        using (var store = pullerHome.OpenStore())
        using (new Liaison.Storage.Sqlite.WalCheckpointer(store.Path, TimeSpan.FromMilliseconds(250)))
        {
            var reports = await new PullService(store, client, new StixValidator(LiaisonExtensions.Instance), SystemClock.Instance)
                .PullAsync("a", discovery, collection.ToString("D"), cancel).ConfigureAwait(false);
            pulled = reports.Sum(r => r.New + r.Updated + r.Unchanged);
        }

        pull.Stop();
        var pages = await TimePages(client, root, collection.ToString("D"), pageReads, seed, cancel).ConfigureAwait(false);
        await app.StopAsync(cancel).ConfigureAwait(false);
        return new Result(objects, post.Elapsed.TotalSeconds, pull.Elapsed.TotalSeconds, pulled, pages);
    }

    /// <summary>Pages of 1,000 read from random points of the collection (added_after a random date added).</summary>
    private static async Task<List<double>> TimePages(TaxiiClient client, Uri root, string collection, int count, int seed, CancellationToken cancel)
    {
        // Collect resume points from one sequential walk, then read pages from them in random order.
        var points = new List<string?> { null };
        string? cursor = null;
        while (true)
        {
            var page = await client.ObjectsPageAsync(root, collection, cursor, null, 1000, cancel).ConfigureAwait(false);
            if (page.Objects.Count == 0 || page.DateAddedLast is null)
            {
                break;
            }

            points.Add(page.DateAddedLast);
            cursor = page.DateAddedLast;
            if (!page.More)
            {
                break;
            }
        }

        var random = new Random(seed);
        var times = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var point = points[random.Next(points.Count)];
            var watch = Stopwatch.StartNew();
            await client.ObjectsPageAsync(root, collection, point, null, 1000, cancel).ConfigureAwait(false);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return times;
    }
}
