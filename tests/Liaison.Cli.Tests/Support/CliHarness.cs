using System.Text;
using System.Text.Json.Nodes;

namespace Liaison.Cli.Tests.Support;

/// <summary>
/// Runs the real CLI in process, in a temporary working directory of its own (removed afterwards), with captured
/// streams and a private set of environment variables. <c>LIAISON_HOME</c> points at <see cref="Home"/> unless a
/// test changes <see cref="Variables"/>.
/// </summary>
internal sealed class CliHarness : IDisposable
{
    public CliHarness()
    {
        Root = Path.Combine(Path.GetTempPath(), $"liaison-cli-test-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Root);
        WorkingDirectory = Root;
        Home = Path.Combine(Root, "node");
        Variables["LIAISON_HOME"] = Home;
    }

    /// <summary>The test's temporary directory.</summary>
    public string Root { get; }

    /// <summary>The directory relative paths start from (the test's root unless changed).</summary>
    public string WorkingDirectory { get; set; }

    /// <summary>The node's home used by default (through <c>LIAISON_HOME</c>).</summary>
    public string Home { get; }

    /// <summary>The environment the CLI sees; nothing of the real process environment leaks in.</summary>
    public Dictionary<string, string> Variables { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether the CLI believes its output is a terminal.</summary>
    public bool IsTerminal { get; set; }

    public Task<CliResult> Run(params string[] args) => RunWithInput(Stream.Null, args);

    public Task<CliResult> RunWithInput(string stdin, params string[] args) => RunWithInput(Encoding.UTF8.GetBytes(stdin), args);

    public async Task<CliResult> RunWithInput(byte[] stdin, params string[] args)
    {
        using var stream = new MemoryStream(stdin, writable: false);
        return await RunWithInput(stream, args);
    }

    public async Task<CliResult> RunWithInput(Stream stdin, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var environment = new CliEnvironment(stdin, stdout, stderr, IsTerminal, name => Variables.GetValueOrDefault(name), WorkingDirectory);
        var exit = await LiaisonCommandLine.InvokeAsync(args, environment);
        return new CliResult(args, exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs a command with <c>--json</c> that must succeed, and returns its parsed output.</summary>
    public async Task<JsonNode> Json(params string[] args) => (await Run([.. args, "--json"])).ExitsWith(ExitCodes.Ok).Json();

    /// <summary>Creates the default node and returns its identity id.</summary>
    public async Task<string> Init(string name = "Test node")
    {
        var result = await Json("init", "--name", name);
        return result["identity_id"]!.GetValue<string>();
    }

    /// <summary>Writes a file under <see cref="Root"/> (creating folders) and returns its full path.</summary>
    public string Write(string relativePath, string content) => Write(relativePath, Encoding.UTF8.GetBytes(content));

    public string Write(string relativePath, byte[] content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    /// <summary>
    /// Everything the default node holds, as the CLI shows it: its statistics and every
    /// version of every object (id, added_at, latest, revoked, content hash), one line each, in a stable order.
    /// Two equal snapshots mean the database holds exactly the same objects. Left out: the file size, and the
    /// text-index backlog (a derived index every ingest and text query catches up, e.g. for the identity init stores).
    /// </summary>
    public async Task<string> Snapshot()
    {
        var stats = (JsonObject)await Json("stats");
        stats.Remove("database_bytes");
        stats.Remove("text_index_backlog");
        var lines = new List<string> { stats.ToJsonString() };
        var query = await Json("query", "--include-revoked", "--limit", "10000");
        var ids = query["objects"]!.AsArray().Select(o => o!["object"]!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();
        Assert.True(ids.Count < 10_000, "snapshot too large for one query");
        foreach (var id in ids)
        {
            var versions = await Json("get", id, "--all-versions");
            foreach (var version in versions["versions"]!.AsArray())
            {
                lines.Add($"{id} {version!["added_at"]} latest={version["latest"]} revoked={version["revoked"]} {version["content_hash"]}");
            }
        }

        return string.Join('\n', lines);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail the test.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
