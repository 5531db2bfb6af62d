using System.Text.Json.Nodes;
using Liaison.Cli.Tests.Support;

namespace Liaison.Cli.Tests;

public sealed class IngestCommandTests
{
    [Fact]
    public async Task Ingest_of_a_bundle_file_stores_its_objects_and_counts_them_new()
    {
        using var cli = new CliHarness();
        await cli.Init();
        var bundle = cli.Write("in.json", Stix.Bundle(Stix.ThreatActor(1, "A"), Stix.ThreatActor(2, "B")));

        var result = (await cli.Run("ingest", bundle)).ExitsWith(ExitCodes.Ok);

        Assert.Contains("in.json\t2\t0\t0\t0\tstored", result.Stdout, StringComparison.Ordinal);
        Assert.Empty(result.Stderr);
        (await cli.Run("get", Stix.Id("threat-actor", 1))).ExitsWith(ExitCodes.Ok);
        (await cli.Run("get", Stix.Id("threat-actor", 2))).ExitsWith(ExitCodes.Ok);
    }

    [Fact]
    public async Task Ingest_of_a_jsonl_file_stores_one_object_per_line()
    {
        using var cli = new CliHarness();
        await cli.Init();
        var lines = cli.Write("in.jsonl", Stix.JsonLines(Stix.ThreatActor(1, "A"), Stix.ThreatActor(2, "B"), Stix.Identity(1, "SANA")));

        var summary = Single(await cli.Json("ingest", lines));

        Assert.Equal(3, summary["new"]!.GetValue<long>());
        Assert.Equal(3, (await cli.Json("stats"))["by_type"]!.AsObject().Sum(t => t.Value!.GetValue<long>()) - 1);
    }

    [Fact]
    public async Task Ingest_of_a_folder_reads_its_bundles_and_jsonl_files_recursively()
    {
        using var cli = new CliHarness();
        await cli.Init();
        cli.Write("in/a.json", Stix.Bundle(Stix.ThreatActor(1, "A")));
        cli.Write("in/deeper/b.jsonl", Stix.JsonLines(Stix.ThreatActor(2, "B")));
        cli.Write("in/deeper/still/c.json", Stix.Bundle(Stix.ThreatActor(3, "C")));
        cli.Write("in/notes.txt", "not STIX, ignored");

        var json = await cli.Json("ingest", "in");

        var sources = json["inputs"]!.AsArray().Select(i => i!["source"]!.GetValue<string>().Replace('\\', '/')).ToList();
        Assert.Equal(["in/a.json", "in/deeper/b.jsonl", "in/deeper/still/c.json"], sources);
        Assert.Equal(3, (await cli.Json("stats"))["by_type"]!["threat-actor"]!.GetValue<long>());
    }

    [Fact]
    public async Task Ingest_of_a_bundle_on_stdin()
    {
        using var cli = new CliHarness();
        await cli.Init();

        var result = (await cli.RunWithInput(Stix.Bundle(Stix.ThreatActor(1, "A"), Stix.ThreatActor(2, "B")), "ingest", "-", "--json")).ExitsWith(ExitCodes.Ok);

        var summary = Single(result.Json());
        Assert.Equal("-", summary["source"]!.GetValue<string>());
        Assert.Equal(2, summary["new"]!.GetValue<long>());
    }

    [Fact]
    public async Task Ingest_of_a_single_line_bundle_on_stdin()
    {
        using var cli = new CliHarness();
        await cli.Init();
        var oneLine = JsonNode.Parse(Stix.Bundle(Stix.ThreatActor(1, "A")))!.ToJsonString() + "\n";

        var result = (await cli.RunWithInput(oneLine, "ingest", "-", "--json")).ExitsWith(ExitCodes.Ok);

        Assert.Equal(1, Single(result.Json())["new"]!.GetValue<long>());
    }

    [Fact]
    public async Task Ingest_of_json_lines_on_stdin()
    {
        using var cli = new CliHarness();
        await cli.Init();

        var result = (await cli.RunWithInput(Stix.JsonLines(Stix.ThreatActor(1, "A"), Stix.ThreatActor(2, "B"), Stix.ThreatActor(3, "C")), "ingest", "-", "--json")).ExitsWith(ExitCodes.Ok);

        Assert.Equal(3, Single(result.Json())["new"]!.GetValue<long>());
        Assert.Equal(3, (await cli.Json("stats"))["by_type"]!["threat-actor"]!.GetValue<long>());
    }

