using Liaison.Cli.Tests.Support;

namespace Liaison.Cli.Tests;

/// <summary>The bilateral person-match key and the question's refusals (the exchange itself runs in the demo test).</summary>
public sealed class PersonMatchCommandTests
{
    private static readonly string RusKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    private static async Task<CliHarness> Node()
    {
        var cli = new CliHarness();
        await cli.Init("FRA");
        (await cli.Run("partner", "add", "RUS", "--url", "https://rus.example/taxii2/", "--public-key", RusKey)).ExitsWith(ExitCodes.Ok);
        return cli;
    }

    [Fact]
    public async Task A_generated_key_is_shown_once_and_kept_readable_by_the_owner_only()
    {
        using var cli = await Node();

        var generated = await cli.Json("partner", "match-key", "RUS", "--generate");
        (await cli.RunWithInput((string)generated["key"]! + "\n", "partner", "match-key", "RUS", "--key-stdin")).ExitsWith(ExitCodes.Ok);

        var file = Path.Combine(cli.Home, "keys", "partners", "RUS.match");
        Assert.Equal(Convert.FromBase64String((string)generated["key"]!), await File.ReadAllBytesAsync(file));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }

    [Fact]
    public async Task Bad_keys_and_questions_without_a_key_are_refused_with_the_reason()
    {
        using var cli = await Node();

        var neither = await cli.Run("partner", "match-key", "RUS");
        var shortKey = await cli.RunWithInput(Convert.ToBase64String(new byte[8]) + "\n", "partner", "match-key", "RUS", "--key-stdin");
        var noKey = await cli.Run("person", "match", "RUS", "--name", "Abu Omar", "--birth-year", "1991");

        Assert.Equal(ExitCodes.Usage, neither.ExitCode);
        Assert.Equal(ExitCodes.Usage, shortKey.ExitCode);
        Assert.Contains("at least 32 bytes", shortKey.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(cli.Home, "keys", "partners", "RUS.match")));
        Assert.Equal(ExitCodes.Rejected, noKey.ExitCode);
        Assert.Contains("no person-match key with RUS", noKey.Stderr, StringComparison.Ordinal);
    }
}
