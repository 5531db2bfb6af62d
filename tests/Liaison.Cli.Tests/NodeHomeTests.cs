using Liaison.Cli.Tests.Support;

namespace Liaison.Cli.Tests;

/// <summary>Which node a command uses: <c>--home</c>, else <c>LIAISON_HOME</c>, else <c>./.liaison</c>.</summary>
public sealed class NodeHomeTests
{
    [Fact]
    public async Task Home_flag_beats_LIAISON_HOME()
    {
        using var cli = new CliHarness();
        var flagged = Path.Combine(cli.Root, "flagged");

        (await cli.Run("init", "--name", "flagged", "--home", flagged)).ExitsWith(ExitCodes.Ok);

        Assert.True(File.Exists(Path.Combine(flagged, "liaison.json")));
        Assert.False(Directory.Exists(cli.Home));
        Assert.Equal("flagged", (await cli.Json("stats", "--home", flagged))["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task LIAISON_HOME_beats_the_default_folder()
    {
        using var cli = new CliHarness();
        cli.Variables["LIAISON_HOME"] = "from-env";

        await cli.Init("env node");

        Assert.True(File.Exists(Path.Combine(cli.Root, "from-env", "liaison.json")), "a relative LIAISON_HOME starts from the working directory");
        Assert.False(Directory.Exists(Path.Combine(cli.Root, ".liaison")));
        Assert.Equal("env node", (await cli.Json("stats"))["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Without_flag_or_variable_the_node_is_dot_liaison_in_the_working_directory()
    {
        using var cli = new CliHarness();
        cli.Variables.Remove("LIAISON_HOME");
        cli.WorkingDirectory = Path.Combine(cli.Root, "work");
        Directory.CreateDirectory(cli.WorkingDirectory);

        var json = await cli.Json("init", "--name", "default node");

        var expected = Path.Combine(cli.WorkingDirectory, ".liaison");
        Assert.Equal(expected, json["home"]!.GetValue<string>());
        Assert.True(File.Exists(Path.Combine(expected, "liaison.json")));
        Assert.Equal("default node", (await cli.Json("stats"))["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Each_choice_reads_its_own_node()
    {
        using var cli = new CliHarness();
        var flagged = Path.Combine(cli.Root, "flagged");
        await cli.Init("env node");
        (await cli.Run("init", "--name", "flagged node", "--home", flagged)).ExitsWith(ExitCodes.Ok);
        cli.Variables.Remove("LIAISON_HOME");
        (await cli.Run("init", "--name", "default node")).ExitsWith(ExitCodes.Ok);

        Assert.Equal("default node", (await cli.Json("stats"))["name"]!.GetValue<string>());
        Assert.Equal("flagged node", (await cli.Json("stats", "--home", flagged))["name"]!.GetValue<string>());
        cli.Variables["LIAISON_HOME"] = cli.Home;
        Assert.Equal("env node", (await cli.Json("stats"))["name"]!.GetValue<string>());
        Assert.Equal("flagged node", (await cli.Json("stats", "--home", flagged))["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_command_without_a_node_exits_3_and_says_how_to_create_one()
    {
        using var cli = new CliHarness();

        var result = (await cli.Run("stats")).ExitsWith(ExitCodes.NodeError);

        Assert.Contains(cli.Home, result.Stderr, StringComparison.Ordinal);
        Assert.Contains("liaison init", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(cli.Home), "reading commands must not create a node");
    }
}
