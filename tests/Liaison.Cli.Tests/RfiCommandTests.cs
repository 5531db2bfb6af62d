using Liaison.Cli.Tests.Support;

namespace Liaison.Cli.Tests;

/// <summary>Requests for information on one node (the exchange itself runs in the demo test, between two nodes).</summary>
public sealed class RfiCommandTests
{
    private static readonly string RusKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    private const string RusIdentity = "identity--d6c37e79-d8e9-4aca-9e1b-4cde3db929ca";

    private static async Task<CliHarness> Node(bool withIdentity = true)
    {
        var cli = new CliHarness();
        await cli.Init("FRA");
        var add = new List<string> { "partner", "add", "RUS", "--url", "https://rus.example/taxii2/", "--public-key", RusKey };
        if (withIdentity)
        {
            add.AddRange(["--identity", RusIdentity]);
        }

        (await cli.Run([.. add])).ExitsWith(ExitCodes.Ok);
        return cli;
    }

    [Fact]
    public async Task A_request_is_open_then_overdue_then_closed_and_each_step_is_in_the_ledger()
    {
        using var cli = await Node();

        var created = await cli.Json("rfi", "create", "RUS", "--question", "Who leads the convoy escort?", "--due", "2015-12-20T00:00:00Z");
        var listed = await cli.Json("rfi", "list");
        var closed = await cli.Json("rfi", "close", (string)created["id"]!);
        var after = await cli.Json("rfi", "list");
        var ledger = await cli.Json("ledger", "show", "--limit", "10");

        var request = listed["requests"]![0]!;
        Assert.Equal(("out", "RUS"), ((string)request["direction"]!, (string)request["partner"]!));
        // Due in 2015: overdue now, since nothing answered it.
        Assert.Equal("overdue", (string)request["status"]!);
        Assert.Equal("closed", (string)closed["status"]!);
        Assert.Equal("closed", (string)after["requests"]![0]!["status"]!);
        Assert.Equal(2, ledger["entries"]!.AsArray().Count(e => (string)e!["kind"]! == "rfi"));
        var again = await cli.Run("rfi", "close", (string)created["id"]!);
        Assert.Equal(ExitCodes.Rejected, again.ExitCode);
    }

    [Fact]
    public async Task Bad_requests_are_refused_with_the_reason_and_nothing_is_stored()
    {
        using var cli = await Node(withIdentity: false);
        var before = await cli.Snapshot();

        var noIdentity = await cli.Run("rfi", "create", "RUS", "--question", "Q?", "--due", "2015-12-20T00:00:00Z");
        using var named = await Node();
        var badDue = await named.Run("rfi", "create", "RUS", "--question", "Q?", "--due", "next week");
        var unknown = await named.Run("rfi", "create", "RUS", "--question", "Q?", "--due", "2015-12-20T00:00:00Z", "--about", "threat-actor--00000000-0000-4000-8000-000000000001");
        var own = await named.Json("rfi", "create", "RUS", "--question", "Q?", "--due", "2015-12-20T00:00:00Z");
        var answerOwn = await named.Run("rfi", "answer", (string)own["id"]!, "--text", "yes");

        Assert.Equal(ExitCodes.Rejected, noIdentity.ExitCode);
        Assert.Contains("--identity", noIdentity.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, await cli.Snapshot());
        Assert.Equal(ExitCodes.Usage, badDue.ExitCode);
        Assert.Contains("--due", badDue.Stderr, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Rejected, unknown.ExitCode);
        Assert.Contains("no such object", unknown.Stderr, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Rejected, answerOwn.ExitCode);
        Assert.Contains("our own request", answerOwn.Stderr, StringComparison.Ordinal);
        Assert.Single((await named.Json("rfi", "list"))["requests"]!.AsArray());
    }
}
