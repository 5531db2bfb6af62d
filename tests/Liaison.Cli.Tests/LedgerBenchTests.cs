using Liaison.Cli.Tests.Support;

namespace Liaison.Cli.Tests;

/// <summary>A smoke run: the ledger's figures are measured with a Release build, not in tests.</summary>
public sealed class LedgerBenchTests
{
    [Fact]
    public async Task Bench_ledger_appends_verifies_and_times_proofs()
    {
        using var cli = new CliHarness();

        var json = (await cli.Run("bench", "ledger", "--entries", "25000", "--proofs", "20", "--json")).ExitsWith(ExitCodes.Ok).Json();

        Assert.Equal(25_000, json["entries"]!.GetValue<long>());
        Assert.True(json["valid"]!.GetValue<bool>());
        Assert.Equal(20, json["inclusion_ms"]!["count"]!.GetValue<int>());
    }
}
