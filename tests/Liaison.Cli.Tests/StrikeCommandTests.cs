using Liaison.Cli.Tests.Support;

namespace Liaison.Cli.Tests;

public sealed class StrikeCommandTests
{
    private const string Assessor = "identity--86f834a7-790a-48fe-966d-245b75888bc7";

    private static string[] Strike(params string[] changes)
    {
        var args = new List<string>
        {
            "strike", "add", "--time", "2015-12-13T21:40:00Z", "--lat", "35.95", "--lon", "39.01", "--target-category", "oil-transport",
            "--effect", "destroyed", "--civilian-harm", "possible", "--civilians-injured", "2", "--assessor", Assessor, "--confidence", "70",
            "--platform", "Rafale M", "--munition", "GBU-12",
        };
        for (var i = 0; i < changes.Length; i += 2)
        {
            var at = args.IndexOf(changes[i]);
            if (at >= 0)
            {
                args[at + 1] = changes[i + 1];
            }
            else
            {
                args.AddRange([changes[i], changes[i + 1]]);
            }
        }

        return [.. args];
    }

    [Fact]
    public async Task A_strike_assessment_is_stored_with_the_location_struck()
    {
        using var cli = new CliHarness();
        await cli.Init();

        var stored = await cli.Json(Strike());

        var strike = (await cli.Json("get", stored["id"]!.GetValue<string>()))["versions"]![0]!["object"]!;
        Assert.Equal("oil-transport", strike["target_category"]!.GetValue<string>());
        Assert.Equal("possible", strike["civilian_harm"]!["assessment"]!.GetValue<string>());
        Assert.Equal("GBU-12", strike["munition"]!.GetValue<string>());
        Assert.Equal(70, strike["confidence"]!.GetValue<int>());
        var located = await cli.Json("query", "--near", "35.95,39.01,5", "--type", "x-liaison-strike-assessment");
        Assert.Equal(1, located["count"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("--effect", "obliterated", "--effect must be one of destroyed, damaged, no-effect, unknown")]
    [InlineData("--civilian-harm", "some", "--civilian-harm must be one of none-observed, possible, confirmed")]
    [InlineData("--lat", "95", "--lat must be within [-90, 90]")]
    [InlineData("--confidence", "101", "--confidence must be 0 to 100")]
    [InlineData("--time", "yesterday", "--time 'yesterday'")]
    [InlineData("--assessor", "FRA", "--assessor: ")]
    [InlineData("--civilians-injured", "-2", "--civilians-injured must be 0 or more")]
    public async Task Bad_strike_input_is_refused_and_nothing_is_stored(string option, string value, string message)
    {
        using var cli = new CliHarness();
        await cli.Init();
        var before = await cli.Snapshot();

        var result = (await cli.Run(Strike(option, value))).ExitsWith(ExitCodes.Usage);

        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, await cli.Snapshot());
    }

    [Fact]
    public async Task A_strike_the_validator_refuses_stores_nothing_not_even_its_location()
    {
        using var cli = new CliHarness();
        await cli.Init();
        var before = await cli.Snapshot();

        // No civilian harm observed yet civilians counted: the extension's rule refuses it.
        var result = (await cli.Run(Strike("--civilian-harm", "none-observed"))).ExitsWith(ExitCodes.Rejected);

        Assert.Contains("nothing stored", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("civilian_harm", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, await cli.Snapshot());
    }

    [Fact]
    public async Task A_missing_required_option_is_a_usage_error()
    {
        using var cli = new CliHarness();

        (await cli.Run("strike", "add", "--time", "2015-12-13T21:40:00Z")).ExitsWith(ExitCodes.Usage);
    }
}
