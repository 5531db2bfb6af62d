using System.Diagnostics;
using Liaison.Cli.Commands;
using Liaison.Cli.Node;
using Liaison.Core.Agreements;
using Liaison.Core.Extensions;
using Liaison.Core.Validation;
using Liaison.Server.Client;
using Liaison.Server.Sync;
using Liaison.Storage.Ingest;
using Liaison.Storage.Release;

namespace Liaison.Cli.Bench;

/// <summary>
/// Two real nodes on loopback: the corpus is POSTed to node A's collection in envelopes of 1,000 (the POST
/// figure), node B pulls it all through TAXII with validation and storage (the sync figure); then A releases the
/// corpus to a partner under a realistic agreement (the release figure) and a third node pulls the partner's
/// outbound collection through its inbound rules (the released-sync figure); last, pages of 1,000 are read from A
/// at random points (the GET figure).
/// </summary>
internal static class SyncBenchmark
{
    public sealed record Result(int Objects, double PostSeconds, double PullSeconds, long Pulled, List<double> PageMilliseconds)
    {
        public int Released { get; init; }

        public double ReleaseSeconds { get; init; }

        public long ReleasedPulled { get; init; }

        public double ReleasedPullSeconds { get; init; }
    }

    /// <summary>The seed's agreement, widened to every kind the generated corpus holds.</summary>
    private const string Agreement = """
        partner: RUS
        version: 1
        release:
          - name: positions
            kinds: [location, sighting, intrusion-set, threat-actor]
            location: { precision_km: 5 }
            time: { round: 1h }
            sources: pseudonymise
            add_markings: [TLP:AMBER]
          - name: incidents
            kinds: [incident, report, relationship]
            redact: [description]
            location: { precision_km: 10 }
            sources: pseudonymise
            add_markings: [TLP:AMBER, "REL TO FRA, RUS"]
          - name: sources
            kinds: [identity]
            sources: pseudonymise
        accept:
          kinds: [location]
        """;

    public static async Task<Result> RunAsync(string directory, int objects, int seed, int pageReads, CancellationToken cancel)
    {
        var corpus = BenchNodes.WriteCorpus(directory, objects, seed);

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

        var (app, discovery) = await BenchNodes.ServeAsync(serverHome, cancel, maxContentLength: 64 * 1024 * 1024).ConfigureAwait(false);
        await using var served = app;
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
        var released = await ReleaseAsync(directory, serverHome, pullerHome, discovery, http, cancel).ConfigureAwait(false);
        var pages = await TimePages(client, root, collection.ToString("D"), pageReads, seed, cancel).ConfigureAwait(false);
        await app.StopAsync(cancel).ConfigureAwait(false);
        return new Result(objects, post.Elapsed.TotalSeconds, pull.Elapsed.TotalSeconds, pulled, pages)
        {
            Released = released.Count, ReleaseSeconds = released.Seconds, ReleasedPulled = released.Pulled, ReleasedPullSeconds = released.PullSeconds,
        };
    }

    /// <summary>A releases everything it holds to partner RUS; a third node pulls RUS's outbound collection as RUS would.</summary>
    private static async Task<(int Count, double Seconds, long Pulled, double PullSeconds)> ReleaseAsync(
        string directory, NodeHome serverHome, NodeHome partnerHome, Uri discovery, HttpClient http, CancellationToken cancel)
    {
        var receiverHome = new NodeHome(Path.Combine(directory, "c"));
        InitCommand.Initialise(receiverHome, "bench-c");
        Liaison.Storage.Partners.PartnerInfo partner;
        Liaison.Storage.Taxii.PrincipalCredentials credentials;
        var release = Stopwatch.StartNew();
        ReleaseRunReport report;
        using (var store = serverHome.OpenStore())
        {
            (partner, credentials) = store.AddPartner("RUS", discovery.AbsoluteUri, partnerHome.LoadConfig().PublicKey, "bench");
            store.ApplyAgreement(AgreementParser.Parse(Agreement), "bench");
            release.Restart();
            var signer = serverHome.LoadSigner();
            using var key = signer.Key;
            report = ReleaseCommand.Pipeline(store, signer).Run(partner, new PartnerSecrets(serverHome).For(partner.Code), "bench");
        }

        release.Stop();
        var fail = report.Items.FirstOrDefault(i => i.Action == ReleaseAction.Fail);
        if (fail is not null)
        {
            throw new CliException(ExitCodes.Rejected, $"the benchmark agreement failed on {fail.SourceId}: {fail.Reason}");
        }

        var client = new TaxiiClient(http, TaxiiCredentials.Basic(credentials.Principal, credentials.Password!));
        var pull = Stopwatch.StartNew();
        long pulled;
        using (var store = receiverHome.OpenStore())
        using (new Liaison.Storage.Sqlite.WalCheckpointer(store.Path, TimeSpan.FromMilliseconds(250)))
        {
            var reports = await new PullService(store, client, new StixValidator(LiaisonExtensions.Instance), SystemClock.Instance)
            {
                Inbound = new InboundGate("FRA", AgreementParser.Parse("partner: FRA\nversion: 1\naccept:\n  kinds: [location, sighting, intrusion-set, threat-actor, incident, report, relationship, identity, marking-definition]\n").Accept),
            }.PullAsync("FRA", discovery, partner.OutboundCollection.ToString("D"), cancel).ConfigureAwait(false);
            pulled = reports.Sum(r => r.New + r.Updated + r.Unchanged);
        }

        pull.Stop();
        return (report.Count(ReleaseAction.Release), release.Elapsed.TotalSeconds, pulled, pull.Elapsed.TotalSeconds);
    }

    /// <summary>Pages of 1,000 read from random points of the collection (added_after a random date added).</summary>
    internal static async Task<List<double>> TimePages(TaxiiClient client, Uri root, string collection, int count, int seed, CancellationToken cancel)
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
