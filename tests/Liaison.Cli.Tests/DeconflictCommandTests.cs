using System.Text.Json.Nodes;
using Liaison.Cli.Commands;
using Liaison.Cli.Tests.Support;
using Liaison.Core.Extensions;

namespace Liaison.Cli.Tests;

public sealed class DeconflictCommandTests
{
    private const string CarrierId = "x-liaison-activity-notice--6f1c2a6e-3b1d-4c6e-9a51-0c2b7d9e4a10";
    private const string FleetId = "x-liaison-activity-notice--8a7d3c1b-2e4f-4a6b-9c8d-1e2f3a4b5c6d";

    [Fact]
    public async Task Check_reports_a_conflict_with_a_stored_notice_and_stores_nothing()
    {
        using var cli = await Node();
        cli.Write("carrier.json", Notice(CarrierId, 34.9, 34.6).ToJsonString());
        await cli.Json("deconflict", "add", "carrier.json");
        cli.Write("fleet.json", Notice(FleetId, 35.3, 34.8).ToJsonString());
        var before = await cli.Snapshot();

        var result = (await cli.Run("deconflict", "check", "fleet.json", "--json")).ExitsWith(DeconflictCommand.ConflictsFound).Json();

        var conflict = Assert.Single(result["conflicts"]!.AsArray())!;
        Assert.Equal(FleetId, (string?)conflict["subject_id"]);
        Assert.Equal(CarrierId, (string?)conflict["other_id"]);
        Assert.Equal("ours", (string?)conflict["other_whose"]);
        Assert.False((bool)result["stored"]!);
        Assert.Equal(before, await cli.Snapshot());
    }

    [Fact]
    public async Task The_conflict_report_carries_the_overlap_and_contacts_and_no_mission()
    {
        using var cli = await Node();
        cli.Write("carrier.json", Notice(CarrierId, 34.9, 34.6).ToJsonString());
        await cli.Json("deconflict", "add", "carrier.json");
        cli.Write("fleet.json", Notice(FleetId, 35.3, 34.8).ToJsonString());

        var result = (await cli.Run("deconflict", "add", "fleet.json", "--json")).ExitsWith(DeconflictCommand.ConflictsFound).Json();

        var report = result["conflicts"]![0]!["report"]!;
        Assert.Equal(["overlap", "contacts"], report.AsObject().Select(p => p.Key));
        Assert.Equal(4, report["overlap"]!["bbox"]!.AsArray().Count);
        Assert.DoesNotContain("ARROMANCHES", report.ToJsonString(), StringComparison.Ordinal);
        Assert.True((bool)result["stored"]!);
    }

    [Fact]
    public async Task Separate_notices_do_not_conflict_and_both_are_listed()
    {
        using var cli = await Node();
        cli.Write("a.json", Notice(CarrierId, 34.9, 34.6).ToJsonString());
        cli.Write("b.json", Notice(FleetId, 30.0, 34.0).ToJsonString());

        (await cli.Run("deconflict", "add", "a.json")).ExitsWith(0);
        (await cli.Run("deconflict", "add", "b.json")).ExitsWith(0);

        var list = await cli.Json("deconflict", "list");
        Assert.Equal(2, (int)list["count"]!);
        (await cli.Run("deconflict", "conflicts")).ExitsWith(0);
    }

    [Fact]
    public async Task List_keeps_what_is_active_at_the_instant_and_in_the_box()
    {
        using var cli = await Node();
        cli.Write("a.json", Notice(CarrierId, 34.9, 34.6).ToJsonString());
        cli.Write("b.json", Notice(FleetId, 30.0, 34.0, start: "2016-01-01T00:00:00Z", end: "2016-01-02T00:00:00Z").ToJsonString());
        await cli.Json("deconflict", "add", "a.json");
        await cli.Json("deconflict", "add", "b.json");

        Assert.Equal(CarrierId, (string?)Assert.Single((await cli.Json("deconflict", "list", "--active-at", "2015-12-15"))["subjects"]!.AsArray())!["id"]);
        Assert.Equal(FleetId, (string?)Assert.Single((await cli.Json("deconflict", "list", "--bbox", "29,33,31,35"))["subjects"]!.AsArray())!["id"]);
        Assert.Empty((await cli.Json("deconflict", "list", "--active-at", "2015-12-21T00:00:00Z"))["subjects"]!.AsArray());
    }

