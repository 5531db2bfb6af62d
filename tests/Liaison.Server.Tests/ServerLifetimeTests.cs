using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Liaison.Storage.Sqlite;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using static Liaison.Server.Tests.Stix;

namespace Liaison.Server.Tests;

/// <summary>What the server holds open is closed with it, however its host is ended.</summary>
public sealed class ServerLifetimeTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"liaison-lifetime-test-{Guid.NewGuid():N}");

    public ServerLifetimeTests() => Directory.CreateDirectory(_directory);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A_host_disposed_without_being_stopped_closes_the_database()
    {
        // Disposing a host does not stop it; a writer, checkpointer or pool released only on stop kept the database
        // open after `await using` ended, and their writes recreated its files while the caller was removing them.
        var database = Path.Combine(_directory, "node.db");
        string password;
        Guid collection;
        using (var store = SqliteStixStore.Open(database, WallClock.Instance))
        {
            password = store.CreatePrincipal("fra").Password!;
            collection = store.CreateCollection("Shared", null, "shared").Id;
            store.Grant("fra", collection, canRead: true, canWrite: true);
        }

        var builder = LiaisonServer.CreateBuilder();
        builder.WebHost.UseTestServer();
        var app = LiaisonServer.Build(builder, new LiaisonServerOptions { DatabasePath = database }, WallClock.Instance);
        await app.StartAsync(TestContext.Current.CancellationToken);
        using (var client = app.GetTestClient())
        {
            client.DefaultRequestHeaders.Accept.ParseAdd(TaxiiTestServer.Taxii);
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"fra:{password}")));
            var posted = await client.PostAsync($"/api/collections/{collection:D}/objects/", TaxiiTestServer.Envelope(Note(1, "kept")), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        }

        await app.DisposeAsync();
        SqliteConnection.ClearAllPools();

        // SQLite removes the write-ahead log when the last connection to the database closes.
        Assert.False(File.Exists(database + "-wal"), "a connection to the database is still open after the host was disposed");
        using var check = SqliteStixStore.Open(database, WallClock.Instance);
        Assert.True(check.Contains(Id("note", 1)));
    }
}
