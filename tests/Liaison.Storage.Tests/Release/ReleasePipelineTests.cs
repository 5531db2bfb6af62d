using System.Text.Json;
using System.Text.Json.Nodes;
using Liaison.Core.Agreements;
using Liaison.Core.Crypto;
using Liaison.Core.Ledger;
using Liaison.Core.Extensions;
using Liaison.Core.Validation;
using Liaison.Storage.Ledger;
using Liaison.Storage.Partners;
using Liaison.Storage.Release;
using Liaison.Storage.Taxii;
using static Liaison.Storage.Tests.StixFixtures;

namespace Liaison.Storage.Tests.Release;

public sealed class ReleasePipelineTests : IDisposable
{
    private static readonly byte[] Secret = Enumerable.Range(7, 32).Select(i => (byte)i).ToArray();
    private static readonly string Key = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    private const string Groups = """
        partner: RUS
        version: 1
        release:
          - name: positions
            kinds: [location]
            location: { precision_km: 10 }
            redact: [name]
          - name: groups
            kinds: [sighting, threat-actor]
        """;

    private const string NodeIdentity = "identity--b1c0b9d2-6f0e-4c55-9f51-3c1a3f9e2a10";

    private readonly TestStore _test = new();
    private readonly NodeKey _key = NodeKey.Generate();
    private readonly PartnerInfo _rus;
    private readonly ReleasePipeline _pipeline;

    public ReleasePipelineTests()
    {
        _rus = _test.Store.AddPartner("RUS", "https://rus.example/taxii2/", Key, "alice").Partner;
        _pipeline = new ReleasePipeline(_test.Store, new StixValidator(LiaisonExtensions.Instance), _test.Clock, LedgerSigner.For(NodeIdentity, _key));
    }

    public void Dispose()
    {
        _key.Dispose();
        _test.Dispose();
    }

    private void Apply(string yaml) => _test.Store.ApplyAgreement(AgreementParser.Parse(yaml), "alice");

    private void Add(params JsonObject[] objects)
    {
        using var batch = _test.Store.BeginBatch();
        foreach (var json in objects)
        {
            batch.Add(Valid(json));
        }

        batch.Commit();
    }

    private ReleaseRunReport Run(string by = "alice", bool dryRun = false) => _pipeline.Run(_rus, Secret, by, dryRun);

    private List<JsonObject> Outbound(bool allVersions = false) =>
        OutboundWithCheckpoints(allVersions).Where(o => (string)o["type"]! != "x-liaison-ledger-checkpoint").ToList();

    private List<JsonObject> OutboundWithCheckpoints(bool allVersions = false) =>
        _test.Store.ReadCollection(_rus.OutboundCollection, new TaxiiFilter { Versions = allVersions ? new TaxiiVersionFilter(false, false, true, []) : TaxiiVersionFilter.Default }, 1000)
            .Entries.Select(e => JsonNode.Parse(e.Stored.Utf8Json)!.AsObject()).ToList();

    private JsonObject Released(string internalId) =>
        Outbound().Single(o => (string)o["id"]! == new ReleasedIds(Secret).For(internalId));

    private void AddGroupSighting()
    {
        Add(ThreatActor(1, "Katiba"), Location(1, 35.95, 39.01), Sighting(1, 1, 1, Stamp(3), Stamp(3, 2)));
    }

    [Fact]
    public void What_the_agreement_allows_goes_out_sanitised_under_ids_of_its_own()
    {
        Apply(Groups);
        AddGroupSighting();
        Add(Note(1, "internal assessment"));

        var report = Run();

        Assert.Equal(3, report.Count(ReleaseAction.Release));
        Assert.Equal(1, report.Count(ReleaseAction.Deny));
        var outbound = Outbound();
        Assert.Equal(3, outbound.Count);
        var text = string.Concat(outbound.Select(o => o.ToJsonString()));
        foreach (var internalId in new[] { Id("threat-actor", 1), Id("location", 1), Id("sighting", 1), Id("note", 1) })
        {
            Assert.DoesNotContain(internalId, text, StringComparison.Ordinal);
        }

        var sighting = Released(Id("sighting", 1));
        Assert.Equal(new ReleasedIds(Secret).For(Id("threat-actor", 1)), (string)sighting["sighting_of_ref"]!);
        Assert.Equal(new ReleasedIds(Secret).For(Id("location", 1)), (string)sighting["where_sighted_refs"]![0]!);
        var location = Released(Id("location", 1));
        Assert.False(location.ContainsKey("name"));
        Assert.NotEqual(35.95, (double)location["latitude"]!);
        Assert.Equal(10_000, (double)location["precision"]!);
        var log = _test.Store.ReleasesOf("RUS", Id("location", 1)).Single();
        Assert.Equal((ReleaseState.Released, 1, "positions", 10.0), (log.State, log.AgreementVersion, log.Clause, log.PrecisionKm));
    }

