using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Liaison.Cli.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Liaison.Cli.Tests.EndToEnd;

/// <summary><c>liaison serve</c> as a real process, stopped the way an operator or a service manager stops it.</summary>
public sealed class ServeShutdownTests : IDisposable
{
    private readonly TempFolder _folder = new("liaison-serve-stop");

    public void Dispose() => _folder.Dispose();

    // SIGTERM, as a service manager stops it; Ctrl+C (SIGINT) takes the same way out of the host. SIGINT is not
    // tested: a shell without job control starts background commands with SIGINT ignored, and a test runner started
    // that way passes the ignored signal on to the server it starts, which then never sees it.
    [Fact]
    public async Task Serve_stopped_by_sigterm_keeps_what_it_accepted_and_closes_its_database()
    {
        const int Sigterm = 15;
        var home = Path.Combine(_folder.Path, "node");
        Assert.Equal(0, (await NodeProcess.RunAsync(_folder.Path, null, "--home", home, "init", "--name", "FRA")).ExitCode);
        var password = JsonDocument.Parse((await NodeProcess.RunAsync(_folder.Path, null, "--home", home, "principal", "create", "rus", "--json")).Output)
            .RootElement.GetProperty("password").GetString()!;
        var collection = JsonDocument.Parse((await NodeProcess.RunAsync(_folder.Path, null, "--home", home, "collection", "create", "Shared", "--alias", "shared", "--json")).Output)
            .RootElement.GetProperty("id").GetString()!;
        Assert.Equal(0, (await NodeProcess.RunAsync(_folder.Path, null, "--home", home, "grant", "rus", "shared", "--read", "--write")).ExitCode);

        var port = NodeProcess.FreePort();
        using var server = NodeProcess.Start(_folder.Path, null, "--home", home, "serve", "--urls", $"http://127.0.0.1:{port}");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        http.DefaultRequestHeaders.Authorization = NodeProcess.Basic("rus", password);
        http.DefaultRequestHeaders.Accept.ParseAdd("application/taxii+json;version=2.1");
        await server.WaitUntilServingAsync(http, "taxii2/");

        const string Note = """{"type":"note","spec_version":"2.1","id":"note--6f0e2a4c-8d43-4b6e-9a0d-3c1f5e7b9a21","created":"2015-12-15T00:00:00.000Z","modified":"2015-12-15T00:00:00.000Z","content":"kept across the stop","object_refs":["identity--6f0e2a4c-8d43-4b6e-9a0d-3c1f5e7b9a22"]}""";
        using var envelope = new StringContent($$"""{"objects":[{{Note}}]}""", Encoding.UTF8);
        envelope.Headers.ContentType = MediaTypeHeaderValue.Parse("application/taxii+json;version=2.1");
        var posted = await http.PostAsync($"api/collections/{collection}/objects/", envelope);
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);

        Assert.Equal(0, await server.SignalAsync(Sigterm));

        // SQLite removes the write-ahead log when the last connection closes: a server that left its writer or its
        // checkpointer open at exit leaves the log behind.
        var database = Path.Combine(home, "liaison.db");
        Assert.False(File.Exists(database + "-wal"), "the server exited with its database still open:\n" + server.Output);
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM object_keys WHERE id = 'note--6f0e2a4c-8d43-4b6e-9a0d-3c1f5e7b9a21'";
        Assert.Equal(1L, (long)count.ExecuteScalar()!);
    }
}
