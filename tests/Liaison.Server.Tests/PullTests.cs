using System.Text.Json.Nodes;
using Liaison.Core.Extensions;
using Liaison.Core.Validation;
using Liaison.Server.Client;
using Liaison.Server.Sync;
using Liaison.Storage.Sqlite;
using static Liaison.Server.Tests.Stix;

namespace Liaison.Server.Tests;

public sealed class PullTests
{
    /// <summary>Passes requests through until told to fail, like a process killed mid-pull.</summary>
    private sealed class FailingHandler(HttpMessageHandler inner, int failOnRequest) : DelegatingHandler(inner)
    {
        private int _count;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            ++_count == failOnRequest ? throw new OperationCanceledException("killed") : base.SendAsync(request, cancellationToken);
    }

    private static PullService Puller(SqliteStixStore store, HttpMessageHandler handler, TaxiiTestServer server, int pageSize)
    {
        var credentials = server.Credentials["fra"];
        var http = new HttpClient(handler) { BaseAddress = new Uri("http://localhost/") };
        return new PullService(store, new TaxiiClient(http, TaxiiCredentials.Basic("fra", credentials.Password!), new RetryPolicy { MaxAttempts = 1 }), new StixValidator(LiaisonExtensions.Instance), WallClock.Instance)
        {
            PageSize = pageSize,
        };
    }

    [Fact]
    public async Task A_pull_killed_mid_way_resumes_without_loss_or_duplicates_and_records_provenance()
    {
        await using var server = await TaxiiTestServer.StartAsync();
        await PostAll(server, 0, 230);
        var path = Path.Combine(server.Directory, "puller.db");
        using var store = SqliteStixStore.Open(path, WallClock.Instance);
        var discovery = new Uri("http://localhost/taxii2/");

        // Discovery, collections, then pages of 50: the 5th request (third page) dies.
        var killed = Puller(store, new FailingHandler(server.Handler(), failOnRequest: 5), server, pageSize: 50);
        await Assert.ThrowsAsync<OperationCanceledException>(() => killed.PullAsync("paris", discovery, server.Collections["shared"].Id.ToString("D")));
        Assert.Equal(100, store.Statistics().Versions);

        var reports = await Puller(store, server.Handler(), server, pageSize: 50).PullAsync("paris", discovery, server.Collections["shared"].Id.ToString("D"));

        var report = Assert.Single(reports);
        Assert.Equal(130, report.New);
        Assert.Equal(0, report.Unchanged);
        Assert.Equal(230, store.Statistics().Versions);
        Assert.Equal(230, store.Statistics().Objects);
        var origin = Assert.Single(store.ProvenanceOf(Id("note", 7)));
        Assert.Equal("paris", origin.Remote);
        Assert.Equal(server.Collections["shared"].Id.ToString("D"), origin.CollectionId);

        // Nothing new: nothing read again.
        var shared = server.Collections["shared"].Id.ToString("D");
        var again = Assert.Single(await Puller(store, server.Handler(), server, pageSize: 50).PullAsync("paris", discovery, shared));
        Assert.Equal(0, again.New + again.Unchanged);

        // New objects on the remote: only they come.
        await PostAll(server, 230, 20);
        var more = Assert.Single(await Puller(store, server.Handler(), server, pageSize: 50).PullAsync("paris", discovery, shared));
        Assert.Equal(20, more.New);
    }

    private static async Task PostAll(TaxiiTestServer server, int from, int count)
    {
        var client = server.Client();
        for (var start = from; start < from + count; start += 50)
        {
            var objects = Enumerable.Range(start, Math.Min(50, from + count - start)).Select(i => (JsonNode)Note(i, $"note {i}")).ToArray();
            var response = await client.PostAsync(server.CollectionUrl("shared") + "objects/", TaxiiTestServer.Envelope(objects));
            Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        }
    }
}
