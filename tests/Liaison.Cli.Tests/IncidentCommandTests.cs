using System.Text.Json.Nodes;
using Liaison.Cli.Tests.Support;
using Liaison.Core.Extensions;

namespace Liaison.Cli.Tests;

public sealed class IncidentCommandTests
{
    private const string Incident = "incident--bec21183-c425-4af8-b526-7bb5c97f8899";
    private const string Sana = "identity--a03729ff-19af-43a0-811f-0d6f6fb5a026";
    private const string Osdh = "identity--7395466f-51c1-4386-8c82-70fb9ca10afb";
    private const string Place = "location--25165291-9340-43d0-aef7-6cfedb909fe4";

    private static JsonObject Source(string id, string name, string reliability) => new()
    {
        ["type"] = "identity", ["spec_version"] = "2.1", ["id"] = id,
        ["created"] = "2015-12-15T09:00:00.000Z", ["modified"] = "2015-12-15T09:00:00.000Z",
        ["name"] = name, ["identity_class"] = "organization",
        ["extensions"] = new JsonObject { [LiaisonExtensions.SourceReliabilityId] = new JsonObject { ["extension_type"] = "property-extension", ["reliability"] = reliability } },
    };

    /// <summary>Suqaylabiyah as the seed has it: SANA 2 killed and 8 injured, OSDH 25 injured, both C3.</summary>
    private static JsonObject Suqaylabiyah() => JsonNode.Parse($$"""
        {
          "type": "incident", "spec_version": "2.1", "id": "{{Incident}}",
          "created": "2015-12-15T09:00:00.000Z", "modified": "2015-12-15T09:00:00.000Z", "name": "Rockets on Suqaylabiyah",
          "extensions": { "{{LiaisonExtensions.CasualtyClaimsId}}": {
            "extension_type": "property-extension", "event_time": "2015-12-14T00:00:00Z", "event_time_precision": "day", "location_ref": "{{Place}}",
            "claims": [
              { "source_ref": "{{Sana}}", "killed": 2, "injured": 8, "reported_at": "2015-12-14T00:00:00Z", "credibility": 3,
                "quote": "des roquettes qui ont causé la mort de deux civils et blessé huit personnes dont un enfant" },
              { "source_ref": "{{Osdh}}", "injured": 25, "reported_at": "2015-12-14T00:00:00Z", "credibility": 3, "quote": "de 25 blessés" }
            ] } }
        }
        """)!.AsObject();

    private static async Task<CliHarness> Node()
    {
        var cli = new CliHarness();
        await cli.Init();
        var bundle = cli.Write("seed.json", Stix.Bundle(Source(Sana, "SANA", "C"), Source(Osdh, "OSDH", "C"), Suqaylabiyah()));
        (await cli.Run("ingest", bundle)).ExitsWith(ExitCodes.Ok);
        return cli;
    }

    [Fact]
    public async Task Claims_show_the_seeds_figures_and_the_reconciled_view()
    {
        using var cli = await Node();

        var view = await cli.Json("incident", "claims", Incident);

        Assert.Equal(["SANA", "OSDH"], view["claims"]!.AsArray().Select(c => c!["source_name"]!.GetValue<string>()));
        Assert.Equal(["C3", "C3"], view["claims"]!.AsArray().Select(c => c!["grade"]!.GetValue<string>()));
        Assert.Equal("""{"low":2,"best":2,"high":2,"conservative":2,"disputed":false,"basis":"credible","counted":[0],"best_from":0}""", view["killed"]!.ToJsonString());
        Assert.Equal("""{"low":8,"best":8,"high":25,"conservative":8,"disputed":true,"basis":"credible","counted":[0,1],"best_from":0}""", view["injured"]!.ToJsonString());
    }

    [Fact]
    public async Task Claims_read_as_a_table_with_the_dispute()
    {
        using var cli = await Node();

        var result = (await cli.Run("incident", "claims", Incident)).ExitsWith(ExitCodes.Ok);

        Assert.Contains("SANA\tC3\t50\t2\t8\t2015-12-14T00:00:00Z\tkilled, injured", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("injured\t8\t8\t25\t8\tDISPUTED\tcredible", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adding_a_claim_makes_a_new_version_and_keeps_the_others()
    {
        using var cli = await Node();

        var added = await cli.Json("incident", "claim", "add", Incident, "--source", Osdh, "--killed-text", "plusieurs",
            "--reported-at", "2015-12-15", "--wording", "plusieurs morts", "--credibility", "4");

        Assert.Equal(3, added["claims"]!.GetValue<int>());
        var versions = await cli.Json("get", Incident, "--all-versions");
        Assert.Equal(2, versions["versions"]!.AsArray().Count);
        var view = await cli.Json("incident", "claims", Incident);
        Assert.Equal(3, view["claims"]!.AsArray().Count);
        Assert.Equal("plusieurs", view["claims"]![2]!["killed_text"]!.GetValue<string>());
        Assert.Equal("doubtful", view["claims"]![2]!["standing"]!.GetValue<string>());
        // OSDH's new word is doubtful (credibility 4): SANA's credible 2 still decides.
        Assert.Equal(2, view["killed"]!["best"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("--killed", "-1", "--killed must be 0 or more")]
    [InlineData("--credibility", "7", "--credibility must be 1 to 6")]
    [InlineData("--source", "SANA", "--source: ")]
    [InlineData("--source", "location--25165291-9340-43d0-aef7-6cfedb909fe4", "--source must be a identity id")]
    [InlineData("--reported-at", "14/12/2015", "--reported-at '14/12/2015'")]
    public async Task Bad_claim_input_is_refused_and_nothing_is_stored(string option, string value, string message)
    {
        using var cli = await Node();
        var before = await cli.Snapshot();
        var args = new List<string> { "incident", "claim", "add", Incident, "--source", Osdh, "--injured", "3", "--reported-at", "2015-12-15" };
        var at = args.IndexOf(option);
        if (at >= 0)
        {
            args[at + 1] = value;
        }
        else
        {
            args.AddRange([option, value]);
        }

        var result = (await cli.Run([.. args])).ExitsWith(ExitCodes.Usage);

        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, await cli.Snapshot());
    }

    [Fact]
    public async Task A_claim_without_any_figure_is_refused()
    {
        using var cli = await Node();

        var result = (await cli.Run("incident", "claim", "add", Incident, "--source", Osdh, "--reported-at", "2015-12-15")).ExitsWith(ExitCodes.Usage);

        Assert.Contains("give at least one of --killed", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_claim_on_something_that_is_not_an_incident_is_refused()
    {
        using var cli = await Node();
        var before = await cli.Snapshot();

        var result = (await cli.Run("incident", "claim", "add", Sana, "--source", Osdh, "--injured", "3", "--reported-at", "2015-12-15")).ExitsWith(ExitCodes.Rejected);

        Assert.Contains("is a identity, not an incident", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, await cli.Snapshot());
    }

    [Fact]
    public async Task Claims_of_an_unknown_incident_exit_1()
    {
        using var cli = await Node();

        var result = await cli.Run("incident", "claims", "incident--00000000-0000-4000-8000-000000000009");

        Assert.Contains("no object incident--00000000-0000-4000-8000-000000000009", result.ExitsWith(ExitCodes.Rejected).Stderr, StringComparison.Ordinal);
    }
}
