using Liaison.Cli.Tests.Support;

namespace Liaison.Cli.Tests;

public sealed class RemoteCommandTests
{
    [Fact]
    public async Task Remote_add_keeps_the_secret_in_a_private_file_and_list_never_shows_it()
    {
        using var cli = new CliHarness();
        await cli.Init();

        (await cli.RunWithInput("s3cret-password-value\n", "remote", "add", "rus", "--url", "https://rus.example/taxii2/", "--user", "fra", "--password-stdin")).ExitsWith(ExitCodes.Ok);
        (await cli.RunWithInput("lsn_token-value\n", "remote", "add", "misp", "--url", "https://misp.example/taxii2/", "--token-stdin")).ExitsWith(ExitCodes.Ok);

        var file = Path.Combine(cli.Home, "keys", "remotes.json");
        Assert.True(File.Exists(file));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }

        var list = await cli.Run("remote", "list");
        var json = await cli.Run("remote", "list", "--json");
        foreach (var output in new[] { list.Stdout + list.Stderr, json.Stdout })
        {
            Assert.Contains("rus.example", output, StringComparison.Ordinal);
            Assert.DoesNotContain("s3cret-password-value", output, StringComparison.Ordinal);
            Assert.DoesNotContain("lsn_token-value", output, StringComparison.Ordinal);
        }

        (await cli.Run("remote", "remove", "misp")).ExitsWith(ExitCodes.Ok);
        (await cli.Run("remote", "remove", "misp")).ExitsWith(ExitCodes.Rejected);
        Assert.DoesNotContain("misp.example", (await cli.Run("remote", "list")).Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--user", "fra")]                       // a user without --password-stdin
    [InlineData("--password-stdin")]                    // a password without a user
    [InlineData("--user", "fra", "--password-stdin", "--token-stdin")]
    [InlineData()]                                      // no credentials at all
    public async Task Remote_add_needs_exactly_one_way_to_authenticate(params string[] credentials)
    {
        using var cli = new CliHarness();
        await cli.Init();

        var result = await cli.RunWithInput("secret-line\n", ["remote", "add", "rus", "--url", "https://rus.example/taxii2/", .. credentials]);

        result.ExitsWith(ExitCodes.Usage);
        Assert.Contains("--password-stdin", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://rus.example/taxii2/")]
    [InlineData("not a url")]
    public async Task Remote_add_refuses_a_url_that_is_not_http(string url)
    {
        using var cli = new CliHarness();
        await cli.Init();

        var result = await cli.RunWithInput("lsn_x\n", "remote", "add", "rus", "--url", url, "--token-stdin");

        result.ExitsWith(ExitCodes.Usage);
        Assert.Contains("--url", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pull_from_an_unknown_remote_says_how_to_add_it()
    {
        using var cli = new CliHarness();
        await cli.Init();

        var result = await cli.Run("pull", "nowhere");

        result.ExitsWith(ExitCodes.Rejected);
        Assert.Contains("remote add nowhere", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pull_from_an_unreachable_remote_fails_with_a_clear_message_and_stores_nothing()
    {
        using var cli = new CliHarness();
        await cli.Init();
        var port = EndToEnd.NodeProcess.FreePort();
        (await cli.RunWithInput("lsn_x\n", "remote", "add", "gone", "--url", $"http://127.0.0.1:{port}/taxii2/", "--token-stdin")).ExitsWith(ExitCodes.Ok);
        var before = await cli.Snapshot();

        var result = await cli.Run("pull", "gone");

        result.ExitsWith(ExitCodes.NodeError);
        Assert.Contains("pull from 'gone' failed", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("lsn_x", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, await cli.Snapshot());
    }
}
