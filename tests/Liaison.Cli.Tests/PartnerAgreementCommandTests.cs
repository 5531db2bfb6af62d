using Liaison.Cli.Tests.Support;

namespace Liaison.Cli.Tests;

/// <summary>Partners, agreements and releases through the CLI, on one node.</summary>
public sealed class PartnerAgreementCommandTests
{
    private static readonly string RusKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    private static readonly string RusNewKey = Convert.ToBase64String(Enumerable.Range(2, 32).Select(i => (byte)i).ToArray());

    private const string Agreement = """
        partner: RUS
        version: 1
        release:
          - name: locations
            kinds: [location]
            approval: manual
            location: { precision_km: 10 }
        accept:
          kinds: [location, sighting]
        """;

    private const string Location = """
        {"type":"location","spec_version":"2.1","id":"location--0edda6fb-ff85-40fa-bf72-9b63b0113ef3","created":"2015-12-14T18:00:00.000Z","modified":"2015-12-14T18:00:00.000Z","latitude":35.123456,"longitude":36.654321,"name":"Observation post"}
        """;

    private static async Task<CliHarness> NodeWithPartner()
    {
        var cli = new CliHarness();
        await cli.Init("FRA");
        (await cli.Run("partner", "add", "RUS", "--url", "https://rus.example/taxii2/", "--public-key", RusKey, "--as", "alice")).ExitsWith(ExitCodes.Ok);
        return cli;
    }

