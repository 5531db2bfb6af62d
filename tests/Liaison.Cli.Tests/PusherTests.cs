using System.Text;
using Liaison.Cli.Bench;
using Liaison.Cli.Commands;
using Liaison.Cli.Node;
using Liaison.Cli.Tests.Support;
using Liaison.Server.Client;
using Liaison.Storage.Ingest;
using Microsoft.AspNetCore.Builder;

namespace Liaison.Cli.Tests;

/// <summary><c>liaison push</c>'s client against a real node on loopback, watched at the HTTP level.</summary>
public sealed class PusherTests : IDisposable
{
    private const string Marking = "marking-definition--8c1b7c4e-1f2a-4b3c-9d4e-5f6a7b8c9d0e";
    private readonly TempFolder _folder = new("liaison-push");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Envelopes_travel_several_at_once_and_one_that_defines_a_marking_is_answered_before_the_next_leaves()
    {
        // Enough envelopes to fill the window twice; the marking is defined in the envelope after the first window and
        // referred to by every object after it.
        var envelopes = (Pusher.MaxInFlight * 2) + 2;
        var markingAt = (Pusher.MaxInFlight * 1000) + 500;
        var file = WriteBundle(envelopes * 1000, markingAt);
        await using var node = await ServedNode.StartAsync(Path.Combine(_folder.Path, "node"), readOnly: false);

        var totals = await node.Push(file);

        Assert.True(totals.Failures == 0, string.Join("\n", totals.FailureMessages.Take(5)));
        // The marking is one object more: the last envelope carries a single object.
        Assert.Equal((envelopes + 1, envelopes * 1000 + 1, envelopes * 1000 + 1), (totals.Envelopes, totals.Total, totals.Successes));
        // Several at once, never more than the window (how many fill it depends on how fast the server answers).
        Assert.InRange(node.Watch.MostInFlight, 2, Pusher.MaxInFlight);
        var events = node.Watch.Events;
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
        await using var node = await ServedNode.StartAsync(Path.Combine(_folder.Path, "node"), readOnly: true);

        var refused = await Assert.ThrowsAsync<TaxiiClientException>(() => node.Push(file));

        Assert.Equal(403, refused.HttpStatus);
        Assert.Contains("not write", refused.Message, StringComparison.Ordinal);
        // Nothing is left running behind the error: every envelope sent was answered before it was reported.
        Assert.Equal(node.Watch.Events.Count(e => e.Sent), node.Watch.Events.Count(e => !e.Sent));
        using var store = node.Home.OpenStore();
        Assert.False(store.Contains(Identity(1)));
    }

    [Fact]
    public async Task Objects_are_sent_as_written_so_an_indented_bundle_with_escapes_arrives_whole()
    {
        var path = Path.Combine(_folder.Path, "indented.json");
        var bundle = new System.Text.Json.Nodes.JsonObject
        {
            ["type"] = "bundle",
            ["id"] = "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d",
            ["objects"] = new System.Text.Json.Nodes.JsonArray(
                System.Text.Json.Nodes.JsonNode.Parse($"{{\"type\":\"identity\",\"spec_version\":\"2.1\",\"id\":\"{Identity(1)}\",\"created\":\"2016-08-01T00:00:00.000Z\",\"modified\":\"2016-08-01T00:00:00.000Z\",\"name\":\"Observatoire \\u00ab syrien \\u00bb \\\"des droits\\\"\\n\",\"identity_class\":\"organization\",\"sectors\":[\"non-profit\"]}}")),
        };
        await File.WriteAllTextAsync(path, bundle.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }), TestContext.Current.CancellationToken);
        await using var node = await ServedNode.StartAsync(Path.Combine(_folder.Path, "node"), readOnly: false);

        var totals = await node.Push(path);

        Assert.Equal((1, 1, 0), (totals.Total, totals.Successes, totals.Failures));
        var page = await node.Client.ObjectsPageAsync(node.Root, node.Collection, null, null, 10, TestContext.Current.CancellationToken);
        var stored = Assert.Single(page.Objects);
        Assert.Equal("Observatoire « syrien » \"des droits\"\n", stored.GetProperty("name").GetString());
        Assert.Equal("non-profit", Assert.Single(stored.GetProperty("sectors").EnumerateArray()).GetString());
    }

    /// <summary>A node served on loopback with a principal "pusher" and a collection, and a client watched at the HTTP level.</summary>
    private sealed class ServedNode(NodeHome home, WebApplication app, HttpClient http, Watch watch, TaxiiClient client, Uri root, string collection) : IAsyncDisposable
    {
        public NodeHome Home => home;

        public Watch Watch => watch;

        public TaxiiClient Client => client;

        public Uri Root => root;

        public string Collection => collection;

        public static async Task<ServedNode> StartAsync(string directory, bool readOnly)
        {
            var home = new NodeHome(directory);
            InitCommand.Initialise(home, "push-test");
            string password;
            Guid collection;
            using (var store = home.OpenStore())
            {
                password = store.CreatePrincipal("pusher").Password!;
                collection = store.CreateCollection("Pushed", null, "pushed").Id;
                store.Grant("pusher", collection, canRead: true, canWrite: !readOnly);
            }

            var (app, discovery) = await BenchNodes.ServeAsync(home, TestContext.Current.CancellationToken, maxContentLength: 16 << 20);
            var watch = new Watch(new SocketsHttpHandler());
            var http = new HttpClient(watch);
            var client = new TaxiiClient(http, TaxiiCredentials.Basic("pusher", password));
            var root = (await client.ApiRootsAsync(discovery, TestContext.Current.CancellationToken))[0];
            return new ServedNode(home, app, http, watch, client, root, collection.ToString("D"));
        }

        public Task<Pusher.Totals> Push(string file) =>
            Pusher.PushAsync(client, root, collection, [(file, (InputFormat?)InputFormat.Bundle)], TestContext.Current.CancellationToken);

        public async ValueTask DisposeAsync()
        {
            http.Dispose();
            await app.DisposeAsync();
        }
    }

    private static string Identity(int n) => $"identity--{new Guid($"00000000-0000-4000-8000-{n:D12}"):D}";

    private string WriteBundle(int count, int? markingAt)
    {
        var path = Path.Combine(_folder.Path, "bundle.json");
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
