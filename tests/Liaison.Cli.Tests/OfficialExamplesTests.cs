using System.Text.Json;
using System.Text.Json.Nodes;
using Liaison.Cli.Tests.Support;

namespace Liaison.Cli.Tests;

/// <summary>
/// Every official STIX example (../shared/stix/examples) ingests and comes back out equal. One file is not a bundle:
/// <c>interop-objectmarking-test.json</c> is a bare campaign whose second marking reference names no definition (it
/// is an interoperability test of exactly that error), so it is expected to be refused, precisely.
/// </summary>
public sealed class OfficialExamplesTests
{
    private const string InteropTest = "interop-objectmarking-test.json";

    public static TheoryData<string> Bundles() => [.. StixExamples.Files().Where(f => f != InteropTest)];

    [Fact]
    public void The_official_examples_are_found()
    {
        Assert.True(Bundles().Count >= 18, $"only {Bundles().Count} example bundles under {StixExamples.Directory}");
    }

    [Theory]
    [MemberData(nameof(Bundles))]
    public async Task Each_official_example_ingests_and_every_object_comes_back_equal(string example)
    {
        using var cli = new CliHarness();
        await cli.Init();
        var file = Path.Combine(StixExamples.Directory, example);
        using var input = JsonDocument.Parse(File.ReadAllBytes(file));
        var objects = input.RootElement.GetProperty("objects").EnumerateArray().ToList();

        var summary = IngestCommandTests.Single((await cli.Run("ingest", file, "--json")).ExitsWith(ExitCodes.Ok).Json());

        Assert.Equal(objects.Count, summary["new"]!.GetValue<long>());
        foreach (var original in objects)
        {
            var id = original.GetProperty("id").GetString()!;
            var stored = (await cli.Json("get", id))["versions"]![0]!["object"]!;
            using var storedDocument = JsonDocument.Parse(stored.ToJsonString());
            JsonAssert.Equal(original, storedDocument.RootElement, $"{example}: {id}");
        }
    }

    [Fact]
    public async Task The_whole_examples_folder_ingests_in_one_command_but_for_the_interop_test()
    {
        using var cli = new CliHarness();
        await cli.Init();

        var result = (await cli.Run("ingest", StixExamples.Directory, "--json")).ExitsWith(ExitCodes.Rejected);

        var inputs = result.Json()["inputs"]!.AsArray();
        Assert.Equal(Bundles().Count + 1, inputs.Count);
        var refused = Assert.Single(inputs, i => !i!["stored"]!.GetValue<bool>())!;
        Assert.EndsWith(InteropTest, refused["source"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.All(inputs.Where(i => i != refused), i => Assert.Equal(0, i!["rejected"]!.GetValue<long>()));
        // Objects shared between examples come back "unchanged" (or "updated" when a newer version); one node identity.
        var stored = inputs.Sum(i => i!["new"]!.GetValue<long>() + i!["updated"]!.GetValue<long>());
        Assert.Equal(stored + 1, (await cli.Json("stats"))["versions"]!.GetValue<long>());
    }

    [Fact]
    public async Task The_interop_test_bare_object_is_refused_as_not_a_bundle()
    {
        using var cli = new CliHarness();
        await cli.Init();

        var result = (await cli.Run("ingest", Path.Combine(StixExamples.Directory, InteropTest))).ExitsWith(ExitCodes.Rejected);

        Assert.Contains(InteropTest, result.Stderr, StringComparison.Ordinal);
        Assert.Contains("expected a STIX bundle, found a single object of type 'campaign'", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_interop_test_object_in_a_bundle_is_refused_for_its_undefined_marking()
    {
        using var cli = new CliHarness();
        await cli.Init();
        var campaign = JsonNode.Parse(File.ReadAllText(Path.Combine(StixExamples.Directory, InteropTest)))!.AsObject();
        var bundle = cli.Write("interop.json", Stix.Bundle(campaign));
        var before = await cli.Snapshot();

        var result = (await cli.Run("ingest", bundle, "--json")).ExitsWith(ExitCodes.Rejected);

        var error = Assert.Single(IngestCommandTests.Single(result.Json())["errors"]!.AsArray())!;
        Assert.Equal("$.object_marking_refs[1]", error["path"]!.GetValue<string>());
        Assert.Equal("campaign--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061", error["object_id"]!.GetValue<string>());
        Assert.Contains("marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ec", error["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await cli.Snapshot());
    }
}