    [Fact]
    public async Task Partner_add_creates_its_collections_principal_and_secret_and_shows_credentials_once()
    {
        using var cli = new CliHarness();
        await cli.Init("FRA");

        var added = await cli.Json("partner", "add", "RUS", "--url", "https://rus.example/taxii2/", "--public-key", RusKey);
        var shown = await cli.Json("partner", "show", "RUS");
        var collections = await cli.Json("collection", "list");
        var grants = await cli.Json("grant", "list");

        Assert.Equal("partner-rus", (string)added["principal"]!);
        Assert.False(string.IsNullOrEmpty((string?)added["password"]));
        Assert.DoesNotContain((string)added["password"]!, shown.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(RusKey, (string)shown["public_key"]!);
        Assert.Equal(2, collections["collections"]!.AsArray().Count);
        var rusGrants = grants["grants"]!.AsArray().Where(g => (string)g!["principal"]! == "partner-rus").ToList();
        Assert.Contains(rusGrants, g => (string)g!["collection_id"]! == (string)added["outbound_collection"]! && (bool)g["can_read"]! && !(bool)g["can_write"]!);
        Assert.Contains(rusGrants, g => (string)g!["collection_id"]! == (string)added["inbound_collection"]! && !(bool)g["can_read"]! && (bool)g["can_write"]!);
        var secret = Path.Combine(cli.Home, "keys", "partners", "RUS.secret");
        Assert.Equal(32, new FileInfo(secret).Length);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(secret));
        }
    }

    [Theory]
    [InlineData("rus", "https://rus.example/taxii2/", "AAAA", "not a partner code")]
    [InlineData("RUS", "ftp://rus.example/", "AAAA", "not an http")]
    [InlineData("RUS", "https://rus.example/taxii2/", "AAAA", "32-byte Ed25519 public key")]
    public async Task Partner_add_refuses_bad_input_and_changes_nothing(string code, string url, string key, string message)
    {
        using var cli = new CliHarness();
        await cli.Init("FRA");
        var before = await cli.Snapshot();

        var result = await cli.Run("partner", "add", code, "--url", url, "--public-key", key);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, await cli.Snapshot());
        Assert.Empty((await cli.Json("partner", "list"))["partners"]!.AsArray());
    }

    [Fact]
    public async Task A_new_partner_key_needs_explicit_acceptance_and_the_history_is_kept()
    {
        using var cli = await NodeWithPartner();

        var again = await cli.Run("partner", "add", "RUS", "--url", "https://rus.example/taxii2/", "--public-key", RusNewKey);
        (await cli.Run("partner", "accept-key", "RUS", "--public-key", RusNewKey, "--as", "bob")).ExitsWith(ExitCodes.Ok);
        var shown = await cli.Json("partner", "show", "RUS");

        Assert.Equal(ExitCodes.Rejected, again.ExitCode);
        Assert.Contains("accept-key", again.Stderr, StringComparison.Ordinal);
        Assert.Equal(RusNewKey, (string)shown["public_key"]!);
        Assert.Equal([("alice", RusKey), ("bob", RusNewKey)], shown["keys"]!.AsArray().Select(k => ((string)k!["by"]!, (string)k["public_key"]!)));
    }

    [Fact]
    public async Task Identity_show_prints_what_a_partner_pins()
    {
        using var cli = new CliHarness();
        var identity = await cli.Init("FRA");

        var shown = await cli.Json("identity", "show");

        Assert.Equal(identity, (string)shown["identity_id"]!);
        Assert.Equal(32, Convert.FromBase64String((string)shown["public_key"]!).Length);
    }

    [Fact]
    public async Task An_agreement_with_mistakes_is_refused_with_file_line_and_column()
    {
        using var cli = await NodeWithPartner();
        var file = cli.Write("rus.yaml", "partner: RUS\nversion: 1\nrelease:\n  - kinds: [location]\n    location: { precision_km: -5 }\n");

        var result = await cli.Run("agreement", "apply", file);

        Assert.Equal(ExitCodes.Rejected, result.ExitCode);
        Assert.Contains($"{file}:5:31: release[0].location.precision_km:", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Rejected, (await cli.Run("agreement", "show", "RUS")).ExitCode);
    }

    [Fact]
    public async Task Agreements_are_versioned_shown_and_compared()
    {
        using var cli = await NodeWithPartner();
        (await cli.Run("agreement", "apply", cli.Write("v1.yaml", Agreement))).ExitsWith(ExitCodes.Ok);
        var stale = await cli.Run("agreement", "apply", cli.Write("again.yaml", Agreement));
        (await cli.Run("agreement", "apply", cli.Write("v2.yaml", Agreement.Replace("version: 1", "version: 2").Replace("precision_km: 10", "precision_km: 25")))).ExitsWith(ExitCodes.Ok);

        var current = await cli.Json("agreement", "show", "RUS");
        var first = await cli.Json("agreement", "show", "RUS", "--version", "1");
        var diff = await cli.Json("agreement", "diff", "RUS");

        Assert.Equal(ExitCodes.Rejected, stale.ExitCode);
        Assert.Contains("higher version", stale.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, (int)current["version"]!);
        Assert.Equal([1, 2], current["versions"]!.AsArray().Select(v => (int)v!));
        Assert.Equal(Agreement, (string)first["text"]!);
        var lines = diff["lines"]!.AsArray().Select(l => (string)l!).ToList();
        Assert.Contains("- version: 1", lines);
        Assert.Contains("+ version: 2", lines);
        Assert.Contains("-     location: { precision_km: 10 }", lines);
        Assert.Contains("+     location: { precision_km: 25 }", lines);
        Assert.Contains("  partner: RUS", lines);
    }

    [Fact]
    public async Task Preview_then_release_run_queue_and_four_eyes_approval()
    {
        using var cli = await NodeWithPartner();
        (await cli.Run("agreement", "apply", cli.Write("v1.yaml", Agreement))).ExitsWith(ExitCodes.Ok);
        (await cli.Run("ingest", cli.Write("location.jsonl", Location.Trim()))).ExitsWith(ExitCodes.Ok);
        var before = await cli.Snapshot();

        var preview = await cli.Json("agreement", "preview", "RUS");
        Assert.Equal(before, await cli.Snapshot());
        var run = await cli.Json("release", "run", "RUS", "--as", "alice");
        var queue = await cli.Json("release", "queue");
        var id = (long)queue["pending"]![0]!["id"]!;
        var self = await cli.Run("release", "approve", $"{id}", "--as", "alice");
        var approved = await cli.Json("release", "approve", $"{id}", "--as", "bob");

        Assert.Equal("queue", (string)preview["items"]!.AsArray().Single(i => (string)i!["type"]! == "location")!["action"]!);
        Assert.Equal(1, (int)run["counts"]!["queue"]!);
        Assert.Equal("alice", (string)queue["pending"]![0]!["requested_by"]!);
        Assert.Equal(ExitCodes.Rejected, self.ExitCode);
        Assert.Contains("four eyes", self.Stderr, StringComparison.Ordinal);
        var released = approved["released"]!.AsObject();
        Assert.DoesNotContain("0edda6fb", released.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(10_000, (double)released["precision"]!);
        Assert.Empty((await cli.Json("release", "queue"))["pending"]!.AsArray());
        // The released copy is stored (the partner reads it from its collection) but is not part of what we know:
        // our own queries show the internal location only.
        (await cli.Run("get", (string)approved["released_id"]!)).ExitsWith(ExitCodes.Ok);
        var locations = await cli.Json("query", "--type", "location");
        Assert.Equal("location--0edda6fb-ff85-40fa-bf72-9b63b0113ef3", (string)Assert.Single(locations["objects"]!.AsArray())!["object"]!["id"]!);
    }

    [Fact]
    public async Task A_rejected_release_records_the_reason_and_a_reason_is_required()
    {
        using var cli = await NodeWithPartner();
        (await cli.Run("agreement", "apply", cli.Write("v1.yaml", Agreement))).ExitsWith(ExitCodes.Ok);
        (await cli.Run("ingest", cli.Write("location.jsonl", Location.Trim()))).ExitsWith(ExitCodes.Ok);
        await cli.Json("release", "run", "RUS", "--as", "alice");
        var id = (long)(await cli.Json("release", "queue"))["pending"]![0]!["id"]!;

        var blank = await cli.Run("release", "reject", $"{id}", "--reason", " ", "--as", "bob");
        var rejected = await cli.Json("release", "reject", $"{id}", "--reason", "not yet", "--as", "bob");
        var unknown = await cli.Run("release", "approve", "999", "--as", "bob");

        Assert.Equal(ExitCodes.Usage, blank.ExitCode);
        Assert.Equal("rejected", (string)rejected["state"]!);
        Assert.Equal(ExitCodes.Rejected, unknown.ExitCode);
        Assert.Contains("no release 999", unknown.Stderr, StringComparison.Ordinal);
        Assert.Empty((await cli.Json("release", "queue"))["pending"]!.AsArray());
    }

    [Fact]
    public async Task Without_an_agreement_nothing_is_released_and_the_reason_is_given()
    {
        using var cli = await NodeWithPartner();
        (await cli.Run("ingest", cli.Write("location.jsonl", Location.Trim()))).ExitsWith(ExitCodes.Ok);

        var result = await cli.Run("release", "run", "RUS");

        Assert.Equal(ExitCodes.Rejected, result.ExitCode);
        Assert.Contains("no agreement with RUS", result.Stderr, StringComparison.Ordinal);
        Assert.Empty((await cli.Json("quarantine", "list"))["quarantine"]!.AsArray());
    }
}
