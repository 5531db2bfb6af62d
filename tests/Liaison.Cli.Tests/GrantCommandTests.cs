using Liaison.Cli.Tests.Support;

namespace Liaison.Cli.Tests;

public sealed class GrantCommandTests
{
    /// <summary>A node with two principals and two collections (one with an alias); returns the collections' ids.</summary>
    private static async Task<(string ToRussia, string ToUnhcr)> Setup(CliHarness cli)
    {
        await cli.Init();
        (await cli.Run("principal", "create", "rus-liaison")).ExitsWith(ExitCodes.Ok);
        (await cli.Run("principal", "create", "unhcr")).ExitsWith(ExitCodes.Ok);
        var rus = (await cli.Json("collection", "create", "Outbound RUS", "--alias", "to-rus"))["id"]!.GetValue<string>();
        var unhcr = (await cli.Json("collection", "create", "Outbound UNHCR"))["id"]!.GetValue<string>();
        return (rus, unhcr);
    }

    private static async Task<List<string>> Grants(CliHarness cli, params string[] principal) =>
        (await cli.Json(["grant", "list", .. principal]))["grants"]!.AsArray()
            .Select(g => $"{g!["principal"]} {g["collection_id"]} r={g["can_read"]} w={g["can_write"]}").ToList();

    [Fact]
    public async Task Grant_by_alias_or_id_gives_exactly_the_rights_asked()
    {
        using var cli = new CliHarness();
        var (rus, unhcr) = await Setup(cli);

        var json = await cli.Json("grant", "rus-liaison", "to-rus", "--read", "--write");
        (await cli.Run("grant", "unhcr", unhcr, "--read")).ExitsWith(ExitCodes.Ok);

        Assert.True(json["can_read"]!.GetValue<bool>());
        Assert.True(json["can_write"]!.GetValue<bool>());
        Assert.Equal(rus, json["collection_id"]!.GetValue<string>());
        Assert.Equal([$"rus-liaison {rus} r=true w=true", $"unhcr {unhcr} r=true w=false"], await Grants(cli));
    }

    [Fact]
    public async Task Granting_again_replaces_the_rights()
    {
        using var cli = new CliHarness();
        var (rus, _) = await Setup(cli);
        (await cli.Run("grant", "rus-liaison", "to-rus", "--read", "--write")).ExitsWith(ExitCodes.Ok);

        var stdout = (await cli.Run("grant", "rus-liaison", "to-rus", "--read")).ExitsWith(ExitCodes.Ok).Stdout;

        Assert.Contains("'rus-liaison' may now read (not write) 'Outbound RUS'", stdout, StringComparison.Ordinal);
        Assert.Equal([$"rus-liaison {rus} r=true w=false"], await Grants(cli));
    }

    [Fact]
    public async Task Grant_without_read_or_write_exits_2_and_grants_nothing()
    {
        using var cli = new CliHarness();
        await Setup(cli);

        var result = (await cli.Run("grant", "rus-liaison", "to-rus")).ExitsWith(ExitCodes.Usage);

        Assert.Contains("--read, --write or both", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(await Grants(cli));
    }

    [Theory]
    [InlineData("nobody", "to-rus", "no principal 'nobody'")]
    [InlineData("rus-liaison", "to-nowhere", "no collection 'to-nowhere'")]
    [InlineData("rus-liaison", "0b9a6c2e-0c35-4a52-8f3b-8d3a4b8e9f10", "no collection '0b9a6c2e-0c35-4a52-8f3b-8d3a4b8e9f10'")]
    public async Task Grant_to_an_unknown_principal_or_collection_exits_1_and_names_it(string principal, string collection, string message)
    {
        using var cli = new CliHarness();
        await Setup(cli);

        var result = (await cli.Run("grant", principal, collection, "--read")).ExitsWith(ExitCodes.Rejected);

        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
        Assert.Empty(await Grants(cli));
    }

    [Fact]
    public async Task Grant_to_a_revoked_principal_exits_1()
    {
        using var cli = new CliHarness();
        await Setup(cli);
        (await cli.Run("principal", "revoke", "unhcr")).ExitsWith(ExitCodes.Ok);

        var result = (await cli.Run("grant", "unhcr", "to-rus", "--read")).ExitsWith(ExitCodes.Rejected);

        Assert.Contains("revoked", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_can_be_narrowed_to_one_principal_and_shows_collection_titles()
    {
        using var cli = new CliHarness();
        var (rus, unhcr) = await Setup(cli);
        (await cli.Run("grant", "rus-liaison", "to-rus", "--read")).ExitsWith(ExitCodes.Ok);
        (await cli.Run("grant", "unhcr", unhcr, "--write")).ExitsWith(ExitCodes.Ok);

        var plain = (await cli.Run("grant", "list", "unhcr")).ExitsWith(ExitCodes.Ok).Stdout;

        Assert.Equal([$"rus-liaison {rus} r=true w=false"], await Grants(cli, "RUS-Liaison"));
        Assert.Contains($"unhcr\tOutbound UNHCR\t{unhcr}\tno\tyes", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("rus-liaison", plain, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_for_an_unknown_principal_exits_1()
    {
        using var cli = new CliHarness();
        await Setup(cli);

        (await cli.Run("grant", "list", "nobody")).ExitsWith(ExitCodes.Rejected);
    }

    [Fact]
    public async Task Revoke_takes_the_grant_away_and_a_second_revoke_exits_1()
    {
        using var cli = new CliHarness();
        var (_, unhcr) = await Setup(cli);
        (await cli.Run("grant", "rus-liaison", "to-rus", "--read")).ExitsWith(ExitCodes.Ok);
        (await cli.Run("grant", "unhcr", unhcr, "--read")).ExitsWith(ExitCodes.Ok);

        (await cli.Run("grant", "revoke", "rus-liaison", "to-rus")).ExitsWith(ExitCodes.Ok);
        var again = (await cli.Run("grant", "revoke", "rus-liaison", "to-rus")).ExitsWith(ExitCodes.Rejected);

        Assert.Contains("'rus-liaison' has no grant on 'Outbound RUS'", again.Stderr, StringComparison.Ordinal);
        Assert.Equal([$"unhcr {unhcr} r=true w=false"], await Grants(cli));
    }

    [Theory]
    [InlineData("nobody", "to-rus")]
    [InlineData("rus-liaison", "to-nowhere")]
    public async Task Revoke_naming_an_unknown_principal_or_collection_exits_1(string principal, string collection)
    {
        using var cli = new CliHarness();
        await Setup(cli);

        (await cli.Run("grant", "revoke", principal, collection)).ExitsWith(ExitCodes.Rejected);
    }
}
