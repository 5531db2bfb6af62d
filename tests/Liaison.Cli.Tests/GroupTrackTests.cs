using System.Text.Json.Nodes;
using Liaison.Cli.Tests.Support;

namespace Liaison.Cli.Tests;

public sealed class GroupTrackTests
{
    private static JsonObject Sighting(int n, int group, int location, string firstSeen) => new()
    {
        ["type"] = "sighting", ["spec_version"] = "2.1", ["id"] = Stix.Id("sighting", n),
        ["created"] = "2015-12-01T00:00:00.000Z", ["modified"] = "2015-12-01T00:00:00.000Z",
        ["first_seen"] = firstSeen, ["last_seen"] = firstSeen, ["count"] = 10 * n,
        ["sighting_of_ref"] = Stix.Id("threat-actor", group), ["where_sighted_refs"] = new JsonArray(Stix.Id("location", location)),
    };

    [Fact]
    public async Task A_groups_track_lists_its_sightings_in_time_order_with_where_and_narrows_by_area()
    {
        using var cli = new CliHarness();
        await cli.Init();
        var bundle = cli.Write("track.json", Stix.Bundle(
            Stix.ThreatActor(1, "Katiba"), Stix.ThreatActor(2, "Other group"),
            Stix.Location(1, "Raqqa", 35.95, 39.01), Stix.Location(2, "Deir ez-Zor", 35.33, 40.14), Stix.Location(3, "Palmyra", 34.55, 38.27),
            Sighting(1, 1, 2, "2015-12-12T06:00:00Z"), Sighting(2, 1, 1, "2015-12-10T06:00:00Z"), Sighting(3, 2, 3, "2015-12-11T06:00:00Z"),
            Sighting(4, 1, 3, "2015-12-14T06:00:00Z")));
        (await cli.Run("ingest", bundle)).ExitsWith(ExitCodes.Ok);

        var track = await cli.Json("query", "--track", Stix.Id("threat-actor", 1));
        var east = await cli.Json("query", "--track", Stix.Id("threat-actor", 1), "--bbox", "38.5,35,41,36.5");

        Assert.Equal([Stix.Id("sighting", 2), Stix.Id("sighting", 1), Stix.Id("sighting", 4)], track["track"]!.AsArray().Select(p => (string)p!["id"]!));
        Assert.Equal("35.95, 39.01", (string)track["track"]![0]!["where"]!);
        Assert.Equal([Stix.Id("sighting", 2), Stix.Id("sighting", 1)], east["track"]!.AsArray().Select(p => (string)p!["id"]!));
    }

    [Fact]
    public async Task Tracking_something_that_is_not_a_stored_group_is_refused()
    {
        using var cli = new CliHarness();
        await cli.Init();
        (await cli.Run("ingest", cli.Write("l.json", Stix.Bundle(Stix.Location(1, "Raqqa", 35.95, 39.01))))).ExitsWith(ExitCodes.Ok);

        var unknown = await cli.Run("query", "--track", Stix.Id("threat-actor", 9));
        var location = await cli.Run("query", "--track", Stix.Id("location", 1));
        var typed = await cli.Run("query", "--track", Stix.Id("threat-actor", 9), "--type", "sighting");

        Assert.Equal(ExitCodes.Rejected, unknown.ExitCode);
        Assert.Contains("no object", unknown.Stderr, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, location.ExitCode);
        Assert.Contains("intrusion-set or a threat-actor", location.Stderr, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, typed.ExitCode);
    }
}
