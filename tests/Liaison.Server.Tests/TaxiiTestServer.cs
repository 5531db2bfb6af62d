using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Liaison.Storage.Sqlite;
using Liaison.Storage.Taxii;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;

namespace Liaison.Server.Tests;

/// <summary>
/// The real server in process over a real SQLite node in its own temporary directory, with two principals:
/// "fra" (read and write on "shared", read only on "feed") and "rus" (write only on "inbound").
/// </summary>
internal sealed class TaxiiTestServer : IAsyncDisposable
{
    public const string Taxii = "application/taxii+json;version=2.1";

    private readonly WebApplication _app;

    private TaxiiTestServer(WebApplication app, string directory, Dictionary<string, PrincipalCredentials> credentials, Dictionary<string, CollectionInfo> collections)
    {
        _app = app;
        Directory = directory;
        Credentials = credentials;
        Collections = collections;
    }

    public string Directory { get; }

    public string DatabasePath => Path.Combine(Directory, "node.db");

    /// <summary>Opens the node's database beside the running server, to seed it or check what the server wrote.</summary>
    public SqliteStixStore OpenStore() => SqliteStixStore.Open(DatabasePath, WallClock.Instance);

    public Dictionary<string, PrincipalCredentials> Credentials { get; }

    public Dictionary<string, CollectionInfo> Collections { get; }

    /// <summary>The pinned key of the fixture's partners (any 32 bytes will do: nothing is signed here).</summary>
    public static string PartnerKey { get; } = Convert.ToBase64String(new byte[32]);

    public static async Task<TaxiiTestServer> StartAsync(int maxContentLength = 1 << 20, int maxPageSize = 1000, Func<string, Core.Persons.PersonMatchKey?>? personMatchKeys = null, string? nodeIdentityId = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"liaison-server-test-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(directory);
        var clock = WallClock.Instance;
        var credentials = new Dictionary<string, PrincipalCredentials>();
        var collections = new Dictionary<string, CollectionInfo>();
        using (var store = SqliteStixStore.Open(Path.Combine(directory, "node.db"), clock))
        {
            credentials["fra"] = store.CreatePrincipal("fra");
            credentials["rus"] = store.CreatePrincipal("rus");
            collections["shared"] = store.CreateCollection("Shared with FRA", "what FRA may read and write", "shared");
            collections["feed"] = store.CreateCollection("Feed", null, "feed");
            collections["inbound"] = store.CreateCollection("Inbound from RUS", null, "inbound");
            collections["hidden"] = store.CreateCollection("Internal", null, "internal");
            store.Grant("fra", collections["shared"].Id, canRead: true, canWrite: true);
            store.Grant("fra", collections["feed"].Id, canRead: true, canWrite: false);
            store.Grant("rus", collections["inbound"].Id, canRead: false, canWrite: true);
            foreach (var code in new[] { "RUS", "USA" })
            {
                var (partner, partnerCredentials) = store.AddPartner(code, $"https://{code.ToLowerInvariant()}.example/taxii2/", PartnerKey, "admin");
                credentials[partner.Principal] = partnerCredentials;
                collections[$"to-{code.ToLowerInvariant()}"] = store.FindCollection(partner.OutboundCollection.ToString())!;
                collections[$"from-{code.ToLowerInvariant()}"] = store.FindCollection(partner.InboundCollection.ToString())!;
            }
        }

        var builder = LiaisonServer.CreateBuilder();
        builder.WebHost.UseTestServer();
        var app = LiaisonServer.Build(builder, new LiaisonServerOptions
        {
            DatabasePath = Path.Combine(directory, "node.db"),
            MaxContentLength = maxContentLength,
            MaxPageSize = maxPageSize,
            PersonMatchKeys = personMatchKeys ?? (_ => null),
            NodeIdentityId = nodeIdentityId,
        }, clock);
        await app.StartAsync();
        return new TaxiiTestServer(app, directory, credentials, collections);
    }

    public HttpClient Client(string? principal = "fra", bool bearer = false)
    {
        var client = _app.GetTestClient();
        client.DefaultRequestHeaders.Accept.ParseAdd(Taxii);
        if (principal is not null)
        {
            var credentials = Credentials[principal];
            client.DefaultRequestHeaders.Authorization = bearer
                ? new AuthenticationHeaderValue("Bearer", credentials.BearerToken)
                : new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{principal}:{credentials.Password}")));
        }

        return client;
    }

    /// <summary>The in-memory server as an HTTP handler, for clients built outside this fixture.</summary>
    public HttpMessageHandler Handler() => _app.GetTestServer().CreateHandler();

    public string CollectionUrl(string name) => $"/api/collections/{Collections[name].Id:D}/";

    public static StringContent Envelope(params JsonNode[] objects)
    {
        var envelope = new JsonObject { ["objects"] = new JsonArray(objects) };
        var content = new StringContent(envelope.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(Taxii);
        return content;
    }

    public static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        // The raw header as sent: HttpClient's parsed form would re-space the parameter.
        Assert.True(response.Content.Headers.NonValidated.TryGetValues("Content-Type", out var contentType), "no Content-Type");
        Assert.Equal(Taxii, contentType.ToString());
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