    [Fact]
    public async Task A_notice_near_a_protected_site_conflicts_with_it_at_any_altitude()
    {
        using var cli = await Node();
        cli.Write("hospital.json", Hospital().ToJsonString());
        await cli.Json("deconflict", "add", "hospital.json");
        var strike = Notice(FleetId, 36.41, 35.2, domain: "air");
        strike["altitude_band"] = JsonNode.Parse("""{ "lower_m": 6000, "upper_m": 9000 }""");
        cli.Write("strike.json", strike.ToJsonString());

        var result = (await cli.Run("deconflict", "check", "strike.json", "--json")).ExitsWith(DeconflictCommand.ConflictsFound).Json();

        var conflict = Assert.Single(result["conflicts"]!.AsArray())!;
        Assert.Equal("protected site", (string?)conflict["other_whose"]);
        Assert.Equal("hospital", (string?)conflict["report"]!["protected_category"]);
    }

    [Fact]
    public async Task The_nodes_minima_file_widens_what_counts_as_a_conflict()
    {
        using var cli = await Node();
        cli.Write("a.json", Notice(CarrierId, 34.0, 34.0).ToJsonString());
        cli.Write("b.json", Notice(FleetId, 35.0, 34.0).ToJsonString());
        await cli.Json("deconflict", "add", "a.json");
        (await cli.Run("deconflict", "check", "b.json")).ExitsWith(0);

        cli.Write("node/deconfliction.json", """{ "minima": { "sea": { "lateral_m": 100000 } } }""");

        (await cli.Run("deconflict", "check", "b.json")).ExitsWith(DeconflictCommand.ConflictsFound);
    }

