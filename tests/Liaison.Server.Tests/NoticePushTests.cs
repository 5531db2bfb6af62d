using System.Net;
using System.Text.Json.Nodes;
using Liaison.Core.Deconfliction;
using Liaison.Core.Extensions;
using Liaison.Core.Ledger;
using Liaison.Core.Validation;

namespace Liaison.Server.Tests;

/// <summary>A partner's activity notices pushed to its inbound collection are checked as they arrive, as pulled ones are.</summary>
public sealed class NoticePushTests
{
    private const string Node = "identity--b1c0b9d2-6f0e-4c55-9f51-3c1a3f9e2a10";
    private static readonly string Ours = Stix.Id(LiaisonExtensions.ActivityNoticeType, 1);
    private static readonly string Theirs = Stix.Id(LiaisonExtensions.ActivityNoticeType, 2);

    [Fact]
    public async Task A_pushed_notice_meeting_ours_is_a_conflict_in_the_ledger_and_a_report_for_the_partner_revoked_when_it_is_cancelled()
    {
        await using var server = await StartAsync();

        await Push(server, Notice(Theirs, 35.05));

        using (var store = server.OpenStore())
        {
            var entry = Assert.Single(store.FindLedgerEntries(Theirs, "RUS"), e => e.Entry.Kind == LedgerEntryKind.DeconflictionConflict).Entry;
            Assert.Equal($"conflicts with {Ours}", entry.Clause);
            var report = store.Get(ConflictReport.IdFor(Ours, Theirs))!;
            Assert.Equal(Theirs, ConflictReport.NoticeOf(report.ToJsonElement()));
            Assert.Equal(entry.ContentHash, ConflictDisclosure.HashOf(ConflictReport.DisclosureOf(report.ToJsonElement())));
        }

        await Push(server, Notice(Theirs, 35.05, "cancelled", "2015-12-15T09:00:00.000Z"));

        using var after = server.OpenStore();
        Assert.True(after.Get(ConflictReport.IdFor(Ours, Theirs))!.Revoked);
    }

    [Fact]
    public async Task A_pushed_notice_apart_from_ours_records_nothing()
    {
        await using var server = await StartAsync();

        await Push(server, Notice(Theirs, 38.0));

        using var store = server.OpenStore();
        Assert.DoesNotContain(store.FindLedgerEntries(Theirs, "RUS"), e => e.Entry.Kind == LedgerEntryKind.DeconflictionConflict);
        Assert.False(store.Contains(ConflictReport.IdFor(Ours, Theirs)));
    }

    private static async Task<TaxiiTestServer> StartAsync()
    {
        var server = await TaxiiTestServer.StartAsync(nodeIdentityId: Node);
        using var store = server.OpenStore();
        store.ApplyAgreement(Core.Agreements.AgreementParser.Parse("partner: RUS\nversion: 1\naccept:\n  kinds: [activity-notice]\n"), "admin");
        var validation = new StixValidator(LiaisonExtensions.Instance).Validate(System.Text.Json.JsonSerializer.SerializeToElement(Notice(Ours, 35.0)));
        using var batch = store.BeginBatch();
        batch.Add(validation.Object!);
        batch.Commit();
        return server;
    }

    private static async Task Push(TaxiiTestServer server, JsonObject notice)
    {
        using var client = server.Client("partner-rus");
        var response = await client.PostAsync(server.CollectionUrl("from-rus") + "objects/", TaxiiTestServer.Envelope(notice));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(1, (await TaxiiTestServer.Json(response)).GetProperty("success_count").GetInt32());
    }

    private static JsonObject Notice(string id, double longitude, string status = "planned", string modified = "2015-12-15T08:00:00.000Z") => JsonNode.Parse($$"""
        {
          "type": "x-liaison-activity-notice", "spec_version": "2.1", "id": "{{id}}",
          "created": "2015-12-15T08:00:00.000Z", "modified": "{{modified}}",
          "domain": "sea",
          "area": { "type": "Point", "coordinates": [{{longitude.ToString(System.Globalization.CultureInfo.InvariantCulture)}}, 34.5], "radius_m": 20000 },
          "start_time": "2015-12-16T00:00:00Z", "end_time": "2015-12-20T00:00:00Z",
          "status": "{{status}}",
          "contact": { "channel": "radio", "address": "VHF 16" },
          "extensions": { "{{LiaisonExtensions.ActivityNoticeId}}": { "extension_type": "new-sdo" } }
        }
        """)!.AsObject();
}
