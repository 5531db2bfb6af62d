using System.Text;
using System.Text.Json;
using Liaison.Cli.Bench;
using Liaison.Cli.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Liaison.Cli.Tests.EndToEnd;

/// <summary>
/// Two real nodes, each its own process, on loopback: A serves 100,000 objects over TAXII, B pulls them; the puller
/// is killed mid-way and restarted; B must end with every object exactly once.
/// </summary>
public sealed class TwoNodeSyncTests : IDisposable
{
    private const int Objects = 100_000;
    private readonly TempFolder _folder = new("liaison-e2e");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_puller_killed_mid_way_and_restarted_ends_with_every_object_exactly_once()
    {
        var a = Path.Combine(_folder.Path, "a");
        var b = Path.Combine(_folder.Path, "b");
        await Ok("--home", a, "init", "--name", "FRA");
        var principal = JsonDocument.Parse(await Ok("--home", a, "principal", "create", "rus", "--json")).RootElement;
        var password = principal.GetProperty("password").GetString()!;
        var collection = JsonDocument.Parse(await Ok("--home", a, "collection", "create", "Shared with RUS", "--alias", "rus", "--json")).RootElement.GetProperty("id").GetString()!;
        await Ok("--home", a, "grant", "rus", "rus", "--read", "--write");

        var port = NodeProcess.FreePort();
        using var server = NodeProcess.Start(_folder.Path, null, "--home", a, "serve", "--urls", $"http://127.0.0.1:{port}");
        var discovery = $"http://127.0.0.1:{port}/taxii2/";
        using (var http = new HttpClient())
        {
            http.DefaultRequestHeaders.Authorization = NodeProcess.Basic("rus", password);
            await server.WaitUntilServingAsync(http, discovery);
        }

        var corpus = Path.Combine(_folder.Path, "corpus.json");
        using (var file = File.Create(corpus))
        {
            new CorpusGenerator(seed: 7).Write(file, Objects);
        }

        await Ok("--home", b, "init", "--name", "RUS");
        await OkWithInput(password, "--home", b, "remote", "add", "fra", "--url", discovery, "--user", "rus", "--password-stdin");
        // Push the corpus into A's collection through A's own TAXII endpoint, as a partner would.
        await OkWithInput(password, "--home", b, "remote", "add", "self", "--url", discovery, "--user", "rus", "--password-stdin");
        await Ok("--home", b, "push", "self", "--collection", collection, corpus);

        using (var puller = NodeProcess.Start(_folder.Path, null, "--home", b, "pull", "fra", "--collection", collection))
        {
            await WaitFor(() => Count(Path.Combine(b, "liaison.db"), "SELECT COUNT(*) FROM provenance") >= 20_000 || puller.HasExited, TimeSpan.FromMinutes(3));
            Assert.False(puller.HasExited, "the pull finished before it could be killed: " + puller.Output);
            puller.Kill();
        }

        var partial = Count(Path.Combine(b, "liaison.db"), "SELECT COUNT(*) FROM provenance");
        Assert.InRange(partial, 20_000, Objects - 1);

        await Ok("--home", b, "pull", "fra", "--collection", collection);

        var database = Path.Combine(b, "liaison.db");
        // The corpus, plus B's own identity: every object once, one version each, each received once.
        Assert.Equal(Objects + 1, Count(database, "SELECT COUNT(*) FROM objects"));
        Assert.Equal(Objects + 1, Count(database, "SELECT COUNT(DISTINCT key) FROM objects"));
        Assert.Equal(Objects, Count(database, "SELECT COUNT(*) FROM provenance WHERE remote = 'fra'"));
        server.Kill();
    }

    private static Task WaitFor(Func<bool> condition, TimeSpan timeout) => WaitFor(() => Task.FromResult(condition()), timeout);

    private static async Task WaitFor(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out after {timeout}");
            await Task.Delay(100);
        }
    }

    private static long Count(string database, string sql)
    {
        if (!File.Exists(database))
        {
            return 0;
        }

        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        try
        {
            return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (SqliteException)
        {
            return 0; // the schema is not there yet
        }
    }

    private Task<string> Ok(params string[] args) => OkWithInput(null, args);

    private async Task<string> OkWithInput(string? stdin, params string[] args)
    {
        var (exit, output) = await NodeProcess.RunAsync(_folder.Path, stdin, args);
        Assert.True(exit == 0, $"liaison {string.Join(' ', args)} exited {exit}: {output}");
        return output;
    }
}
