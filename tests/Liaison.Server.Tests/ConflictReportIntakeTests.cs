using System.Net;
using System.Text.Json.Nodes;
using Liaison.Core.Deconfliction;
using Liaison.Core.Extensions;
using Liaison.Core.Ledger;
using Liaison.Storage.Deconfliction;
using Liaison.Storage.Partners;

namespace Liaison.Server.Tests;

/// <summary>A partner's conflict reports posted to its inbound collection: kept with provenance and logged, or quarantined.</summary>
public sealed class ConflictReportIntakeTests
{
    private const string OurNotice = "x-liaison-activity-notice--0ae1eba0-b916-4d44-9f68-11aa1e8d0406";
    private const string ReleasedNotice = "x-liaison-activity-notice--32d2871a-3b05-5917-89b5-ae34a93ae7ef";
    private const string ReportId = "x-liaison-conflict-report--cc89f7ed-b969-50c9-ad9a-f0183f6bc4cb";

    [Fact]
    public async Task A_report_about_a_notice_we_released_is_stored_with_provenance_logged_and_listed()
    {
        await using var server = await StartAsync();

        var status = await Post(server, Report());

        Assert.Equal(1, status.GetProperty("success_count").GetInt32());
        using var store = server.OpenStore();
        Assert.Equal("RUS", Assert.Single(store.ProvenanceOf(ReportId)).Remote);
        var entry = Assert.Single(store.FindLedgerEntries(ReportId, "RUS")).Entry;
        Assert.Equal(LedgerEntryKind.DeconflictionReport, entry.Kind);
        Assert.Equal($"about {ReleasedNotice}", entry.Clause);
        Assert.Equal(ConflictDisclosure.HashOf(ConflictReport.DisclosureOf(System.Text.Json.JsonSerializer.SerializeToElement(Report()))), entry.ContentHash);
        var listed = Assert.Single(ReceivedConflictReport.All(store));
        Assert.Equal(("RUS", ReleasedNotice, OurNotice), (listed.Partner, listed.Notice, listed.OurNotice));
    }

    [Fact]
    public async Task The_same_report_posted_twice_is_one_object_and_one_ledger_entry()
    {
        await using var server = await StartAsync();

        await Post(server, Report());
        await Post(server, Report());

        using var store = server.OpenStore();
        Assert.Single(store.GetVersions(ReportId));
        Assert.Single(store.FindLedgerEntries(ReportId, "RUS"));
    }

    [Fact]
    public async Task A_withdrawn_report_is_logged_and_no_longer_listed()
    {
        await using var server = await StartAsync();
        await Post(server, Report());
        var revoked = Report();
        revoked["modified"] = "2015-12-15T09:00:00.000Z";
        revoked["revoked"] = true;

        await Post(server, revoked);

        using var store = server.OpenStore();
        Assert.Equal(["withdrawn: about " + ReleasedNotice, "about " + ReleasedNotice],
            store.FindLedgerEntries(ReportId, "RUS").Select(e => e.Entry.Clause!).OrderByDescending(c => c.Length));
        Assert.Empty(ReceivedConflictReport.All(store));
    }

    [Fact]
    public async Task A_report_naming_no_notice_we_released_to_the_partner_is_quarantined_and_not_stored()
    {
        await using var server = await StartAsync();
        var stray = Report();
        stray["notice_ref"] = OurNotice;

        var status = await Post(server, stray);

        Assert.Contains($"quarantined: conflict report about {OurNotice}, which is no notice we released to RUS",
            Assert.Single(status.GetProperty("failures").EnumerateArray()).GetProperty("message").GetString(), StringComparison.Ordinal);
        using var store = server.OpenStore();
        Assert.False(store.Contains(ReportId));
        Assert.Equal(ReportId, Assert.Single(store.Quarantine("RUS")).ObjectId);
        Assert.Empty(store.FindLedgerEntries(ReportId, "RUS"));
    }

    [Fact]
    public async Task A_malformed_report_is_refused_at_its_path_and_nothing_is_stored_or_logged()
    {
        await using var server = await StartAsync();
        var malformed = Report();
        malformed["overlap"]!["end_time"] = "2015-12-15T00:00:00Z";
        malformed["mission"] = "cruise missile support";

        var status = await Post(server, malformed);

        var message = Assert.Single(status.GetProperty("failures").EnumerateArray()).GetProperty("message").GetString();
        Assert.Contains("$.overlap.end_time: must be later than start_time", message, StringComparison.Ordinal);
        Assert.Contains("$.mission", message, StringComparison.Ordinal);
        using var store = server.OpenStore();
        Assert.False(store.Contains(ReportId));
        Assert.Empty(store.FindLedgerEntries(ReportId));
    }

    private static async Task<TaxiiTestServer> StartAsync()
    {
        var server = await TaxiiTestServer.StartAsync();
        using var store = server.OpenStore();
        store.ApplyAgreement(Core.Agreements.AgreementParser.Parse("partner: RUS\nversion: 1\naccept:\n  kinds: [conflict-report]\n"), "admin");
        using var batch = store.BeginBatch();
        // What the release pipeline records when our notice goes to RUS under its released id.
        batch.RecordRelease("RUS", OurNotice, 1, ReleasedNotice, "2015-12-13T08:00:00.000Z", ReleaseState.Released, 1, "deconfliction", null, false, "admin", 1, null, new byte[32]);
        batch.Commit();
        return server;
    }

    private static async Task<System.Text.Json.JsonElement> Post(TaxiiTestServer server, JsonObject report)
    {
        using var client = server.Client("partner-rus");
        var response = await client.PostAsync(server.CollectionUrl("from-rus") + "objects/", TaxiiTestServer.Envelope(report));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return await TaxiiTestServer.Json(response);
    }

    private static JsonObject Report() => JsonNode.Parse($$"""
        {
          "type": "x-liaison-conflict-report", "spec_version": "2.1", "id": "{{ReportId}}",
          "created": "2015-12-14T09:00:00.000Z", "modified": "2015-12-14T09:00:00.000Z",
          "notice_ref": "{{ReleasedNotice}}",
          "overlap": { "bbox": [34.896174, 34.881045, 35.56256, 35.507988], "altitude_band": { "lower_m": 0, "upper_m": 100 },
                       "start_time": "2015-12-15T23:45:00.000000Z", "end_time": "2015-12-20T00:15:00.000000Z" },
          "contacts": [{ "channel": "radio", "address": "VHF channel 16", "name": "fleet duty officer" }],
          "extensions": { "{{LiaisonExtensions.ConflictReportId}}": { "extension_type": "new-sdo" } }
        }
        """)!.AsObject();
}
