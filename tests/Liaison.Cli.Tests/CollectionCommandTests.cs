using Liaison.Cli.Tests.Support;

namespace Liaison.Cli.Tests;

public sealed class CollectionCommandTests
{
    [Fact]
    public async Task Create_prints_the_new_collections_id()
    {
        using var cli = new CliHarness();
        await cli.Init();

        var json = await cli.Json("collection", "create", "Outbound RUS", "--alias", "to-rus", "--description", "What Russia may read");
        var plain = (await cli.Run("collection", "create", "Outbound UNHCR")).ExitsWith(ExitCodes.Ok).Stdout;

        Assert.True(Guid.TryParse(json["id"]!.GetValue<string>(), out _));
        Assert.Equal("Outbound RUS", json["title"]!.GetValue<string>());
        Assert.Equal("to-rus", json["alias"]!.GetValue<string>());
        Assert.Equal("What Russia may read", json["description"]!.GetValue<string>());
        Assert.Matches(@"Collection 'Outbound UNHCR' created: [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\n", plain);
    }

    [Fact]
    public async Task List_shows_every_collection_oldest_first()
    {
        using var cli = new CliHarness();
        await cli.Init();
        var rus = (await cli.Json("collection", "create", "Outbound RUS", "--alias", "to-rus"))["id"]!.GetValue<string>();
        var unhcr = (await cli.Json("collection", "create", "Outbound UNHCR"))["id"]!.GetValue<string>();

        var json = await cli.Json("collection", "list");
        var plain = (await cli.Run("collection", "list")).ExitsWith(ExitCodes.Ok).Stdout;

        Assert.Equal([rus, unhcr], json["collections"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()));
        Assert.Contains($"{rus}\tto-rus\tOutbound RUS\t", plain, StringComparison.Ordinal);
        Assert.Contains($"{unhcr}\t-\tOutbound UNHCR\t", plain, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_alias_already_used_in_any_case_exits_1_and_names_its_collection()
    {
        using var cli = new CliHarness();
        await cli.Init();
        var rus = (await cli.Json("collection", "create", "Outbound RUS", "--alias", "to-rus"))["id"]!.GetValue<string>();

        var result = (await cli.Run("collection", "create", "Another", "--alias", "TO-RUS")).ExitsWith(ExitCodes.Rejected);

        Assert.Contains("alias 'TO-RUS' is already used by collection", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(rus, result.Stderr, StringComparison.Ordinal);
        Assert.Single((await cli.Json("collection", "list"))["collections"]!.AsArray());
    }

    [Theory]
    [InlineData("--alias", "with space")]
    [InlineData("--alias", "0b9a6c2e-0c35-4a52-8f3b-8d3a4b8e9f10")]
    public async Task A_bad_alias_exits_2(string option, string value)
    {
        using var cli = new CliHarness();
        await cli.Init();

        var result = (await cli.Run("collection", "create", "Title", option, value)).ExitsWith(ExitCodes.Usage);

        Assert.Contains("alias", result.Stderr, StringComparison.Ordinal);
        Assert.Empty((await cli.Json("collection", "list"))["collections"]!.AsArray());
    }

    [Fact]
    public async Task A_blank_title_exits_2()
    {
        using var cli = new CliHarness();
        await cli.Init();

        (await cli.Run("collection", "create", "  ")).ExitsWith(ExitCodes.Usage);
        (await cli.Run("collection", "create")).ExitsWith(ExitCodes.Usage);
    }
}
