using System.Text;
using System.Text.Json.Nodes;
using Liaison.Cli.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Liaison.Cli.Tests.EndToEnd;

/// <summary>
/// Two nodes serving TAXII on loopback, FRA and RUS, with asymmetric agreements: each receives exactly what the
/// other's agreement releases, sanitised, under ids that reveal nothing; what its own inbound rules refuse waits in
/// quarantine; an agreement change governs only what is released after it.
/// </summary>
public sealed class TwoPartnerExchangeTests : IDisposable
{
    private const string Group = "intrusion-set--40cebc78-15ef-4394-87ee-ce362b998b34";
    private const string Post = "location--0edda6fb-ff85-40fa-bf72-9b63b0113ef3";
    private const string NewPost = "location--5d1b6a7e-3c39-4b57-a0a4-1f6c44f0a001";
    private const string Sighting = "sighting--6b0a2a1e-0f58-4c5e-9a57-7b7c4f2b1f10";
    private const string Note = "note--9b1b2f6c-4f0e-4c0c-8f0a-7d1e5f3a2b10";
    private const string Strike = "x-liaison-strike-assessment--22f5d4b4-6e42-485b-ae40-5bf9db18164c";
    private const string Incident = "incident--81847e12-93e2-44c6-a0db-23cf385deff8";
    private const string Town = "location--2c7e8a51-6a0e-4f73-9d2b-0a4f1c9e7d33";
    private const string LostPost = "location--7a9e3c10-2b4d-4e6f-8a1c-3d5e7f9b1c22";

    private static readonly string FranceToRussia = """
        partner: RUS
        version: 1
        release:
          - name: positions
            kinds: [location]
            location: { precision_km: 10 }
            redact: [name]
          - name: groups
            kinds: [intrusion-set, sighting]
            sources: pseudonymise
          - name: strikes
            kinds: [strike-assessment]
            redact: [platform, munition, x_internal_ticket]
            sources: pseudonymise
        accept:
          kinds: [incident, location, identity]
        """;

    private static readonly string RussiaToFrance = """
        partner: FRA
        version: 1
        references: drop
        release:
          - name: incidents
            kinds: [incident, location]
            location: { precision_km: 2 }
            sources: pseudonymise
        accept:
          kinds: [location, intrusion-set, sighting]
        """;

    private readonly CliHarness _cli = new();
    private readonly string _fra;
    private readonly string _rus;

    public TwoPartnerExchangeTests()
    {
        _fra = Path.Combine(_cli.Root, "fra");
        _rus = Path.Combine(_cli.Root, "rus");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _cli.Dispose();
    }

