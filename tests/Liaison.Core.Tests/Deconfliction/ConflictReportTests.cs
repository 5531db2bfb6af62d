using System.Text.Json;
using System.Text.Json.Nodes;
using Liaison.Core.Deconfliction;
using Liaison.Core.Extensions;
using Liaison.Core.Ledger;
using Liaison.Core.Validation;

namespace Liaison.Core.Tests.Deconfliction;

public sealed class ConflictReportTests
{
    private const string Ours = "x-liaison-activity-notice--d5e6f7a8-9b0c-4d1e-8f2a-3b4c5d6e7f17";
    private const string Theirs = "x-liaison-activity-notice--32d2871a-3b05-5917-89b5-ae34a93ae7ef";
    private const string Reporter = "identity--e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a18";
    private static readonly DateTimeOffset Now = new(2015, 12, 14, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_report_names_their_notice_and_tells_only_the_overlap_and_the_contacts()
    {
        var conflict = ConflictOf(OurNotice(), TheirNotice());

        var report = ConflictReport.Create(conflict, Reporter, Now);

        Assert.Equal(Theirs, (string?)report["notice_ref"]);
        Assert.Equal(
            ["type", "spec_version", "id", "created_by_ref", "created", "modified", "notice_ref", "overlap", "contacts", "extensions"],
            report.Select(p => p.Key));
        Assert.Equal(conflict.Disclosure.ToJson().ToJsonString(), ConflictReport.DisclosureOf(Element(report)).ToJsonString());
        Assert.Empty(new StixValidator(LiaisonExtensions.Instance).Validate(Element(report)).Errors);
    }

    [Fact]
    public void Nothing_of_our_notice_but_its_contact_leaves_in_a_report()
    {
        var text = ConflictReport.Create(ConflictOf(OurNotice(), TheirNotice()), Reporter, Now).ToJsonString();

        foreach (var secret in new[] { Ours, "d5e6f7a8-9b0c-4d1e-8f2a-3b4c5d6e7f17", "Carrier group", "CHAMMAL", "TF 473", "Point", "radius_m" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }

        Assert.Contains("carrier group watch officer", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_pair_always_gives_the_same_id_and_a_new_generation_another()
    {
        var first = ConflictReport.Create(ConflictOf(OurNotice(), TheirNotice()), Reporter, Now);
        var again = ConflictReport.Create(ConflictOf(OurNotice(), TheirNotice()), Reporter, Now.AddHours(1));

        Assert.Equal((string?)first["id"], (string?)again["id"]);
        Assert.Equal(ConflictReport.IdFor(Ours, Theirs), (string?)first["id"]);
        Assert.NotEqual(ConflictReport.IdFor(Ours, Theirs), ConflictReport.IdFor(Ours, Theirs, generation: 1));
        Assert.NotEqual(ConflictReport.IdFor(Ours, Theirs), ConflictReport.IdFor(Theirs, Ours));
        Assert.StartsWith("x-liaison-conflict-report--", ConflictReport.IdFor(Ours, Theirs), StringComparison.Ordinal);
    }

    // Golden: report ids are persisted (and keyed into the ids partners see), disclosure hashes are in both ledgers.
    // Both values were computed independently of this code.
    [Fact]
    public void A_report_id_and_a_disclosure_hash_have_their_golden_values()
    {
        var disclosure = JsonNode.Parse("""
            { "overlap": { "bbox": [34.896174, 34.881045, 35.56256, 35.507988], "altitude_band": { "lower_m": 0, "upper_m": 100 },
                           "start_time": "2015-12-15T23:45:00.000000Z", "end_time": "2015-12-20T00:15:00.000000Z" },
              "contacts": [{ "channel": "radio", "address": "VHF channel 16", "name": "fleet duty officer" }] }
            """)!.AsObject();

        Assert.Equal("x-liaison-conflict-report--afeef626-1f0f-57a6-9dad-694b8e2f52a0", ConflictReport.IdFor(Ours, Theirs));
        Assert.Equal("x-liaison-conflict-report--14090029-3cac-554b-a380-782d8c1e3bda", ConflictReport.IdFor(Ours, Theirs, generation: 1));
        Assert.Equal("74fa32b70f5448e018149273b97e79a942fda861d33e2eed43a3dd0d0e9437a5",
            ConflictDisclosure.HashOf(ConflictReport.DisclosureOf(Element(disclosure))).ToString());
    }

    [Fact]
    public void A_revised_report_is_a_later_version_of_the_same_object_with_the_new_overlap()
    {
        var first = ConflictReport.Create(ConflictOf(OurNotice(), TheirNotice()), Reporter, Now);
        var moved = ConflictOf(OurNotice(), TheirNotice(longitude: 35.2)).Disclosure.ToJson();

        var revised = ConflictReport.Revise(Element(first), moved, Now);

        Assert.Equal((string?)first["id"], (string?)revised["id"]);
        Assert.Equal((string?)first["created"], (string?)revised["created"]);
        Assert.True(string.CompareOrdinal((string?)revised["modified"], (string?)first["modified"]) > 0);
        Assert.Equal(moved.ToJsonString(), ConflictReport.DisclosureOf(Element(revised)).ToJsonString());
        Assert.Empty(new StixValidator(LiaisonExtensions.Instance).Validate(Element(revised)).Errors);
    }

    [Fact]
    public void A_revoked_report_is_a_later_revoked_version()
    {
        var first = ConflictReport.Create(ConflictOf(OurNotice(), TheirNotice()), Reporter, Now);

        var revoked = ConflictReport.Revoke(Element(first), Now.AddDays(1));

        Assert.True((bool?)revoked["revoked"]);
        Assert.Equal("2015-12-15T09:00:00.000Z", (string?)revoked["modified"]);
        Assert.Empty(new StixValidator(LiaisonExtensions.Instance).Validate(Element(revoked)).Errors);
    }

    [Fact]
    public void Only_a_partner_notice_meeting_one_of_ours_is_reported()
    {
        var ours = Read(OurNotice(), partner: false);
        var other = Read(OurNotice(id: "x-liaison-activity-notice--0ae1eba0-b916-4d44-9f68-11aa1e8d0406"), partner: false);
        var index = new DeconflictionIndex(DeconflictionRules.Default);
        index.Upsert(other);

        var between = Assert.Single(index.Check(ours));

        Assert.Throws<ArgumentException>(() => ConflictReport.Create(between, Reporter, Now));
    }

    [Fact]
    public void A_received_report_is_logged_with_the_hash_the_reporter_logged_for_the_conflict()
    {
        var conflict = ConflictOf(OurNotice(), TheirNotice());
        var report = Element(ConflictReport.Create(conflict, Reporter, Now));

        var entry = ConflictReport.ReceivedEntry("FRA", report, 1_450_083_600_000_000, 1_450_090_000_000_000);

        Assert.Equal(LedgerEntryKind.DeconflictionReport, entry.Kind);
        Assert.Equal("FRA", entry.Partner);
        Assert.Equal(ConflictReport.IdFor(Ours, Theirs), entry.ObjectId);
        Assert.Equal($"about {Theirs}", entry.Clause);
        Assert.Equal(ConflictDisclosure.HashOf(conflict.Disclosure.ToJson()), entry.ContentHash);
        Assert.Equal($"withdrawn: about {Theirs}", ConflictReport.ReceivedEntry("FRA", Element(ConflictReport.Revoke(report, Now)), null, 0).Clause);
    }

    private static Conflict ConflictOf(JsonObject ours, JsonObject theirs)
    {
        var index = new DeconflictionIndex(DeconflictionRules.Default);
        index.Upsert(Read(ours, partner: false));
        return Assert.Single(index.Check(Read(theirs, partner: true)));
    }

    private static DeconflictionSubject Read(JsonObject notice, bool partner) =>
        SubjectReader.Read(Element(notice), partner).Subject ?? throw new InvalidOperationException("not a notice");

    private static JsonElement Element(JsonObject json) => JsonSerializer.SerializeToElement(json);

    /// <summary>The French carrier group's notice, with everything a report must not tell.</summary>
    private static JsonObject OurNotice(string id = Ours) => Notice(id, 35.0, 35.05, 50_000, """
        "name": "Carrier group, eastern Mediterranean", "mission": "CHAMMAL strike package", "unit": "TF 473",
        "contact": { "channel": "radio", "address": "VHF channel 16", "name": "carrier group watch officer" },
        """);

    /// <summary>The Russian fleet station as Russia released it: a circle, a contact, nothing else.</summary>
    private static JsonObject TheirNotice(double longitude = 35.35) => Notice(Theirs, longitude, 35.25, 40_000, """
        "contact": { "channel": "radio", "address": "VHF channel 16", "name": "fleet duty officer" },
        """);

    private static JsonObject Notice(string id, double longitude, double latitude, double radius, string extra) => JsonNode.Parse($$"""
        {
          "type": "x-liaison-activity-notice", "spec_version": "2.1", "id": "{{id}}",
          "created": "2015-12-13T08:00:00.000Z", "modified": "2015-12-13T08:00:00.000Z",
          {{extra}}
          "domain": "sea",
          "area": { "type": "Point", "coordinates": [{{longitude.ToString(System.Globalization.CultureInfo.InvariantCulture)}}, {{latitude.ToString(System.Globalization.CultureInfo.InvariantCulture)}}], "radius_m": {{radius.ToString(System.Globalization.CultureInfo.InvariantCulture)}} },
          "start_time": "2015-12-16T00:00:00Z", "end_time": "2015-12-20T00:00:00Z",
          "status": "planned",
          "extensions": { "{{LiaisonExtensions.ActivityNoticeId}}": { "extension_type": "new-sdo" } }
        }
        """)!.AsObject();
}
