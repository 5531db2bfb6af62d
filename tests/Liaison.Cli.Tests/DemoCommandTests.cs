using System.Text.RegularExpressions;
using Liaison.Cli.Tests.Support;

namespace Liaison.Cli.Tests;

public sealed partial class DemoCommandTests
{
    [Fact]
    public async Task Demo_exits_0_and_every_check_passes()
    {
        using var cli = new CliHarness();

        var result = (await cli.Run("demo")).ExitsWith(ExitCodes.Ok);

        var last = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
        var summary = AllPassed().Match(last);
        Assert.True(summary.Success, $"last line: {last}\n{result}");
        Assert.True(int.Parse(summary.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= 20, last);
        Assert.DoesNotContain("FAILED", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Suqaylabiyah", result.Stdout, StringComparison.Ordinal);
        Assert.Empty(result.Stderr);
    }

    [Fact]
    public async Task Demo_with_json_lists_its_checks_and_removes_its_temporary_node()
    {
        using var cli = new CliHarness();

        var json = (await cli.Run("demo", "--json")).ExitsWith(ExitCodes.Ok).Json();

        Assert.True(json["passed"]!.GetValue<bool>());
        var checks = json["checks"]!.AsArray();
        Assert.True(checks.Count >= 20);
        Assert.All(checks, c => Assert.True(c!["passed"]!.GetValue<bool>(), c["check"]!.GetValue<string>()));
        Assert.False(Directory.Exists(json["home"]!.GetValue<string>()), "the demo's temporary node is removed");
        Assert.Empty(Directory.GetFileSystemEntries(cli.Root));
    }

    [Fact]
    public async Task Demo_keep_leaves_both_nodes_usable_with_home()
    {
        using var cli = new CliHarness();

        (await cli.Run("demo", "--keep", "demo-nodes")).ExitsWith(ExitCodes.Ok);

        var fra = await cli.Json("stats", "--home", "demo-nodes/fra");
        Assert.Contains("FRA", fra["name"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(fra["objects"]!.GetValue<long>() > 20);
        var incidents = await cli.Json("query", "--home", "demo-nodes/fra", "--type", "incident", "--text", "Suqaylabiyah");
        Assert.Equal(1, incidents["count"]!.GetValue<int>());
        var rus = await cli.Json("partner", "show", "FRA", "--home", "demo-nodes/rus");
        Assert.Equal(1, rus["agreement_version"]!.GetValue<int>());
        // At RUS, FRA's incidents are partner objects: one Suqaylabiyah, under FRA's released id.
        var atRus = await cli.Json("query", "--home", "demo-nodes/rus", "--type", "incident", "--text", "Suqaylabiyah");
        Assert.Equal(1, atRus["count"]!.GetValue<int>());
        (await cli.Run("ledger", "verify", "--home", "demo-nodes/rus")).ExitsWith(ExitCodes.Ok);
        (await cli.Run("ledger", "compare", "RUS", "--home", "demo-nodes/fra")).ExitsWith(ExitCodes.Ok);
    }

    [Fact]
    public async Task Demo_keep_refuses_a_folder_that_already_holds_a_node()
    {
        using var cli = new CliHarness();
        await cli.Init();
        var before = await cli.Snapshot();

        var result = (await cli.Run("demo", "--keep", cli.Home)).ExitsWith(ExitCodes.NodeError);

        Assert.Contains("not empty", result.Stderr, StringComparison.Ordinal);

        Assert.Contains(cli.Home, result.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, await cli.Snapshot());
    }

    [GeneratedRegex(@"^(\d+) of \1 checks passed\.?$")]
    private static partial Regex AllPassed();
}