    [Fact]
    public async Task Each_side_receives_exactly_its_view_and_an_agreement_change_governs_only_later_releases()
    {
        await Json(_fra, "init", "--name", "FRA");
        await Json(_rus, "init", "--name", "RUS");
        var fraKey = (string)(await Json(_fra, "identity", "show"))["public_key"]!;
        var rusKey = (string)(await Json(_rus, "identity", "show"))["public_key"]!;
        var (fraPort, rusPort) = (NodeProcess.FreePort(), NodeProcess.FreePort());
        var fraUrl = $"http://127.0.0.1:{fraPort}/taxii2/";
        var rusUrl = $"http://127.0.0.1:{rusPort}/taxii2/";

        var rusAtFra = await Json(_fra, "partner", "add", "RUS", "--url", rusUrl, "--public-key", rusKey);
        var fraAtRus = await Json(_rus, "partner", "add", "FRA", "--url", fraUrl, "--public-key", fraKey);
        await Input((string)fraAtRus["password"]!, _fra, "remote", "add", "RUS", "--url", rusUrl, "--user", "partner-fra", "--password-stdin");
        await Input((string)rusAtFra["password"]!, _rus, "remote", "add", "FRA", "--url", fraUrl, "--user", "partner-rus", "--password-stdin");
        await Json(_fra, "agreement", "apply", _cli.Write("fra-rus.yaml", FranceToRussia));
        await Json(_rus, "agreement", "apply", _cli.Write("rus-fra.yaml", RussiaToFrance));
        await Json(_fra, "ingest", _cli.Write("fra.json", Bundle(Location(Post, 35.951234, 39.012345, "Observation post Delta"), Group1(), Sighting1(), Note1(), Strike1())));
        await Json(_rus, "ingest", _cli.Write("rus.json", Bundle(Location(Town, 35.0712, 36.6514, "Suqaylabiyah"), Incident1())));

        using var fraServer = NodeProcess.Start(_cli.Root, null, "--home", _fra, "serve", "--urls", $"http://127.0.0.1:{fraPort}");
        using var rusServer = NodeProcess.Start(_cli.Root, null, "--home", _rus, "serve", "--urls", $"http://127.0.0.1:{rusPort}");
        await WaitUntilServing(fraServer, fraUrl, "partner-rus", (string)rusAtFra["password"]!);
        await WaitUntilServing(rusServer, rusUrl, "partner-fra", (string)fraAtRus["password"]!);

        var fraFirst = await Json(_fra, "sync", "RUS");
        var rusFirst = await Json(_rus, "sync", "FRA");
        await Json(_fra, "sync", "RUS");

        // FRA released the post, the group, the sighting and the strike; never the note nor its node identity.
        Assert.Equal((4, 2), ((int)fraFirst["release"]!["counts"]!["release"]!, (int)fraFirst["release"]!["counts"]!["deny"]!));
        var rusGot = Received(_rus, "FRA");
        // Three objects, the signed checkpoint of FRA's ledger that covers them, and FRA's receipt for what RUS sent.
        Assert.Equal(3, rusGot.Count(o => !((string)o["type"]!).StartsWith("x-liaison-", StringComparison.Ordinal)));
        Assert.Single(rusGot, o => (string)o["type"]! == "x-liaison-ledger-checkpoint");
        Assert.Single(rusGot, o => (string)o["type"]! == "x-liaison-receipt");
        Assert.DoesNotContain(rusGot, o => (string)o["type"]! == "note");
        var dump = Dump(_rus);
        foreach (var internalId in new[] { Post, Group, Sighting, Note, Strike })
        {
            Assert.DoesNotContain(internalId, dump, StringComparison.Ordinal);
        }

        var post = rusGot.Single(o => (string)o["type"]! == "location");
        Assert.False(post.ContainsKey("name"));
        Assert.Equal(10_000, (double)post["precision"]!);
        Assert.NotEqual(35.951234, (double)post["latitude"]!);
        var sighting = rusGot.Single(o => (string)o["type"]! == "sighting");
        Assert.Equal((string)rusGot.Single(o => (string)o["type"]! == "intrusion-set")["id"]!, (string)sighting["sighting_of_ref"]!);
        Assert.Equal((string)post["id"]!, (string)sighting["where_sighted_refs"]![0]!);
        // RUS does not accept strike assessments: FRA's is in RUS's quarantine, not in its store.
        // (its assessor went out as a pseudonymous identity, which RUS does not accept either).
        var quarantined = (await Json(_rus, "quarantine", "list"))["quarantine"]!.AsArray().Select(q => ((string)q!["object_id"]!).Split("--")[0]).Order();
        Assert.Equal(["identity", "x-liaison-strike-assessment"], quarantined);
        Assert.Equal(2, (int)rusFirst["received"]![0]!["quarantined"]!);
        Assert.Equal(0, (int)rusFirst["release"]!["counts"]!["fail"]!);
        Assert.Equal(1, (int)rusFirst["checkpoints"]!["accepted"]!);
        // Every object RUS received is proved in FRA's log by the checkpoint's range of entries.
        Assert.Empty(rusFirst["inclusion"]!["failures"]!.AsArray());
        Assert.Empty(rusFirst["inclusion"]!["unproven"]!.AsArray());
        // (the post, the group, the sighting, the strike and its pseudonymous assessor; the note never left)
        Assert.Equal(5, (int)rusFirst["inclusion"]!["proven"]!);

        // RUS released the incident and its town at 2 km; FRA holds them with RUS's provenance.
        var fraGot = Received(_fra, "RUS");
        // The claim's source went out as a pseudonym, with its pseudonymous identity so that the reference resolves.
        Assert.Equal(["identity", "incident", "location", "x-liaison-ledger-checkpoint", "x-liaison-receipt"], fraGot.Select(o => (string)o["type"]!).Order());
        Assert.Equal(2_000, (double)fraGot.Single(o => (string)o["type"]! == "location")["precision"]!);
        Assert.DoesNotContain(Incident, Dump(_fra), StringComparison.Ordinal);

        // Version 2 releases locations at 1 km: only what is released from now on.
        await Json(_fra, "agreement", "apply", _cli.Write("fra-rus-2.yaml", FranceToRussia.Replace("version: 1", "version: 2").Replace("precision_km: 10 }\n    redact", "precision_km: 1 }\n    redact")));
        await Json(_fra, "ingest", _cli.Write("fra2.json", Bundle(Location(NewPost, 36.2, 37.15, "Observation post Echo"))));
        await Json(_fra, "sync", "RUS");
        var rusSecond = await Json(_rus, "sync", "FRA");

        // FRA's second checkpoint carries the proof that its first is a prefix of it: RUS accepts it.
        Assert.Equal(1, (int)rusSecond["checkpoints"]!["accepted"]!);
        Assert.Empty(rusSecond["checkpoints"]!["refused"]!.AsArray());
        var locations = Received(_rus, "FRA").Where(o => (string)o["type"]! == "location").Select(o => (double)o["precision"]!).Order().ToList();
        Assert.Equal([1_000.0, 10_000.0], locations);

        // Both ledgers verify; RUS's signed receipts acknowledge every version FRA released, with the same content
        // (quarantined objects included: a receipt says what arrived).
        await Json(_fra, "ledger", "verify");
        await Json(_rus, "ledger", "verify");
        var compare = await Json(_fra, "ledger", "compare", "RUS");
        Assert.True((bool)compare["clean"]!, compare.ToJsonString());
        Assert.Equal(6, (int)compare["acknowledged"]!);
        Assert.Equal(2, (int)rusSecond["receipts_sent"]! + (int)rusFirst["receipts_sent"]!);

        // A loss on the way: FRA releases a third post, which vanishes from its outbound collection before RUS pulls.
        await Json(_fra, "ingest", _cli.Write("fra3.json", Bundle(Location(LostPost, 36.5, 38.0, "Observation post Foxtrot"))));
        var third = await Json(_fra, "release", "run", "RUS");
        var lost = (string)third["items"]!.AsArray().Single(i => (string)i!["source_id"]! == LostPost)!["released_id"]!;
        Execute(_fra, $"DELETE FROM collection_objects WHERE object_key = (SELECT key FROM object_keys WHERE id = '{lost}')");
        await Json(_rus, "sync", "FRA");

        var lossy = await _cli.Run("--home", _fra, "ledger", "compare", "RUS", "--json");
        Assert.Equal(ExitCodes.Rejected, lossy.ExitCode);
        var report = lossy.Json();
        Assert.False((bool)report["clean"]!);
        Assert.Equal(lost, (string)Assert.Single(report["not_acknowledged"]!.AsArray())!["id"]!);
        Assert.Equal(6, (int)report["acknowledged"]!);
        fraServer.Kill();
        rusServer.Kill();
    }

