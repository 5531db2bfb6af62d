using Liaison.Cli.Tests.Support;

namespace Liaison.Cli.Tests;

/// <summary>A tiny smoke run: the benchmark's figures are measured elsewhere, not in tests.</summary>
public sealed class BenchCommandTests
{
    [Fact]
    public async Task Bench_ingest_of_a_small_corpus_stores_every_object_and_times_the_queries()
    {
        using var cli = new CliHarness();

        var json = (await cli.Run("bench", "ingest", "--objects", "2000", "--queries", "10", "--keep", "bench", "--json")).ExitsWith(ExitCodes.Ok).Json();

        Assert.Equal(2000, json["objects"]!.GetValue<long>());
        Assert.True(json["objects_per_second"]!.GetValue<double>() > 0);
        Assert.Equal(10, json["query_ms"]!["count"]!.GetValue<int>());
        var stats = await cli.Json("stats", "--home", Path.Combine("bench", "node"));
        Assert.Equal(2001, stats["objects"]!.GetValue<long>());
    }

    [Fact]
    public async Task Bench_ingest_of_no_objects_is_a_usage_error()
    {
        using var cli = new CliHarness();

        var result = (await cli.Run("bench", "ingest", "--objects", "0")).ExitsWith(ExitCodes.Usage);

        Assert.Contains("--objects", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bench_taxii_read_fills_a_collection_and_times_the_pages_asked_for()
    {
        using var cli = new CliHarness();

        var json = (await cli.Run("bench", "taxii-read", "--objects", "2500", "--pages", "5", "--json")).ExitsWith(ExitCodes.Ok).Json();

        Assert.Equal(2500, json["members"]!.GetValue<long>());
        Assert.Equal(5, json["page_ms"]!["count"]!.GetValue<int>());
        Assert.True(json["page_ms"]!["max"]!.GetValue<double>() > 0);
    }

    [Fact]
    public async Task Bench_taxii_read_of_no_pages_is_a_usage_error()
    {
        using var cli = new CliHarness();

        var result = (await cli.Run("bench", "taxii-read", "--pages", "0")).ExitsWith(ExitCodes.Usage);

        Assert.Contains("--pages", result.Stderr, StringComparison.Ordinal);
    }
}