    [Fact]
    public async Task A_bad_minima_file_is_a_node_error_naming_the_value()
    {
        using var cli = await Node();
        cli.Write("a.json", Notice(CarrierId, 34.0, 34.0).ToJsonString());
        cli.Write("node/deconfliction.json", """{ "minima": { "sea": { "lateral_m": -5 } } }""");

        var result = (await cli.Run("deconflict", "check", "a.json")).ExitsWith(ExitCodes.NodeError);

        Assert.Contains("minima.sea.lateral_m", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("end_time", "\"2015-12-13T00:00:00Z\"", "$.end_time", "must be later than start_time")]
    [InlineData("area", """{ "type": "Polygon", "coordinates": [[[35, 34], [36, 35], [36, 34], [35, 35], [35, 34]]] }""", "$.area.coordinates[0]", "crosses or touches itself")]
    [InlineData("area", """{ "type": "Polygon", "coordinates": [[[35, 34], [36, 34], [36, 35], [35, 35], [35, 34]], [[40, 40], [41, 40], [41, 41], [40, 40]]] }""", "$.area.coordinates[1]", "not inside the exterior ring")]
    [InlineData("contact", null, "$.contact", "required property 'contact' is missing")]
    [InlineData("domain", null, "$.domain", "required property 'domain' is missing")]
    public async Task A_bad_notice_is_rejected_with_its_path_and_reason_and_nothing_is_stored(string property, string? json, string path, string reason)
    {
        using var cli = await Node();
        var notice = Notice(CarrierId, 34.9, 34.6);
        if (json is null)
        {
            notice.Remove(property);
        }
        else
        {
            notice[property] = JsonNode.Parse(json);
        }

        cli.Write("bad.json", new JsonObject { ["type"] = "bundle", ["id"] = "bundle--1a2b3c4d-0000-4000-8000-000000000001", ["objects"] = new JsonArray(notice) }.ToJsonString());
        var before = await cli.Snapshot();

        var result = (await cli.Run("deconflict", "add", "bad.json", "--json")).ExitsWith(ExitCodes.Rejected).Json();

        var error = result["errors"]!.AsArray().First(e => (string?)e!["path"] == path)!;
        Assert.Contains(reason, (string?)error["reason"], StringComparison.Ordinal);
        Assert.NotNull(error["line"]);
        Assert.False((bool)result["stored"]!);
        Assert.Equal(before, await cli.Snapshot());
    }

    [Fact]
    public async Task A_file_with_no_notice_is_rejected_and_a_missing_file_is_a_usage_error()
    {
        using var cli = await Node();
        cli.Write("nothing.json", """{ "type": "bundle", "id": "bundle--1a2b3c4d-0000-4000-8000-000000000001", "objects": [] }""");

        (await cli.Run("deconflict", "add", "nothing.json")).ExitsWith(ExitCodes.Rejected);
        (await cli.Run("deconflict", "add", "missing.json")).ExitsWith(ExitCodes.Usage);
    }

    [Fact]
    public async Task Bench_deconflict_reports_the_check_latency_and_the_rates_on_a_small_corpus()
    {
        using var cli = new CliHarness();

        var result = await cli.Json("bench", "deconflict", "--notices", "300", "--queries", "50");

        Assert.Equal(300, (int)result["notices"]!);
        Assert.True((double)result["check_ms"]!["p99"]! >= (double)result["check_ms"]!["p50"]!);
        Assert.True((double)result["stored_per_second"]! > 0);
        Assert.True((double)result["rebuilt_per_second"]! > 0);
    }

    private static async Task<CliHarness> Node()
    {
        var cli = new CliHarness();
        await cli.Init();
        return cli;
    }

    private static JsonObject Notice(string id, double lon, double lat, string domain = "sea", string start = "2015-12-14T00:00:00Z", string end = "2015-12-21T00:00:00Z") => new()
    {
        ["type"] = LiaisonExtensions.ActivityNoticeType,
        ["spec_version"] = "2.1",
        ["id"] = id,
        ["created"] = "2015-12-10T08:00:00.000Z",
        ["modified"] = "2015-12-10T08:00:00.000Z",
        ["name"] = "group " + id[^4..],
        ["domain"] = domain,
        ["area"] = JsonNode.Parse($$"""{ "type": "Point", "coordinates": [{{lon}}, {{lat}}], "radius_m": 40000 }"""),
        ["altitude_band"] = JsonNode.Parse("""{ "lower_m": "surface", "upper_m": 100 }"""),
        ["start_time"] = start,
        ["end_time"] = end,
        ["status"] = "active",
        ["contact"] = JsonNode.Parse("""{ "channel": "radio", "address": "VHF 16" }"""),
        ["mission"] = "ARROMANCHES 2",
        ["extensions"] = new JsonObject { [LiaisonExtensions.ActivityNoticeId] = new JsonObject { ["extension_type"] = "new-sdo" } },
    };

    private static JsonObject Hospital() => new()
    {
        ["type"] = "location",
        ["spec_version"] = "2.1",
        ["id"] = "location--0eb9a70e-ed70-4b27-8ee2-b98b8f8c5f65",
        ["created"] = "2015-12-01T00:00:00.000Z",
        ["modified"] = "2015-12-01T00:00:00.000Z",
        ["name"] = "Field hospital",
        ["latitude"] = 35.2,
        ["longitude"] = 36.4,
        ["extensions"] = new JsonObject
        {
            [LiaisonExtensions.ProtectedSiteId] = new JsonObject { ["extension_type"] = "property-extension", ["category"] = "hospital", ["radius_m"] = 300 },
        },
    };
}
