using System.Text.Json.Nodes;
using Liaison.Core.Agreements;
using Liaison.Core.Canonical;
using Liaison.Core.Crypto;
using Liaison.Core.Deconfliction;
using Liaison.Core.Extensions;
using Liaison.Core.Stix;
using Liaison.Core.Validation;
using Liaison.Storage.Deconfliction;
using Liaison.Storage.Ledger;
using Liaison.Storage.Partners;
using Liaison.Storage.Release;
using Liaison.Storage.Taxii;
using static Liaison.Storage.Tests.Deconfliction.DeconflictionStateTests;

namespace Liaison.Storage.Tests.Deconfliction;

public sealed class ConflictReportsTests : IDisposable
{
    private const string NodeIdentity = "identity--b1c0b9d2-6f0e-4c55-9f51-3c1a3f9e2a10";
    private static readonly byte[] Secret = Enumerable.Range(7, 32).Select(i => (byte)i).ToArray();
    private static readonly string Key = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    private static readonly string Ours = StixFixtures.Id(LiaisonExtensions.ActivityNoticeType, 1);
    private static readonly string Theirs = StixFixtures.Id(LiaisonExtensions.ActivityNoticeType, 5);

    private const string Reporting = """
        partner: RUS
        version: 1
        release:
          - name: conflicts
            kinds: [conflict-report]
        """;

    private readonly TestStore _test = new();
    private readonly NodeKey _key = NodeKey.Generate();
    private readonly PartnerInfo _rus;

    public ConflictReportsTests()
    {
        _rus = _test.Store.AddPartner("RUS", "https://rus.example/taxii2/", Key, "alice").Partner;
        _test.Add(StixFixtures.Valid(Notice(1, 35.0)));
        Receive(Notice(5, 35.05));
    }

    public void Dispose()
    {
        _key.Dispose();
        _test.Dispose();
    }

    [Fact]
    public void A_conflict_with_a_partner_notice_is_one_report_however_often_it_is_found()
    {
        var first = Reconcile(Theirs);
        var again = Reconcile(Theirs);

        var created = Assert.Single(first);
        Assert.Equal((ConflictReport.IdFor(Ours, Theirs), Theirs, "RUS", ConflictReportChangeKind.Created), (created.ReportId, created.Theirs, created.Partner, created.Kind));
        Assert.Empty(again);
        var stored = Assert.Single(_test.Store.GetVersions(created.ReportId));
        Assert.Equal(Theirs, ConflictReport.NoticeOf(stored.ToJsonElement()));
    }

    [Fact]
    public void A_partner_notice_that_moves_gives_a_new_version_with_the_new_overlap()
    {
        var id = Assert.Single(Reconcile(Theirs)).ReportId;
        Receive(Notice(5, 35.2, modified: "2015-12-15T09:00:00.000Z"));

        var revised = Assert.Single(Reconcile(Theirs));

        Assert.Equal((id, ConflictReportChangeKind.Revised), (revised.ReportId, revised.Kind));
        var versions = _test.Store.GetVersions(id);
        Assert.Equal(2, versions.Count);
        Assert.NotEqual(ConflictDisclosure.HashOf(ConflictReport.DisclosureOf(versions[0].ToJsonElement())), ConflictDisclosure.HashOf(ConflictReport.DisclosureOf(versions[1].ToJsonElement())));
    }

    [Fact]
    public void A_cancelled_partner_notice_revokes_the_report()
    {
        var id = Assert.Single(Reconcile(Theirs)).ReportId;
        Receive(Notice(5, 35.05, status: "cancelled", modified: "2015-12-15T09:00:00.000Z"));

        var revoked = Assert.Single(Reconcile(Theirs));

        Assert.Equal((id, ConflictReportChangeKind.Revoked), (revoked.ReportId, revoked.Kind));
        Assert.True(_test.Store.Get(id)!.Revoked);
        Assert.Empty(Reconcile(Theirs));
    }

    [Fact]
    public void Our_notice_moved_away_revokes_the_reports_that_named_it_when_reported_notices_are_rechecked()
    {
        var id = Assert.Single(Reconcile(Theirs)).ReportId;
        _test.Add(StixFixtures.Valid(Notice(1, 38.0, modified: "2015-12-15T09:00:00.000Z")));

        var revoked = Assert.Single(Reconcile(recheck: true));

        Assert.Equal((id, ConflictReportChangeKind.Revoked), (revoked.ReportId, revoked.Kind));
    }

    [Fact]
    public void A_conflict_that_comes_back_after_its_report_was_revoked_is_reported_anew()
    {
        Reconcile(Theirs);
        Receive(Notice(5, 35.05, status: "cancelled", modified: "2015-12-15T09:00:00.000Z"));
        Reconcile(Theirs);
        Receive(Notice(5, 35.05, modified: "2015-12-15T10:00:00.000Z"));

        var created = Assert.Single(Reconcile(Theirs));

        Assert.Equal((ConflictReport.IdFor(Ours, Theirs, generation: 1), ConflictReportChangeKind.Created), (created.ReportId, created.Kind));
    }

