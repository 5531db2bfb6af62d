using System.Text.Json.Nodes;
using Liaison.Cli.Tests.Support;

namespace Liaison.Cli.Tests;

public sealed class QueryCommandTests
{
    // Locations: their time span runs from created to modified.
    private static readonly JsonObject[] Objects =
    [
        Stix.Location(1, "Hama", 35.1318, 36.7578, created: "2015-12-01T00:00:00.000Z"),
        Stix.Location(2, "Barza, Damascus", 33.5530, 36.3244, created: "2015-12-10T00:00:00.000Z"),
        Stix.Location(3, "Paris", 48.8566, 2.3522, created: "2016-06-01T00:00:00.000Z"),
        Stix.Location(4, "Moscow", 55.7558, 37.6173, created: "2017-01-01T00:00:00.000Z"),
        Stix.ThreatActor(1, "Jaysh al-Islam", "Also called Armée de l'islam"),
        Stix.ThreatActor(2, "Daech"),
        Stix.Identity(1, "SANA"),
    ];

    [Fact]
    public async Task Query_by_type_keeps_that_type()
    {
        using var cli = await Node();

        Assert.Equal(["Moscow", "Paris", "Barza, Damascus", "Hama"], await Names(cli, "query", "--type", "location"));
    }

    [Fact]
    public async Task Query_type_is_repeatable_and_keeps_any_of_them()
    {
        using var cli = await Node();

        var names = await Names(cli, "query", "--type", "threat-actor", "--type", "location");

        Assert.Equal(6, names.Count);
        Assert.Contains("Daech", names);
        Assert.Contains("Hama", names);
        Assert.DoesNotContain("SANA", names);
    }

    [Fact]
    public async Task Query_since_a_timestamp_keeps_objects_whose_time_reaches_it()
    {
        using var cli = await Node();

        Assert.Equal(["Moscow", "Paris"], await Names(cli, "query", "--type", "location", "--since", "2016-06-01T00:00:00Z"));
    }

    [Fact]
    public async Task Query_since_a_date_starts_at_its_midnight_UTC()
    {
        using var cli = await Node();

        Assert.Equal(["Moscow"], await Names(cli, "query", "--type", "location", "--since", "2016-06-02"));
        Assert.Equal(["Moscow", "Paris"], await Names(cli, "query", "--type", "location", "--since", "2016-06-01"));
    }

    [Fact]
    public async Task Query_until_keeps_objects_whose_time_starts_by_then()
    {
        using var cli = await Node();

        Assert.Equal(["Hama"], await Names(cli, "query", "--type", "location", "--until", "2015-12-05"));
        Assert.Equal(["Barza, Damascus", "Hama"], await Names(cli, "query", "--type", "location", "--until", "2015-12-10T00:00:00.000Z"));
    }

    [Fact]
    public async Task Query_since_and_until_together_keep_the_window()
    {
        using var cli = await Node();

        Assert.Equal(["Paris", "Barza, Damascus"], await Names(cli, "query", "--type", "location", "--since", "2015-12-05", "--until", "2016-12-31T23:59:59Z"));
    }

    [Fact]
    public async Task Query_bbox_keeps_objects_located_inside_the_box()
    {
        using var cli = await Node();

        Assert.Equal(["Barza, Damascus", "Hama"], await Names(cli, "query", "--bbox", "35,32,38,37"));
        Assert.Equal(["Moscow", "Paris"], await Names(cli, "query", "--bbox", "0,45,40,60"));
    }

    [Fact]
    public async Task Query_near_keeps_objects_within_the_radius()
    {
        using var cli = await Node();

        Assert.Equal(["Hama"], await Names(cli, "query", "--near", "35.13,36.75,60"));
        Assert.Equal(["Barza, Damascus", "Hama"], await Names(cli, "query", "--near", "35.13,36.75,250"));
    }

    [Fact]
    public async Task Query_text_finds_names_and_descriptions()
    {
        using var cli = await Node();

        Assert.Equal(["Jaysh al-Islam"], await Names(cli, "query", "--text", "Jaysh"));
        Assert.Equal(["Jaysh al-Islam"], await Names(cli, "query", "--text", "Armée islam"));
        Assert.Empty(await Names(cli, "query", "--text", "Jaysh Moscow"));
    }

    [Fact]
    public async Task Query_limit_caps_the_results_most_recent_first()
    {
        using var cli = await Node();

        Assert.Equal(["Moscow", "Paris"], await Names(cli, "query", "--type", "location", "--limit", "2"));
    }

    [Fact]
    public async Task Query_filters_combine()
    {
        using var cli = await Node();

        Assert.Equal(["Barza, Damascus"], await Names(cli, "query", "--type", "location", "--bbox", "35,32,38,37", "--since", "2015-12-05"));
    }

    [Fact]
    public async Task Query_with_json_returns_the_count_and_the_objects()
    {
        using var cli = await Node();

        var json = await cli.Json("query", "--type", "location", "--near", "35.13,36.75,60");

        Assert.Equal(1, json["count"]!.GetValue<int>());
        var only = Assert.Single(json["objects"]!.AsArray())!;
        Assert.Equal(Stix.Id("location", 1), only["object"]!["id"]!.GetValue<string>());
        Assert.True(only["latest"]!.GetValue<bool>());
        Assert.False(string.IsNullOrEmpty(only["added_at"]!.GetValue<string>()));
        Assert.Equal(64, only["content_hash"]!.GetValue<string>().Length);
    }

    [Fact]
    public async Task Query_in_plain_text_is_a_tab_separated_table()
    {
        using var cli = await Node();

        var lines = (await cli.Run("query", "--type", "location", "--limit", "2")).ExitsWith(ExitCodes.Ok).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("# 2 object(s)", lines[0]);
        Assert.Equal("type\tid\tname\tversion\tadded", lines[1]);
        Assert.StartsWith($"location\t{Stix.Id("location", 4)}\tMoscow\t2017-01-01T00:00:00.000Z\t", lines[2], StringComparison.Ordinal);
        Assert.Equal(4, lines.Length);
    }

    [Theory]
    [InlineData("--bbox", "1,2,3")]
    [InlineData("--limit", "0")]
    [InlineData("--limit", "10001")]
    [InlineData("--limit", "many")]
    [InlineData("--near", "100,0,5")]
    [InlineData("--near", "35,36")]
    [InlineData("--since", "yesterday")]
    [InlineData("--until", "2015-13-01")]
    [InlineData("--type", "Not A Type")]
    public async Task Query_with_a_bad_value_exits_2_and_names_the_option(string option, string value)
    {
        using var cli = await Node();

        var result = (await cli.Run("query", option, value)).ExitsWith(ExitCodes.Usage);

        Assert.Contains(option, result.Stderr, StringComparison.Ordinal);
        Assert.StartsWith("error: ", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task Query_with_both_bbox_and_near_exits_2()
    {
        using var cli = await Node();

        var result = (await cli.Run("query", "--bbox", "35,32,38,37", "--near", "35.13,36.75,60")).ExitsWith(ExitCodes.Usage);

        Assert.Contains("--bbox", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("--near", result.Stderr, StringComparison.Ordinal);
    }

    private static async Task<CliHarness> Node()
    {
        var cli = new CliHarness();
        await cli.Init();
        await cli.Json("ingest", cli.Write("objects.json", Stix.Bundle(Objects)));
        return cli;
    }

    private static async Task<List<string>> Names(CliHarness cli, params string[] args)
    {
        var json = await cli.Json(args);
        return json["objects"]!.AsArray().Select(o => o!["object"]!["name"]!.GetValue<string>()).ToList();
    }
}
