using System.Text;
using Liaison.Cli.Tests.Support;

namespace Liaison.Cli.Tests;

/// <summary>
/// The issue's bad inputs, one test each: a clear error (what, where, why), a non-zero exit code, and a database
/// exactly as it was before (compared through <see cref="CliHarness.Snapshot"/>).
/// </summary>
public sealed class BadInputTests
{
    private static readonly string Good = Stix.Id("threat-actor", 2);

    [Fact]
    public async Task Ingest_of_a_truncated_bundle_exits_1_and_stores_nothing()
    {
        using var node = await Node.Create();
        var full = Stix.Bundle(Stix.ThreatActor(2, "B"), Stix.ThreatActor(3, "C"));
        var file = node.Cli.Write("truncated.json", full[..(full.Length * 2 / 3)]);

        var error = await node.Rejects(file, ExitCodes.Rejected);

        Assert.Contains("truncated.json", error, StringComparison.Ordinal);
        Assert.Contains("truncated", error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Ingest_of_a_truncated_bundle_on_stdin_exits_1_and_stores_nothing()
    {
        using var node = await Node.Create();
        var full = Stix.Bundle(Stix.ThreatActor(2, "B"), Stix.ThreatActor(3, "C"));

        var before = await node.Cli.Snapshot();
        var result = (await node.Cli.RunWithInput(full[..(full.Length - 10)], "ingest", "-")).ExitsWith(ExitCodes.Rejected);

        Assert.Contains("-: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("truncated", result.Stderr, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await node.Cli.Snapshot());
    }

    [Fact]
    public async Task Ingest_of_a_bare_object_where_a_bundle_is_expected_exits_1_and_says_to_wrap_it()
    {
        using var node = await Node.Create();
        var file = node.Cli.Write("bare.json", Stix.ThreatActor(2, "B").ToJsonString());

        var error = await node.Rejects(file, ExitCodes.Rejected);

        Assert.Contains("bare.json", error, StringComparison.Ordinal);
        Assert.Contains("expected a STIX bundle", error, StringComparison.Ordinal);
        Assert.Contains("threat-actor", error, StringComparison.Ordinal);
        Assert.Contains(".jsonl", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_of_a_number_where_a_string_is_expected_names_the_object_and_property()
    {
        using var node = await Node.Create();
        var file = node.Cli.Write("types.json", Stix.Bundle(Stix.ThreatActor(3, "C"), Stix.ThreatActor(2, "B").With("name", 42)));

        var error = await node.Rejects(file, ExitCodes.Rejected);

        Assert.Contains("types.json", error, StringComparison.Ordinal);
        Assert.Contains($"object #1 ({Good})", error, StringComparison.Ordinal);
        Assert.Contains("$.name", error, StringComparison.Ordinal);
        Assert.Contains("string", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_of_an_object_with_duplicate_keys_names_the_object_and_the_key()
    {
        using var node = await Node.Create();
        var actor = Stix.ThreatActor(2, "B").ToJsonString();
        var duplicated = actor.Replace("\"name\":\"B\"", "\"name\":\"B\",\"name\":\"Daech\"", StringComparison.Ordinal);
        Assert.NotEqual(actor, duplicated);
        var file = node.Cli.Write("duplicates.json", $"{{\"type\":\"bundle\",\"id\":\"bundle--00000000-0000-4000-8000-000000000000\",\"objects\":[{duplicated}]}}");

        var error = await node.Rejects(file, ExitCodes.Rejected);

        Assert.Contains("duplicates.json", error, StringComparison.Ordinal);
        Assert.Contains("object #0", error, StringComparison.Ordinal);
        Assert.Contains("name", error, StringComparison.Ordinal);
        Assert.Contains("duplicate", error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Ingest_of_invalid_UTF8_names_the_object_and_the_byte()
    {
        using var node = await Node.Create();
        var text = Stix.Bundle(Stix.ThreatActor(3, "C"), Stix.ThreatActor(2, "INVALID"));
        var bytes = Encoding.UTF8.GetBytes(text);
        var at = text.IndexOf("INVALID", StringComparison.Ordinal);
        bytes[at] = 0xC3;
        bytes[at + 1] = 0x28;
        var file = node.Cli.Write("utf8.json", bytes);

        var error = await node.Rejects(file, ExitCodes.Rejected);

        Assert.Contains("utf8.json", error, StringComparison.Ordinal);
        Assert.Contains("object #1", error, StringComparison.Ordinal);
        Assert.Contains("invalid UTF-8", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_of_a_100_MB_string_is_stopped_at_the_16_MiB_object_limit()
    {
        using var node = await Node.Create();
        var file = Path.Combine(node.Cli.Root, "huge.json");
        WriteBundleWithHugeDescription(file, megabytes: 100);
        Assert.True(new FileInfo(file).Length > 100L * 1024 * 1024);

        var error = await node.Rejects(file, ExitCodes.Rejected);

        Assert.Contains("huge.json", error, StringComparison.Ordinal);
        Assert.Contains("object #1", error, StringComparison.Ordinal);
        Assert.Contains("16 MiB", error, StringComparison.Ordinal);
        Assert.Contains("limit", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_of_10000_deep_nesting_is_refused_with_the_depth_limit()
    {
        using var node = await Node.Create();
        const int depth = 10_000;
        var deep = new string('[', depth) + new string(']', depth);
        var actor = Stix.ThreatActor(2, "B").ToJsonString();
        var nested = actor[..^1] + ",\"x_deep\":" + deep + "}";
        var file = node.Cli.Write("deep.json", $"{{\"type\":\"bundle\",\"id\":\"bundle--00000000-0000-4000-8000-000000000000\",\"objects\":[{Stix.ThreatActor(3, "C").ToJsonString()},{nested}]}}");

        var error = await node.Rejects(file, ExitCodes.Rejected);

        Assert.Contains("deep.json", error, StringComparison.Ordinal);
        Assert.Contains("object #1", error, StringComparison.Ordinal);
        Assert.Contains("nests deeper than the 64-level limit", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_of_the_timestamp_2022_101_27_names_the_property_and_the_value()
    {
        using var node = await Node.Create();
        var file = node.Cli.Write("tlp2.json", Stix.Bundle(Stix.ThreatActor(2, "B").With("modified", "2022-101-27T13:49:54.326Z")));

        var error = await node.Rejects(file, ExitCodes.Rejected);

        Assert.Contains("tlp2.json", error, StringComparison.Ordinal);
        Assert.Contains($"object #0 ({Good})", error, StringComparison.Ordinal);
        Assert.Contains("$.modified", error, StringComparison.Ordinal);
        Assert.Contains("2022-101-27T13:49:54.326Z", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_of_modified_before_created_names_the_object_and_property()
    {
        using var node = await Node.Create();
        var file = node.Cli.Write("time.json", Stix.Bundle(Stix.ThreatActor(2, "B").With("modified", "2015-11-30T23:59:59.999Z")));

        var error = await node.Rejects(file, ExitCodes.Rejected);

        Assert.Contains("time.json", error, StringComparison.Ordinal);
        Assert.Contains($"object #0 ({Good})", error, StringComparison.Ordinal);
        Assert.Contains("$.modified", error, StringComparison.Ordinal);
        Assert.Contains("created", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_of_a_created_by_ref_to_a_non_identity_names_the_property_and_the_allowed_type()
    {
        using var node = await Node.Create();
        var wrong = Stix.Id("threat-actor", 1);
        var file = node.Cli.Write("refs.json", Stix.Bundle(Stix.ThreatActor(2, "B").With("created_by_ref", wrong)));

        var error = await node.Rejects(file, ExitCodes.Rejected);

        Assert.Contains("refs.json", error, StringComparison.Ordinal);
        Assert.Contains($"object #0 ({Good})", error, StringComparison.Ordinal);
        Assert.Contains("$.created_by_ref", error, StringComparison.Ordinal);
        Assert.Contains("identity", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_of_an_unknown_file_exits_2_and_ingests_none_of_the_valid_files_beside_it()
    {
        using var node = await Node.Create();
        var valid = node.Cli.Write("valid.json", Stix.Bundle(Stix.ThreatActor(2, "B")));
        var before = await node.Cli.Snapshot();

        var result = (await node.Cli.Run("ingest", valid, "missing.json", "valid.json")).ExitsWith(ExitCodes.Usage);

        Assert.Contains("missing.json", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("no such file", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, await node.Cli.Snapshot());
        (await node.Cli.Run("get", Good)).ExitsWith(ExitCodes.Rejected);
    }

    [Fact]
    public async Task Ingest_into_an_unusable_home_exits_3_names_the_path_and_creates_nothing()
    {
        using var node = await Node.Create();
        var valid = node.Cli.Write("valid.json", Stix.Bundle(Stix.ThreatActor(2, "B")));
        var file = node.Cli.Write("a-file", "not a folder");
        var home = Path.Combine(file, "node");
        var before = await node.Cli.Snapshot();

        var result = (await node.Cli.Run("ingest", valid, "--home", home)).ExitsWith(ExitCodes.NodeError);

        Assert.Contains(home, result.Stderr, StringComparison.Ordinal);
        Assert.Equal("not a folder", File.ReadAllText(file));
        Assert.Equal(before, await node.Cli.Snapshot());
    }

    [Fact]
    public async Task Init_of_an_unwritable_home_exits_3_names_the_path_and_leaves_nothing_behind()
    {
        using var cli = new CliHarness();
        var file = cli.Write("a-file", "not a folder");
        var home = Path.Combine(file, "node");

        var result = (await cli.Run("init", "--name", "N", "--home", home)).ExitsWith(ExitCodes.NodeError);

        Assert.Contains(home, result.Stderr, StringComparison.Ordinal);
        Assert.Equal([file], Directory.GetFileSystemEntries(cli.Root));
    }

    [Fact]
    public async Task Ingest_of_a_file_of_an_unknown_kind_exits_2_and_says_what_is_expected()
    {
        using var node = await Node.Create();
        var file = node.Cli.Write("objects.xml", Stix.Bundle(Stix.ThreatActor(2, "B")));
        var before = await node.Cli.Snapshot();

        var result = (await node.Cli.Run("ingest", file)).ExitsWith(ExitCodes.Usage);

        Assert.Contains(".xml", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(".jsonl", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, await node.Cli.Snapshot());
    }

    [Fact]
    public async Task Ingest_of_a_truncated_line_in_a_jsonl_file_is_rejected_whole()
    {
        using var node = await Node.Create();
        var lines = Stix.JsonLines(Stix.ThreatActor(2, "B"), Stix.ThreatActor(3, "C"));
        var file = node.Cli.Write("cut.jsonl", lines[..^20]);

        var error = await node.Rejects(file, ExitCodes.Rejected);

        Assert.Contains("cut.jsonl", error, StringComparison.Ordinal);
        Assert.Contains("line 2", error, StringComparison.Ordinal);
    }

    private static void WriteBundleWithHugeDescription(string path, int megabytes)
    {
        // Streamed to disk a megabyte at a time: the test never holds the string.
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        var head = Stix.ThreatActor(2, "B").ToJsonString()[..^1] + ",\"description\":\"";
        stream.Write(Encoding.UTF8.GetBytes($"{{\"type\":\"bundle\",\"id\":\"bundle--00000000-0000-4000-8000-000000000000\",\"objects\":[{Stix.ThreatActor(3, "C").ToJsonString()},{head}"));
        var chunk = new byte[1024 * 1024];
        Array.Fill(chunk, (byte)'a');
        for (var i = 0; i < megabytes; i++)
        {
            stream.Write(chunk);
        }

        stream.Write("\"}]}"u8);
    }

    /// <summary>A node holding its identity and one threat actor, so "unchanged" is checked against real content.</summary>
    private sealed class Node : IDisposable
    {
        private Node(CliHarness cli) => Cli = cli;

        public CliHarness Cli { get; }

        public static async Task<Node> Create()
        {
            var cli = new CliHarness();
            await cli.Init();
            await cli.Json("ingest", cli.Write("baseline.json", Stix.Bundle(Stix.ThreatActor(1, "A"), Stix.Location(1, "Hama", 35.13, 36.75))));
            return new Node(cli);
        }

        /// <summary>Ingests <paramref name="file"/>, expecting the exit code, no change to the node, and one error; returns it.</summary>
        public async Task<string> Rejects(string file, int exitCode)
        {
            var before = await Cli.Snapshot();

            var result = (await Cli.Run("ingest", file)).ExitsWith(exitCode);
            var json = (await Cli.Run("ingest", file, "--json")).ExitsWith(exitCode).Json();

            Assert.Equal(before, await Cli.Snapshot());
            var summary = Assert.Single(json["inputs"]!.AsArray())!;
            Assert.False(summary["stored"]!.GetValue<bool>(), result.ToString());
            Assert.Equal(0, summary["new"]!.GetValue<long>() + summary["updated"]!.GetValue<long>() + summary["unchanged"]!.GetValue<long>());
            Assert.Contains("rejected whole: nothing stored", result.Stdout, StringComparison.Ordinal);
            Assert.NotEmpty(summary["errors"]!.AsArray());
            var warnings = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.NotEmpty(warnings);
            Assert.All(warnings, w => Assert.StartsWith("warning: ", w, StringComparison.Ordinal));
            return string.Join('\n', warnings);
        }

        public void Dispose() => Cli.Dispose();
    }
}