    [Fact]
    public void Released_copies_take_no_place_in_our_spatial_and_text_indexes()
    {
        Apply(Groups);
        AddGroupSighting();

        Assert.Equal(3, Run().Count(ReleaseAction.Release));
        _test.Store.CatchUpTextIndex();

        // Ours only: the location at itself and the sighting there; the released location and sighting have no rows.
        Assert.Equal(2, Scalar("SELECT COUNT(*) FROM geo"));
        Assert.Equal(0, Scalar("SELECT COUNT(*) FROM location_links l JOIN object_keys k ON k.key = l.via_key JOIN release_outputs r ON r.object_id = k.id"));
        // The group's name went out unredacted, but only our own threat actor is in the text index.
        Assert.Equal(1, Scalar("SELECT COUNT(*) FROM text_index WHERE text_index MATCH 'katiba'"));
        var found = _test.Store.Query(new ObjectQuery { Box = new Core.Geo.GeoBox(38.5, 35.5, 39.5, 36.5) });
        Assert.Equal([Id("location", 1), Id("sighting", 1)], found.Select(o => o.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void What_a_partner_sends_at_a_location_we_released_is_placed_at_the_released_point()
    {
        Apply(Groups);
        AddGroupSighting();
        Run();
        var releasedLocation = Released(Id("location", 1));
        var theirs = Valid(Sighting(2, 1, 1, Stamp(4), Stamp(4, 1)));
        var json = JsonNode.Parse(theirs.Json.GetRawText())!.AsObject();
        json["where_sighted_refs"] = new JsonArray((string)releasedLocation["id"]!);
        var received = Valid(json);
        using (var batch = _test.Store.BeginBatch())
        {
            batch.AddReceived(received, Core.Canonical.ContentHash.Of(received.Json), received.ToUtf8Bytes(), Core.Stix.IndexFacts.Of(received),
                new Provenance("rus", _rus.InboundCollection.ToString(), 1));
            batch.Commit();
        }

        var point = new Core.Geo.GeoPoint((double)releasedLocation["latitude"]!, (double)releasedLocation["longitude"]!);
        var around = new Core.Geo.GeoBox(point.Longitude - 0.01, point.Latitude - 0.01, point.Longitude + 0.01, point.Latitude + 0.01);
        Assert.Contains(_test.Store.Query(new ObjectQuery { Box = around }), o => o.Id == Id("sighting", 2));
    }

    [Fact]
    public void A_region_clause_places_a_sighting_by_the_locations_it_references_stored_in_the_same_run_or_before()
    {
        Apply("""
            partner: RUS
            version: 1
            release:
              - name: syria
                kinds: [sighting, location]
                region: { bbox: [35.0, 32.0, 42.5, 37.5] }
              - name: groups
                kinds: [threat-actor]
            """);
        Add(ThreatActor(1, "Katiba"), Location(1, 35.95, 39.01), Location(2, 48.85, 2.35));
        Run();
        // Later, and in one run: a sighting at each stored location, and one at a location stored in the same run.
        Add(Sighting(1, 1, 1, Stamp(3), Stamp(3, 1)), Sighting(2, 1, 2, Stamp(3), Stamp(3, 1)),
            Location(3, 36.2, 37.1), Sighting(3, 1, 3, Stamp(4), Stamp(4, 1)));

        var report = Run();

        Assert.Equal(ReleaseAction.Release, report.Items.Single(i => i.SourceId == Id("sighting", 1)).Action);
        Assert.Equal(ReleaseAction.Deny, report.Items.Single(i => i.SourceId == Id("sighting", 2)).Action);
        Assert.Equal(ReleaseAction.Release, report.Items.Single(i => i.SourceId == Id("sighting", 3)).Action);
    }

    [Fact]
    public void A_second_run_sends_nothing_twice()
    {
        Apply(Groups);
        AddGroupSighting();
        Run();
        var before = DatabaseSnapshot.Of(_test.DatabasePath);

        var again = Run();

        Assert.Empty(again.Items);
        Assert.Equal(before, DatabaseSnapshot.Of(_test.DatabasePath));
    }

    [Fact]
    public void Nothing_goes_out_before_an_agreement_and_the_error_says_so()
    {
        AddGroupSighting();

        var error = Assert.Throws<StoreException>(() => Run());

        Assert.Contains("no agreement with RUS", error.Message, StringComparison.Ordinal);
        Assert.Empty(Outbound());
    }

    [Fact]
    public void A_preview_plans_exactly_what_a_run_does_and_writes_nothing()
    {
        Apply(Groups);
        AddGroupSighting();
        var before = DatabaseSnapshot.Of(_test.DatabasePath);

        var preview = Run(dryRun: true);

        Assert.Equal(before, DatabaseSnapshot.Of(_test.DatabasePath));
        var run = Run();
        Assert.Equal(preview.Items.Select(i => (i.SourceId, i.Action, i.ReleasedId)), run.Items.Select(i => (i.SourceId, i.Action, i.ReleasedId)));
        // What the preview showed is, byte for byte, what the partner now holds.
        var outbound = Outbound().ToDictionary(o => (string)o["id"]!, o => o.ToJsonString());
        Assert.All(preview.Items.Where(i => i.Action == ReleaseAction.Release), i => Assert.Equal(i.Released!.ToJsonString(), outbound[i.ReleasedId]));
    }

    [Fact]
    public void A_new_version_is_a_new_version_of_the_partners_copy_and_a_revocation_withdraws_it()
    {
        Apply(Groups);
        AddGroupSighting();
        Run();
        Add(Location(1, 35.0, 39.5, modified: Stamp(5)));

        var update = Run();
        Add(Location(1, 35.0, 39.5, modified: Stamp(6)).With("revoked", true));
        var withdrawal = Run();

        Assert.Equal(("new version", ReleaseAction.Release), (update.Items.Single().Change, update.Items.Single().Action));
        Assert.Equal(ReleaseAction.Withdraw, withdrawal.Items.Single().Action);
        var versions = Outbound(allVersions: true).Where(o => (string)o["id"]! == new ReleasedIds(Secret).For(Id("location", 1))).ToList();
        Assert.Equal(3, versions.Count);
        Assert.True((bool)versions[^1]["revoked"]!);
        Assert.Equal(ReleaseState.Withdrawn, _test.Store.ReleasesOf("RUS", Id("location", 1))[0].State);
    }

    [Fact]
    public void An_agreement_change_governs_only_later_releases_and_precision_never_gets_finer()
    {
        Apply(Groups);
        Add(Location(1, 35.95, 39.01));
        Run();
        var first = Released(Id("location", 1)).ToJsonString();
        Apply(Groups.Replace("version: 1", "version: 2").Replace("precision_km: 10", "precision_km: 1"));

        Add(Location(2, 35.95, 39.01));
        Run();
        Add(Location(1, 35.95, 39.01, modified: Stamp(4)));
        Run();

        Assert.Equal(1_000, (double)Released(Id("location", 2))["precision"]!);
        Assert.Equal(2, _test.Store.ReleasesOf("RUS", Id("location", 2)).Single().AgreementVersion);
        var updated = Released(Id("location", 1));
        Assert.Equal(10_000, (double)updated["precision"]!);
        Assert.Equal(JsonNode.Parse(first)!["latitude"]!.GetValue<double>(), (double)updated["latitude"]!);
        Assert.Equal([1, 2], _test.Store.ReleasesOf("RUS", Id("location", 1)).Select(r => r.AgreementVersion).Order());
    }

    [Fact]
    public void A_manual_clause_waits_for_a_second_person()
    {
        Apply(Groups.Replace("    location: { precision_km: 10 }", "    approval: manual\n    location: { precision_km: 10 }"));
        Add(Location(1, 35.95, 39.01));
        var queued = Run(by: "alice");
        var pending = Assert.Single(_test.Store.ReleasesInState(ReleaseState.Pending, "RUS"));

        var selfApproval = Assert.Throws<StoreException>(() => _pipeline.Approve(_rus, Secret, pending.Id, "alice"));
        Assert.Empty(Outbound());
        var approved = _pipeline.Approve(_rus, Secret, pending.Id, "bob");

        Assert.Equal(ReleaseAction.Queue, queued.Items.Single().Action);
        Assert.Contains("four eyes", selfApproval.Message, StringComparison.Ordinal);
        Assert.Equal(ReleaseAction.Release, approved.Action);
        Assert.Single(Outbound());
        var record = _test.Store.FindRelease(pending.Id)!;
        Assert.Equal((ReleaseState.Released, "alice", "bob"), (record.State, record.RequestedBy, record.DecidedBy));
        Assert.Empty(Run(by: "alice").Items);
    }

    [Fact]
    public void A_rejected_release_never_goes_out()
    {
        Apply(Groups.Replace("    location: { precision_km: 10 }", "    approval: manual\n    location: { precision_km: 10 }"));
        Add(Location(1, 35.95, 39.01));
        Run(by: "alice");
        var pending = Assert.Single(_test.Store.ReleasesInState(ReleaseState.Pending));

        _pipeline.Reject(_rus, pending.Id, "bob", "too precise for now");

        Assert.Equal((ReleaseState.Rejected, "too precise for now"), (_test.Store.FindRelease(pending.Id)!.State, _test.Store.FindRelease(pending.Id)!.Reason));
        Assert.Throws<StoreException>(() => _pipeline.Approve(_rus, Secret, pending.Id, "carol"));
        Assert.Empty(Run(by: "carol").Items);
        Assert.Empty(Outbound());
    }

    [Fact]
    public void Under_hold_an_object_waits_for_what_it_references_then_follows_it()
    {
        Apply("partner: RUS\nversion: 1\nreferences: hold\nrelease:\n  - kinds: [sighting, location]\n");
        AddGroupSighting();

        var first = Run();
        var afterFirst = Outbound().Count;
        Apply("partner: RUS\nversion: 2\nreferences: hold\nrelease:\n  - kinds: [sighting, location, threat-actor]\n");
        var second = Run();

        Assert.Contains(first.Items, i => i.SourceId == Id("sighting", 1) && i.Action == ReleaseAction.Wait && i.Reason.Contains(Id("threat-actor", 1), StringComparison.Ordinal));
        Assert.Equal((1, 3), (afterFirst, Outbound().Count));
        Assert.Contains(second.Items, i => i.SourceId == Id("sighting", 1) && i.Action == ReleaseAction.Release);
        Assert.Empty(_test.Store.WaitingReleases("RUS"));
    }

    [Fact]
    public void An_embargo_holds_until_its_time()
    {
        Apply("partner: RUS\nversion: 1\nrelease:\n  - kinds: [location]\n    time: { delay: 6h }\n");
        Add(Location(1, 35.95, 39.01, modified: "2026-11-26T10:00:00.000Z"));

        var early = Run();
        _test.Clock.UtcNow = new DateTimeOffset(2026, 11, 26, 16, 0, 0, TimeSpan.Zero);
        var due = Run();

        Assert.Equal(ReleaseAction.Wait, early.Items.Single().Action);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 16, 0, 0, TimeSpan.Zero), DateTimeOffset.UnixEpoch.AddTicks(early.Items.Single().NotBeforeMicroseconds!.Value * 10));
        Assert.Equal(ReleaseAction.Release, due.Items.Single().Action);
        Assert.Single(Outbound());
    }

    [Fact]
    public void What_a_partner_gave_us_is_not_passed_on_to_another()
    {
        var fra = _test.Store.AddPartner("FRA", "https://fra.example/taxii2/", Key, "alice").Partner;
        Apply(Groups);
        using (var batch = _test.Store.BeginBatch())
        {
            var location = Valid(Location(1, 35.95, 39.01));
            batch.AddReceived(location, Core.Canonical.ContentHash.Of(location.Json), location.ToUtf8Bytes(), Core.Stix.IndexFacts.Of(location),
                new Provenance("fra", fra.OutboundCollection.ToString(), 1));
            batch.Commit();
        }

        var report = Run();

        Assert.Contains("received from FRA", report.Items.Single().Reason, StringComparison.Ordinal);
        Assert.Empty(Outbound());
    }

    [Fact]
    public void Every_release_and_decision_is_in_the_ledger_and_each_run_publishes_a_signed_checkpoint()
    {
        Apply(Groups.Replace("  - name: groups", "  - name: groups\n    approval: manual"));
        AddGroupSighting();
        var first = Run(by: "alice");
        var pending = _test.Store.ReleasesInState(ReleaseState.Pending, "RUS");
        Assert.True(pending.Count == 2, string.Join("\n", first.Items.Select(i => $"{i.SourceId} {i.Action} {i.Reason}")));
        _pipeline.Approve(_rus, Secret, pending[0].Id, "bob");
        _pipeline.Reject(_rus, pending[1].Id, "bob", "not now");

        var entries = _test.Store.LedgerEntries(0, 100).Select(r => r.Entry).ToList();
        var released = Outbound();
        var checkpoints = OutboundWithCheckpoints().Where(o => (string)o["type"]! == "x-liaison-ledger-checkpoint").ToList();

        Assert.Equal(LedgerEntryKind.AgreementApplied, entries[0].Kind);
        Assert.Equal(
            [LedgerEntryKind.AgreementApplied, LedgerEntryKind.Release, LedgerEntryKind.Approval, LedgerEntryKind.Release, LedgerEntryKind.Rejection],
            entries.Select(e => e.Kind));
        // What the partner holds is exactly what the release entries name, byte for byte.
        foreach (var stixObject in released)
        {
            var entry = entries.Last(e => e.ObjectId == (string)stixObject["id"]! && e.Kind == LedgerEntryKind.Release);
            Assert.Equal(Core.Canonical.ContentHash.Of(JsonSerializer.SerializeToElement(stixObject)), entry.ContentHash);
        }

        Assert.Equal(2, checkpoints.Count);
        Assert.True(LedgerStix.TryCheckpointFromStix(JsonSerializer.SerializeToElement(checkpoints[^1]), out var checkpoint, out _));
        Assert.True(checkpoint.Verify(_key.PublicKeyBase64, out var failure), failure);
        Assert.Equal(_test.Store.LedgerRoot(checkpoint.Checkpoint.TreeSize), checkpoint.Checkpoint.RootHash);
        Assert.True(_test.Store.VerifyLedger(_key.PublicKeyBase64).IsValid);
        Assert.DoesNotContain(entries, e => e.ObjectId is { } id && (id == Id("location", 1) || id == Id("sighting", 1)));
    }

    [Fact]
    public void A_reference_to_what_the_partner_sent_us_keeps_the_partners_own_id()
    {
        Apply(Groups);
        using (var batch = _test.Store.BeginBatch())
        {
            var group = Valid(ThreatActor(1, "Katiba"));
            batch.AddReceived(group, Core.Canonical.ContentHash.Of(group.Json), group.ToUtf8Bytes(), Core.Stix.IndexFacts.Of(group),
                new Provenance("RUS", _rus.InboundCollection.ToString(), 1));
            batch.Commit();
        }

        Add(Location(1, 35.95, 39.01), Sighting(1, 1, 1, Stamp(3), Stamp(3, 2)));
        var report = Run();

        // Our sighting of RUS's group goes back pointing at RUS's id; the group itself is never sent back.
        var sighting = Released(Id("sighting", 1));
        Assert.Equal(Id("threat-actor", 1), (string)sighting["sighting_of_ref"]!);
        Assert.DoesNotContain(Outbound(), o => (string)o["type"]! == "threat-actor");
        Assert.Contains(report.Items, i => i.SourceId == Id("threat-actor", 1) && i.Action == ReleaseAction.Deny);
    }

    private long Scalar(string sql)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_test.DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