    [Fact]
    public void A_partner_notice_over_our_protected_site_is_reported_with_the_category_and_its_own_contact_only()
    {
        var site = StixFixtures.Location(9, 34.5, 35.1);
        site["extensions"] = new JsonObject
        {
            [LiaisonExtensions.ProtectedSiteId] = new JsonObject { ["extension_type"] = "property-extension", ["category"] = "hospital", ["radius_m"] = 300 },
        };
        _test.Add(StixFixtures.Valid(site));

        var changes = Reconcile(Theirs);

        var report = _test.Store.Get(ConflictReport.IdFor(site["id"]!.GetValue<string>(), Theirs))!.ToJsonElement();
        Assert.Equal(2, changes.Count);
        Assert.Equal("hospital", report.GetProperty("protected_category").GetString());
        Assert.Equal(1, report.GetProperty("contacts").GetArrayLength());
        Assert.DoesNotContain(site["id"]!.GetValue<string>(), report.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Our_own_notices_meeting_each_other_are_reported_to_no_one()
    {
        Assert.Empty(Reconcile(Ours));
    }

    [Fact]
    public void A_report_goes_to_the_partner_under_its_released_id_naming_the_notice_as_the_partner_knows_it()
    {
        Apply(Reporting);
        var id = Assert.Single(Reconcile(Theirs)).ReportId;

        var run = Release();

        var report = Assert.Single(Outbound(), o => (string?)o["type"] == LiaisonExtensions.ConflictReportType);
        Assert.Equal(new ReleasedIds(Secret).For(id), (string?)report["id"]);
        Assert.Equal(Theirs, (string?)report["notice_ref"]);
        Assert.DoesNotContain(Ours, report.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(run.Items, i => i.SourceId == Theirs && i.Action == ReleaseAction.Release);
    }

    [Fact]
    public void Without_a_clause_naming_conflict_report_the_report_stays_home()
    {
        Apply("""
            partner: RUS
            version: 1
            release:
              - name: notices
                kinds: [activity-notice]
            """);
        Reconcile(Theirs);

        Release();

        Assert.DoesNotContain(Outbound(), o => (string?)o["type"] == LiaisonExtensions.ConflictReportType);
    }

    [Fact]
    public void A_revoked_report_is_withdrawn_from_the_partner()
    {
        Apply(Reporting);
        var id = Assert.Single(Reconcile(Theirs)).ReportId;
        Release();
        Receive(Notice(5, 35.05, status: "cancelled", modified: "2015-12-15T09:00:00.000Z"));
        Reconcile(Theirs);

        var run = Release();

        Assert.Contains(run.Items, i => i.SourceId == id && i.Action == ReleaseAction.Withdraw);
        Assert.True((bool?)Assert.Single(Outbound(), o => (string?)o["type"] == LiaisonExtensions.ConflictReportType)["revoked"]);
    }

    [Fact]
    public void A_report_about_another_partner_notice_is_never_released_to_this_one()
    {
        Apply(Reporting);
        _test.Store.AddPartner("UKR", "https://ukr.example/taxii2/", Key, "alice");
        Receive(Notice(6, 35.02), remote: "UKR");
        Reconcile(StixFixtures.Id(LiaisonExtensions.ActivityNoticeType, 6));

        var run = Release();

        Assert.Contains(run.Items, i => i.Type == LiaisonExtensions.ConflictReportType && i.Action == ReleaseAction.Deny
            && i.Reason.Contains("a conflict report goes only to the partner whose notice it names (UKR)", StringComparison.Ordinal));
        Assert.DoesNotContain(Outbound(), o => (string?)o["type"] == LiaisonExtensions.ConflictReportType);
    }

    private IReadOnlyList<ConflictReportChange> Reconcile(string? theirs = null, bool recheck = false) =>
        ConflictReports.Reconcile(_test.Store, DeconflictionState.Load(_test.Store, DeconflictionRules.Default),
            theirs is null ? [] : [theirs], NodeIdentity, _test.Clock.UtcNow, recheck);

    private void Receive(JsonObject json, string remote = "RUS")
    {
        var stixObject = StixFixtures.Valid(json);
        using var batch = _test.Store.BeginBatch();
        batch.AddReceived(stixObject, ContentHash.Of(stixObject.Json), stixObject.ToUtf8Bytes(), IndexFacts.Of(stixObject), new Provenance(remote, "collection", 1));
        batch.Commit();
    }

    private void Apply(string yaml) => _test.Store.ApplyAgreement(AgreementParser.Parse(yaml), "alice");

    private ReleaseRunReport Release()
    {
        _test.Clock.UtcNow = _test.Clock.UtcNow.AddMinutes(1);
        return new ReleasePipeline(_test.Store, new StixValidator(LiaisonExtensions.Instance), _test.Clock, LedgerSigner.For(NodeIdentity, _key)).Run(_rus, Secret, "alice");
    }

    private List<JsonObject> Outbound() =>
        _test.Store.ReadCollection(_rus.OutboundCollection, new TaxiiFilter(), 1000).Entries.Select(e => JsonNode.Parse(e.Stored.Utf8Json)!.AsObject()).ToList();
}