    private async Task<JsonNode> Json(string home, params string[] args) =>
        (await _cli.Run(["--home", home, .. args, "--json"])).ExitsWith(ExitCodes.Ok).Json();

    private async Task Input(string stdin, string home, params string[] args) =>
        (await _cli.RunWithInput(stdin + "\n", ["--home", home, .. args])).ExitsWith(ExitCodes.Ok);

    /// <summary>The latest version of every object the node received from a partner.</summary>
    private static List<JsonObject> Received(string home, string partner)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(home, "liaison.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT DISTINCT o.json FROM objects o JOIN provenance p ON p.seq = o.seq WHERE p.remote = $r AND o.latest = 1";
        command.Parameters.AddWithValue("$r", partner);
        using var reader = command.ExecuteReader();
        var objects = new List<JsonObject>();
        while (reader.Read())
        {
            objects.Add(JsonNode.Parse((byte[])reader[0])!.AsObject());
        }

        return objects;
    }

    private static void Execute(string home, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(home, "liaison.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        Assert.Equal(1, command.ExecuteNonQuery());
    }

    /// <summary>Every object the node stores, as text.</summary>
    private static string Dump(string home)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(home, "liaison.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT k.id, o.json FROM objects o JOIN object_keys k ON k.key = o.key";
        using var reader = command.ExecuteReader();
        var text = new StringBuilder();
        while (reader.Read())
        {
            text.Append(reader.GetString(0)).Append(Encoding.UTF8.GetString((byte[])reader[1]));
        }

        return text.ToString();
    }

    private static async Task WaitUntilServing(NodeProcess server, string discovery, string user, string password)
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = NodeProcess.Basic(user, password);
        http.DefaultRequestHeaders.Accept.ParseAdd("application/taxii+json;version=2.1");
        await server.WaitUntilServingAsync(http, discovery);
    }

