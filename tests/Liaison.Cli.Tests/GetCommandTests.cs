using Liaison.Cli.Tests.Support;

namespace Liaison.Cli.Tests;

public sealed class GetCommandTests
{
    private static readonly string ActorId = Stix.Id("threat-actor", 1);

    [Fact]
    public async Task Get_shows_the_latest_version()
    {
        using var cli = await NodeWithTwoVersions();

        var result = (await cli.Run("get", ActorId)).ExitsWith(ExitCodes.Ok);

        Assert.Contains("\"second\"", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\"first\"", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_with_json_returns_the_latest_version_and_its_metadata()
    {
        using var cli = await NodeWithTwoVersions();

        var versions = (await cli.Json("get", ActorId))["versions"]!.AsArray();

        var only = Assert.Single(versions)!;
        Assert.Equal("second", only["object"]!["description"]!.GetValue<string>());
        Assert.Equal("2015-12-02T00:00:00.000Z", only["object"]!["modified"]!.GetValue<string>());
        Assert.True(only["latest"]!.GetValue<bool>());
        Assert.False(only["revoked"]!.GetValue<bool>());
        Assert.Equal(64, only["content_hash"]!.GetValue<string>().Length);
    }

    [Fact]
    public async Task Get_all_versions_lists_them_oldest_first()
    {
        using var cli = await NodeWithTwoVersions();

        var versions = (await cli.Json("get", ActorId, "--all-versions"))["versions"]!.AsArray();

        Assert.Equal(["first", "second"], versions.Select(v => v!["object"]!["description"]!.GetValue<string>()));
        Assert.Equal([false, true], versions.Select(v => v!["latest"]!.GetValue<bool>()));
        var plain = (await cli.Run("get", ActorId, "--all-versions")).ExitsWith(ExitCodes.Ok).Stdout;
        Assert.True(plain.IndexOf("\"first\"", StringComparison.Ordinal) < plain.IndexOf("\"second\"", StringComparison.Ordinal), plain);
    }

    [Fact]
    public async Task Get_of_an_unknown_id_exits_1_and_names_it()
    {
        using var cli = await NodeWithTwoVersions();
        var unknown = Stix.Id("threat-actor", 99);

        var result = (await cli.Run("get", unknown)).ExitsWith(ExitCodes.Rejected);
        var json = (await cli.Run("get", unknown, "--json")).ExitsWith(ExitCodes.Rejected);

        Assert.Contains(unknown, result.Stderr, StringComparison.Ordinal);
        Assert.Contains(unknown, json.Json()["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    private static async Task<CliHarness> NodeWithTwoVersions()
    {
        var cli = new CliHarness();
        await cli.Init();
        var first = cli.Write("v1.json", Stix.Bundle(Stix.ThreatActor(1, "Group", "first")));
        var second = cli.Write("v2.json", Stix.Bundle(Stix.ThreatActor(1, "Group", "second").With("modified", "2015-12-02T00:00:00.000Z")));
        (await cli.Run("ingest", first, second)).ExitsWith(ExitCodes.Ok);
        return cli;
    }
}
