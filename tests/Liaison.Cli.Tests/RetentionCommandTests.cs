using System.Text.Json.Nodes;
using Liaison.Cli.Tests.Support;
using Liaison.Core.Extensions;

namespace Liaison.Cli.Tests;

public sealed class RetentionCommandTests
{
    private static JsonObject Person(int n, string reviewBy) => new()
    {
        ["type"] = "identity", ["spec_version"] = "2.1", ["id"] = Stix.Id("identity", n),
        ["created"] = "2015-12-15T08:00:00.000Z", ["modified"] = "2015-12-15T08:00:00.000Z",
        ["name"] = $"Person of interest {n}", ["identity_class"] = "individual",
        ["extensions"] = new JsonObject
        {
            [LiaisonExtensions.PersonOfInterestId] = new JsonObject
            {
                ["extension_type"] = "property-extension",
                ["names"] = new JsonArray(new JsonObject { ["value"] = "Абу Умар", ["script"] = "Cyrl" }),
                ["birth_year"] = 1988, ["review_by"] = reviewBy,
            },
        },
    };

    private static async Task<CliHarness> Node()
    {
        var cli = new CliHarness();
        await cli.Init();
        var bundle = cli.Write("persons.json", Stix.Bundle(Person(1, "2016-06-15T00:00:00Z"), Person(2, "2999-01-01T00:00:00Z")));
        (await cli.Run("ingest", bundle)).ExitsWith(ExitCodes.Ok);
        return cli;
    }

    [Fact]
    public async Task A_dry_run_lists_what_is_due_and_changes_nothing()
    {
        using var cli = await Node();
        var before = await cli.Snapshot();

        var due = await cli.Json("retention", "purge", "--dry-run");

        Assert.Equal([Stix.Id("identity", 1)], due["due"]!.AsArray().Select(d => d!["id"]!.GetValue<string>()));
        Assert.Equal(before, await cli.Snapshot());
    }

    [Fact]
    public async Task A_purge_removes_records_past_review_by_and_keeps_the_others()
    {
        using var cli = await Node();

        var purged = await cli.Json("retention", "purge");

        var entry = Assert.Single(purged["purged"]!.AsArray())!;
        Assert.Equal(Stix.Id("identity", 1), entry["id"]!.GetValue<string>());
        Assert.Single(entry["content_hashes"]!.AsArray());
        (await cli.Run("get", Stix.Id("identity", 1))).ExitsWith(ExitCodes.Rejected);
        (await cli.Run("get", Stix.Id("identity", 2))).ExitsWith(ExitCodes.Ok);
        Assert.Empty((await cli.Json("retention", "purge"))["purged"]!.AsArray());
    }

    [Fact]
    public async Task Retention_is_enforced_before_a_release_an_expired_person_is_purged_not_sent()
    {
        using var cli = await Node();
        var key = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        (await cli.Run("partner", "add", "RUS", "--url", "https://rus.example/taxii2/", "--public-key", key)).ExitsWith(ExitCodes.Ok);
        (await cli.Run("agreement", "apply", cli.Write("rus.yaml", "partner: RUS\nversion: 1\nrelease:\n  - kinds: [person-of-interest]\n"))).ExitsWith(ExitCodes.Ok);

        var run = await cli.Json("release", "run", "RUS");

        var released = run["items"]!.AsArray().Where(i => (string)i!["action"]! == "release").Select(i => (string)i!["source_id"]!).ToList();
        Assert.Equal([Stix.Id("identity", 2)], released);
        Assert.Equal(ExitCodes.Rejected, (await cli.Run("get", Stix.Id("identity", 1))).ExitCode);
        Assert.Empty((await cli.Json("retention", "purge", "--dry-run"))["due"]!.AsArray());
    }
}
