using Liaison.Cli.Tests.Support;

namespace Liaison.Cli.Tests;

public sealed class StatsCommandTests
{
    [Fact]
    public async Task Stats_counts_objects_by_type_after_an_ingest()
    {
        using var cli = new CliHarness();
        await cli.Init();
        var bundle = cli.Write("in.json", Stix.Bundle(
            Stix.ThreatActor(1, "A"), Stix.ThreatActor(2, "B"), Stix.Location(1, "Hama", 35.13, 36.75), Stix.Identity(1, "SANA")));
        (await cli.Run("ingest", bundle)).ExitsWith(ExitCodes.Ok);

        var json = await cli.Json("stats");

        Assert.Equal(5, json["objects"]!.GetValue<long>());
        Assert.Equal(5, json["versions"]!.GetValue<long>());
        Assert.Equal(0, json["revoked"]!.GetValue<long>());
        Assert.Equal(1, json["located_objects"]!.GetValue<long>());
        Assert.Equal(0, json["text_index_backlog"]!.GetValue<long>());
        Assert.True(json["schema_version"]!.GetValue<int>() >= 1);
        var byType = json["by_type"]!.AsObject();
        Assert.Equal(2, byType["threat-actor"]!.GetValue<long>());
        Assert.Equal(2, byType["identity"]!.GetValue<long>());
        Assert.Equal(1, byType["location"]!.GetValue<long>());
    }

    [Fact]
    public async Task Stats_counts_versions_apart_from_objects()
    {
        using var cli = new CliHarness();
        await cli.Init();
        (await cli.Run("ingest", cli.Write("v1.json", Stix.Bundle(Stix.ThreatActor(1, "A"))))).ExitsWith(ExitCodes.Ok);
        (await cli.Run("ingest", cli.Write("v2.json", Stix.Bundle(Stix.ThreatActor(1, "A", "more").With("modified", "2016-01-01T00:00:00.000Z"))))).ExitsWith(ExitCodes.Ok);

        var json = await cli.Json("stats");

        Assert.Equal(2, json["objects"]!.GetValue<long>());
        Assert.Equal(3, json["versions"]!.GetValue<long>());
    }

    [Fact]
    public async Task Stats_in_plain_text_lists_the_measures_and_types()
    {
        using var cli = new CliHarness();
        await cli.Init("FRA node");
        (await cli.Run("ingest", cli.Write("in.json", Stix.Bundle(Stix.ThreatActor(1, "A"))))).ExitsWith(ExitCodes.Ok);

        var stdout = (await cli.Run("stats")).ExitsWith(ExitCodes.Ok).Stdout;

        Assert.Contains("FRA node", stdout, StringComparison.Ordinal);
        Assert.Contains("objects\t2", stdout, StringComparison.Ordinal);
        Assert.Contains("threat-actor\t1", stdout, StringComparison.Ordinal);
        Assert.Contains("identity\t1", stdout, StringComparison.Ordinal);
    }
}
