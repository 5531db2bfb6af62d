using System.Text;
using Liaison.Cli.Bench;
using Liaison.Cli.Commands;
using Liaison.Cli.Node;
using Liaison.Storage.Ingest;
using Liaison.Server.Client;
using Microsoft.Data.Sqlite;

namespace Liaison.Cli.Tests;

/// <summary><c>liaison push</c>'s client against a real node on loopback, watched at the HTTP level.</summary>
public sealed class PusherTests : IDisposable
{
    private const string Marking = "marking-definition--8c1b7c4e-1f2a-4b3c-9d4e-5f6a7b8c9d0e";
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"liaison-push-{Guid.NewGuid():N}");

    public PusherTests() => Directory.CreateDirectory(_root);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Envelopes_travel_several_at_once_and_one_that_defines_a_marking_is_answered_before_the_next_leaves()
    {
        // Enough envelopes to fill the window twice; the marking is defined in the envelope after the first window and
        // referred to by every object after it.
        var envelopes = (Pusher.MaxInFlight * 2) + 2;
        var markingAt = (Pusher.MaxInFlight * 1000) + 500;
        var file = WriteBundle(envelopes * 1000, markingAt);
        var (node, collection, password) = Node(readOnly: false);
        var (app, discovery) = await BenchNodes.ServeAsync(node, TestContext.Current.CancellationToken, maxContentLength: 16 << 20);
        await using var served = app;
        var watch = new Watch(new SocketsHttpHandler());
        using var http = new HttpClient(watch);
        var client = new TaxiiClient(http, TaxiiCredentials.Basic("pusher", password));
        var root = (await client.ApiRootsAsync(discovery, TestContext.Current.CancellationToken))[0];

        var totals = await Pusher.PushAsync(client, root, collection, [(file, (InputFormat?)InputFormat.Bundle)], TestContext.Current.CancellationToken);

        Assert.True(totals.Failures == 0, string.Join("\n", totals.FailureMessages.Take(5)));
        // The marking is one object more: the last envelope carries a single object.
        Assert.Equal((envelopes + 1, envelopes * 1000 + 1, envelopes * 1000 + 1), (totals.Envelopes, totals.Total, totals.Successes));
        // Several at once, never more than the window (how many fill it depends on how fast the server answers).
        Assert.InRange(watch.MostInFlight, 2, Pusher.MaxInFlight);
        var events = watch.Events;
        var sent = events.FindIndex(e => e.Sent && e.DefinesMarking);
        var answered = events.FindIndex(e => !e.Sent && e.DefinesMarking);
        Assert.InRange(sent, 0, answered);
        Assert.DoesNotContain(events[sent..answered], e => e.Sent && !e.DefinesMarking);
        Assert.Contains(events[answered..], e => e.Sent);
    }

    [Fact]
    public async Task A_refused_envelope_stops_the_push_with_the_server_s_reason_after_the_others_in_flight_are_answered()
    {
        var file = WriteBundle(Pusher.MaxInFlight * 1000, markingAt: null);
        var (node, collection, password) = Node(readOnly: true);
        var (app, discovery) = await BenchNodes.ServeAsync(node, TestContext.Current.CancellationToken, maxContentLength: 16 << 20);
        await using var served = app;
        var watch = new Watch(new SocketsHttpHandler());
        using var http = new HttpClient(watch);
        var client = new TaxiiClient(http, TaxiiCredentials.Basic("pusher", password));
        var root = (await client.ApiRootsAsync(discovery, TestContext.Current.CancellationToken))[0];

        var refused = await Assert.ThrowsAsync<TaxiiClientException>(() =>
            Pusher.PushAsync(client, root, collection, [(file, (InputFormat?)InputFormat.Bundle)], TestContext.Current.CancellationToken));

        Assert.Equal(403, refused.HttpStatus);
        Assert.Contains("not write", refused.Message, StringComparison.Ordinal);
        // Nothing is left running behind the error: every envelope sent was answered before it was reported.
        Assert.Equal(watch.Events.Count(e => e.Sent), watch.Events.Count(e => !e.Sent));
        using var store = node.OpenStore();
        Assert.False(store.Contains(Identity(1)));
    }

    [Fact]
    public async Task Objects_are_sent_as_written_so_an_indented_bundle_with_escapes_arrives_whole()
    {
        var path = Path.Combine(_root, "indented.json");
        var bundle = new System.Text.Json.Nodes.JsonObject
        {
            ["type"] = "bundle",
            ["id"] = "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d",
            ["objects"] = new System.Text.Json.Nodes.JsonArray(
                System.Text.Json.Nodes.JsonNode.Parse($"{{\"type\":\"identity\",\"spec_version\":\"2.1\",\"id\":\"{Identity(1)}\",\"created\":\"2016-08-01T00:00:00.000Z\",\"modified\":\"2016-08-01T00:00:00.000Z\",\"name\":\"Observatoire \\u00ab syrien \\u00bb \\\"des droits\\\"\\n\",\"identity_class\":\"organization\",\"sectors\":[\"non-profit\"]}}")),
        };
        await File.WriteAllTextAsync(path, bundle.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }), TestContext.Current.CancellationToken);
        var (node, collection, password) = Node(readOnly: false);
        var (app, discovery) = await BenchNodes.ServeAsync(node, TestContext.Current.CancellationToken);
        await using var served = app;
        using var http = new HttpClient();
        var client = new TaxiiClient(http, TaxiiCredentials.Basic("pusher", password));
        var root = (await client.ApiRootsAsync(discovery, TestContext.Current.CancellationToken))[0];

        var totals = await Pusher.PushAsync(client, root, collection, [(path, (InputFormat?)InputFormat.Bundle)], TestContext.Current.CancellationToken);

        Assert.Equal((1, 1, 0), (totals.Total, totals.Successes, totals.Failures));
        var page = await client.ObjectsPageAsync(root, collection, null, null, 10, TestContext.Current.CancellationToken);
        var stored = Assert.Single(page.Objects);
        Assert.Equal("Observatoire « syrien » \"des droits\"\n", stored.GetProperty("name").GetString());
        Assert.Equal("non-profit", Assert.Single(stored.GetProperty("sectors").EnumerateArray()).GetString());
    }

    private (NodeHome Node, string Collection, string Password) Node(bool readOnly)
    {
        var node = new NodeHome(Path.Combine(_root, "node"));
        InitCommand.Initialise(node, "push-test");
        using var store = node.OpenStore();
        var password = store.CreatePrincipal("pusher").Password!;
        var collection = store.CreateCollection("Pushed", null, "pushed").Id;
        store.Grant("pusher", collection, canRead: true, canWrite: !readOnly);
        return (node, collection.ToString("D"), password);
    }

    private static string Identity(int n) => $"identity--{new Guid($"00000000-0000-4000-8000-{n:D12}"):D}";

    private string WriteBundle(int count, int? markingAt)
    {
        var path = Path.Combine(_root, "bundle.json");
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.Write("{\"type\":\"bundle\",\"id\":\"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d\",\"objects\":[");
        for (var n = 1; n <= count; n++)
        {
            if (n == markingAt)
            {
                writer.Write($"{{\"type\":\"marking-definition\",\"spec_version\":\"2.1\",\"id\":\"{Marking}\",\"created\":\"2016-08-01T00:00:00.000Z\",\"definition_type\":\"statement\",\"definition\":{{\"statement\":\"Shared under the liaison agreement\"}}}},");
            }

            var marked = markingAt is { } at && n > at ? $",\"object_marking_refs\":[\"{Marking}\"]" : "";
            writer.Write($"{{\"type\":\"identity\",\"spec_version\":\"2.1\",\"id\":\"{Identity(n)}\",\"created\":\"2016-08-01T00:00:00.000Z\",\"modified\":\"2016-08-01T00:00:00.000Z\",\"name\":\"source {n}\",\"identity_class\":\"organization\"{marked}}}");
            writer.Write(n < count ? "," : "");
        }

        writer.Write("]}");
        return path;
    }

    /// <summary>Records each POST as it leaves and as its answer arrives, and the most in flight at once.</summary>
    private sealed class Watch(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private readonly Lock _lock = new();
        private int _inFlight;

        public List<(bool Sent, bool DefinesMarking)> Events { get; } = [];

        public int MostInFlight { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method != HttpMethod.Post)
            {
                return await base.SendAsync(request, cancellationToken);
            }

            var body = await request.Content!.ReadAsStringAsync(cancellationToken);
            var definesMarking = body.Contains("\"type\":\"marking-definition\"", StringComparison.Ordinal);
            lock (_lock)
            {
                Events.Add((true, definesMarking));
                MostInFlight = Math.Max(MostInFlight, ++_inFlight);
            }

            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            finally
            {
                lock (_lock)
                {
                    Events.Add((false, definesMarking));
                    _inFlight--;
                }
            }
        }
    }
}