    [Fact]
    public async Task Reingest_counts_unchanged_and_a_new_version_counts_updated()
    {
        using var cli = new CliHarness();
        await cli.Init();
        var bundle = cli.Write("in.json", Stix.Bundle(Stix.ThreatActor(1, "A"), Stix.ThreatActor(2, "B")));
        var newer = cli.Write("newer.json", Stix.Bundle(Stix.ThreatActor(1, "A", "more").With("modified", "2016-01-01T00:00:00.000Z"), Stix.ThreatActor(3, "C")));
        await cli.Json("ingest", bundle);

        var again = Single(await cli.Json("ingest", bundle));
        var update = Single(await cli.Json("ingest", newer));

        Assert.Equal((0, 0, 2, 0), Counts(again));
        Assert.Equal((1, 1, 0, 0), Counts(update));
        var plain = (await cli.Run("ingest", bundle, newer)).ExitsWith(ExitCodes.Ok).Stdout;
        Assert.Contains("input\tnew\tupdated\tunchanged\trejected\toutcome", plain, StringComparison.Ordinal);
        Assert.Contains("in.json\t0\t0\t2\t0\tstored", plain, StringComparison.Ordinal);
        Assert.Contains("newer.json\t0\t0\t2\t0\tstored", plain, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_with_json_writes_a_summary_per_input()
    {
        using var cli = new CliHarness();
        await cli.Init();
        var bundle = cli.Write("in.json", Stix.Bundle(Stix.ThreatActor(1, "A")));

        var json = await cli.Json("ingest", bundle);

        var summary = Single(json);
        Assert.Equal("in.json", summary["source"]!.GetValue<string>());
        Assert.Equal((1, 0, 0, 0), Counts(summary));
        Assert.True(summary["stored"]!.GetValue<bool>());
        Assert.Empty(summary["errors"]!.AsArray());
        Assert.Equal(0, summary["unlisted_errors"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_file_with_one_invalid_object_is_rejected_whole_with_a_precise_error()
    {
        using var cli = new CliHarness();
        await cli.Init();
        var before = await cli.Snapshot();
        var bad = cli.Write("bad.json", Stix.Bundle(Stix.ThreatActor(1, "A"), Stix.ThreatActor(2, "B").With("confidence", 101), Stix.ThreatActor(3, "C")));

        var result = (await cli.Run("ingest", bad)).ExitsWith(ExitCodes.Rejected);

        var error = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("bad.json", error, StringComparison.Ordinal);
        Assert.Contains("object #1", error, StringComparison.Ordinal);
        Assert.Contains(Stix.Id("threat-actor", 2), error, StringComparison.Ordinal);
        Assert.Contains("$.confidence", error, StringComparison.Ordinal);
        Assert.Contains("100", error, StringComparison.Ordinal);
        Assert.Contains("bad.json\t0\t0\t0\t3\trejected whole: nothing stored", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(before, await cli.Snapshot());
    }

    [Fact]
    public async Task A_rejected_file_is_described_in_the_json_summary()
    {
        using var cli = new CliHarness();
        await cli.Init();
        var bad = cli.Write("bad.json", Stix.Bundle(Stix.ThreatActor(1, "A"), Stix.ThreatActor(2, "B").With("confidence", 101)));

        var result = (await cli.Run("ingest", bad, "--json")).ExitsWith(ExitCodes.Rejected);

        var summary = Single(result.Json());
        Assert.False(summary["stored"]!.GetValue<bool>());
        Assert.Equal((0, 0, 0, 2), Counts(summary));
        var error = Assert.Single(summary["errors"]!.AsArray())!;
        Assert.Equal(1, error["object_index"]!.GetValue<int>());
        Assert.Equal(Stix.Id("threat-actor", 2), error["object_id"]!.GetValue<string>());
        Assert.Equal("$.confidence", error["path"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(error["reason"]!.GetValue<string>()));
        Assert.True(error["line"]!.GetValue<long>() > 1);
    }

    [Fact]
    public async Task One_rejected_file_does_not_stop_the_others_on_the_same_command_line()
    {
        using var cli = new CliHarness();
        await cli.Init();
        var good = cli.Write("good.json", Stix.Bundle(Stix.ThreatActor(1, "A")));
        var bad = cli.Write("bad.json", Stix.Bundle(Stix.ThreatActor(2, "B").With("confidence", -1)));

        var result = (await cli.Run("ingest", bad, good)).ExitsWith(ExitCodes.Rejected);

        Assert.Contains("good.json\t1\t0\t0\t0\tstored", result.Stdout, StringComparison.Ordinal);
        (await cli.Run("get", Stix.Id("threat-actor", 1))).ExitsWith(ExitCodes.Ok);
        (await cli.Run("get", Stix.Id("threat-actor", 2))).ExitsWith(ExitCodes.Rejected);
    }

    [Fact]
    public async Task Skip_invalid_stores_the_valid_objects_lists_the_invalid_and_still_exits_1()
    {
        using var cli = new CliHarness();
        await cli.Init();
        var mixed = cli.Write("mixed.jsonl", Stix.JsonLines(Stix.ThreatActor(1, "A"), Stix.ThreatActor(2, "B").With("confidence", 101), Stix.ThreatActor(3, "C")));

        var result = (await cli.Run("ingest", mixed, "--skip-invalid")).ExitsWith(ExitCodes.Rejected);

        Assert.Contains("mixed.jsonl\t2\t0\t0\t1\tstored, invalid objects skipped", result.Stdout, StringComparison.Ordinal);
        var error = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("mixed.jsonl", error, StringComparison.Ordinal);
        Assert.Contains("object #1", error, StringComparison.Ordinal);
        Assert.Contains(Stix.Id("threat-actor", 2), error, StringComparison.Ordinal);
        Assert.Contains("line 2", error, StringComparison.Ordinal);
        Assert.Contains("$.confidence", error, StringComparison.Ordinal);
        (await cli.Run("get", Stix.Id("threat-actor", 1))).ExitsWith(ExitCodes.Ok);
        (await cli.Run("get", Stix.Id("threat-actor", 2))).ExitsWith(ExitCodes.Rejected);
        (await cli.Run("get", Stix.Id("threat-actor", 3))).ExitsWith(ExitCodes.Ok);
    }

    [Fact]
    public async Task Skip_invalid_with_json_marks_the_input_stored_and_lists_the_rejected()
    {
        using var cli = new CliHarness();
        await cli.Init();
        var mixed = cli.Write("mixed.json", Stix.Bundle(Stix.ThreatActor(1, "A"), Stix.ThreatActor(2, "B").With("confidence", 101)));

        var result = (await cli.Run("ingest", mixed, "--skip-invalid", "--json")).ExitsWith(ExitCodes.Rejected);

        var summary = Single(result.Json());
        Assert.True(summary["stored"]!.GetValue<bool>());
        Assert.Equal((1, 0, 0, 1), Counts(summary));
        Assert.Equal(Stix.Id("threat-actor", 2), Assert.Single(summary["errors"]!.AsArray())!["object_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_marking_reference_to_an_undefined_marking_definition_is_rejected_at_its_path()
    {
        using var cli = new CliHarness();
        await cli.Init();
        var before = await cli.Snapshot();
        var undefined = Stix.Id("marking-definition", 7);
        var bad = cli.Write("marked.json", Stix.Bundle(Stix.ThreatActor(1, "A").With("object_marking_refs", new JsonArray(undefined))));

        var result = (await cli.Run("ingest", bad, "--json")).ExitsWith(ExitCodes.Rejected);

        var error = Assert.Single(Single(result.Json())["errors"]!.AsArray())!;
        Assert.Equal("$.object_marking_refs[0]", error["path"]!.GetValue<string>());
        Assert.Equal(Stix.Id("threat-actor", 1), error["object_id"]!.GetValue<string>());
        Assert.Contains(undefined, error["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("$.object_marking_refs[0]", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, await cli.Snapshot());
    }

    [Fact]
    public async Task A_marking_defined_later_in_the_same_file_resolves()
    {
        using var cli = new CliHarness();
        await cli.Init();
        var marking = Stix.StatementMarking(7, "REL TO FRA, RUS");
        var marked = Stix.ThreatActor(1, "A").With("object_marking_refs", new JsonArray(marking["id"]!.GetValue<string>()));
        var file = cli.Write("marked.json", Stix.Bundle(marked, marking));

        var summary = Single(await cli.Json("ingest", file));

        Assert.Equal((2, 0, 0, 0), Counts(summary));
        (await cli.Run("get", Stix.Id("threat-actor", 1))).ExitsWith(ExitCodes.Ok);
    }

    [Fact]
    public async Task A_marking_already_stored_resolves_in_a_later_ingest()
    {
        using var cli = new CliHarness();
        await cli.Init();
        var marking = Stix.StatementMarking(7, "REL TO FRA, RUS");
        await cli.Json("ingest", cli.Write("marking.json", Stix.Bundle(marking)));
        var marked = Stix.ThreatActor(1, "A").With("object_marking_refs", new JsonArray(marking["id"]!.GetValue<string>()));

        var summary = Single(await cli.Json("ingest", cli.Write("marked.json", Stix.Bundle(marked))));

        Assert.Equal((1, 0, 0, 0), Counts(summary));
    }

    [Fact]
    public async Task A_standard_TLP_marking_needs_no_definition_in_the_input()
    {
        using var cli = new CliHarness();
        await cli.Init();
        const string tlpAmber = "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82";
        var marked = Stix.ThreatActor(1, "A").With("object_marking_refs", new JsonArray(tlpAmber));

        var summary = Single(await cli.Json("ingest", cli.Write("marked.json", Stix.Bundle(marked))));

        Assert.Equal((1, 0, 0, 0), Counts(summary));
    }

    internal static JsonNode Single(JsonNode ingestJson) => Assert.Single(ingestJson["inputs"]!.AsArray())!;

    internal static (long New, long Updated, long Unchanged, long Rejected) Counts(JsonNode summary) =>
        (summary["new"]!.GetValue<long>(), summary["updated"]!.GetValue<long>(), summary["unchanged"]!.GetValue<long>(), summary["rejected"]!.GetValue<long>());
}