    private static string Bundle(params JsonObject[] objects) =>
        new JsonObject { ["type"] = "bundle", ["id"] = $"bundle--{Guid.NewGuid():D}", ["objects"] = new JsonArray(objects) }.ToJsonString();

    private static JsonObject Location(string id, double lat, double lon, string name) => Parse($$"""
        { "type": "location", "spec_version": "2.1", "id": "{{id}}", "created": "2015-12-14T18:00:00.000Z", "modified": "2015-12-14T18:00:00.000Z",
          "name": "{{name}}", "latitude": {{lat.ToString(System.Globalization.CultureInfo.InvariantCulture)}}, "longitude": {{lon.ToString(System.Globalization.CultureInfo.InvariantCulture)}} }
        """);

    private static JsonObject Group1() => Parse($$"""
        { "type": "intrusion-set", "spec_version": "2.1", "id": "{{Group}}", "created": "2015-12-14T18:00:00.000Z", "modified": "2015-12-14T18:00:00.000Z",
          "name": "Hostile group" }
        """);

    private static JsonObject Sighting1() => Parse($$"""
        { "type": "sighting", "spec_version": "2.1", "id": "{{Sighting}}", "created": "2015-12-14T18:12:00.000Z", "modified": "2015-12-14T18:12:00.000Z",
          "sighting_of_ref": "{{Group}}", "where_sighted_refs": ["{{Post}}"], "count": 40, "confidence": 70 }
        """);

    private static JsonObject Note1() => Parse($$"""
        { "type": "note", "spec_version": "2.1", "id": "{{Note}}", "created": "2015-12-14T18:00:00.000Z", "modified": "2015-12-14T18:00:00.000Z",
          "content": "Our source in the group says the convoy leaves at dawn.", "object_refs": ["{{Group}}"] }
        """);

    private static JsonObject Strike1() => Parse($$"""
        { "type": "x-liaison-strike-assessment", "spec_version": "2.1", "id": "{{Strike}}", "created": "2015-12-14T18:00:00.000Z", "modified": "2015-12-14T18:00:00.000Z",
          "confidence": 70, "name": "Strike on a tanker convoy", "strike_time": "2015-12-13T21:40:00Z", "location_ref": "{{Post}}",
          "target_category": "oil-transport", "assessed_effect": "destroyed", "platform": "Rafale M", "munition": "GBU-12",
          "civilian_harm": { "assessment": "none-observed" }, "assessor_ref": "identity--86f834a7-790a-48fe-966d-245b75888bc7",
          "extensions": { "extension-definition--4e561719-7d4f-4012-a48f-6313c0e343a4": { "extension_type": "new-sdo" } } }
        """);

    private static JsonObject Incident1() => Parse($$"""
        { "type": "incident", "spec_version": "2.1", "id": "{{Incident}}", "created": "2015-12-15T08:00:00.000Z", "modified": "2015-12-15T08:00:00.000Z",
          "name": "Rockets on Suqaylabiyah",
          "extensions": { "extension-definition--12527e46-6eea-4d1b-8e04-4c04d130a1dc": { "extension_type": "property-extension",
            "event_time": "2015-12-14T00:00:00Z", "location_ref": "{{Town}}",
            "claims": [ { "source_ref": "identity--86f834a7-790a-48fe-966d-245b75888bc7", "killed": 2, "injured": 8, "reported_at": "2015-12-14T00:00:00Z" } ] } } }
        """);

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
