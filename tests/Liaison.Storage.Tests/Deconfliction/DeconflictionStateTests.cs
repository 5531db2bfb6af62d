using System.Text.Json.Nodes;
using Liaison.Core.Canonical;
using Liaison.Core.Deconfliction;
using Liaison.Core.Extensions;
using Liaison.Core.Stix;
using Liaison.Storage.Deconfliction;

namespace Liaison.Storage.Tests.Deconfliction;

public sealed class DeconflictionStateTests
{
    [Fact]
    public void Loading_indexes_our_notices_partners_notices_and_protected_sites_and_skips_cancelled_ones()
    {
        using var store = new TestStore();
        store.Add(StixFixtures.Valid(Notice(1, 35.0)));
        store.Add(StixFixtures.Valid(Notice(2, 35.1, status: "cancelled")));
        store.Add(StixFixtures.Valid(Site(3)));
        store.Add(StixFixtures.Valid(StixFixtures.Location(4, 35.2, 36.4)));
        AddReceived(store, Notice(5, 35.05), "rus");

        var state = DeconflictionState.Load(store.Store, DeconflictionRules.Default);

        Assert.Equal(3, state.Index.Count);
        Assert.Equal(SubjectKind.OwnNotice, state.Index.Find(StixFixtures.Id(LiaisonExtensions.ActivityNoticeType, 1))!.Kind);
        Assert.Equal(SubjectKind.ProtectedSite, state.Index.Find(StixFixtures.Id("location", 3))!.Kind);
        var partner = state.Index.Find(StixFixtures.Id(LiaisonExtensions.ActivityNoticeType, 5))!;
        Assert.Equal(SubjectKind.PartnerNotice, partner.Kind);
        Assert.Equal("rus", state.RemoteOf(partner.Id));
        Assert.Empty(state.Unreadable);
    }

    [Fact]
    public void The_latest_version_of_a_notice_is_the_one_indexed()
    {
        using var store = new TestStore();
        store.Add(StixFixtures.Valid(Notice(1, 35.0)));
        store.Add(StixFixtures.Valid(Notice(1, 36.0, modified: "2015-12-15T09:00:00.000Z")));

        var state = DeconflictionState.Load(store.Store, DeconflictionRules.Default);

        Assert.Equal(36.0, Assert.Single(state.Index.Subjects).Volume.Area.Centre.Longitude, 1e-9);
    }

    [Fact]
    public void A_stored_notice_the_geometry_refuses_is_listed_not_dropped_silently()
    {
        using var store = new TestStore();
        var bowTie = Notice(1, 35.0);
        bowTie["area"] = JsonNode.Parse("""{ "type": "Polygon", "coordinates": [[[35, 34], [36, 35], [36, 34], [35, 35], [35, 34]]] }""");
        store.Add(StixFixtures.Valid(bowTie));

        var state = DeconflictionState.Load(store.Store, DeconflictionRules.Default);

        Assert.Equal(0, state.Index.Count);
        Assert.Equal("$.area.coordinates[0]", Assert.Single(state.Unreadable).Path);
    }

    internal static JsonObject Notice(int n, double lon, string status = "planned", string modified = "2015-12-15T08:00:00.000Z") => new()
    {
        ["type"] = LiaisonExtensions.ActivityNoticeType,
        ["spec_version"] = "2.1",
        ["id"] = StixFixtures.Id(LiaisonExtensions.ActivityNoticeType, n),
        ["created"] = "2015-12-15T08:00:00.000Z",
        ["modified"] = modified,
        ["domain"] = "sea",
        ["area"] = JsonNode.Parse($$"""{ "type": "Point", "coordinates": [{{lon}}, 34.5], "radius_m": 20000 }"""),
        ["start_time"] = "2015-12-16T00:00:00Z",
        ["end_time"] = "2015-12-20T00:00:00Z",
        ["status"] = status,
        ["contact"] = JsonNode.Parse("""{ "channel": "radio", "address": "VHF 16" }"""),
        ["extensions"] = new JsonObject { [LiaisonExtensions.ActivityNoticeId] = new JsonObject { ["extension_type"] = "new-sdo" } },
    };

    private static JsonObject Site(int n)
    {
        var site = StixFixtures.Location(n, 35.2, 36.4);
        site["extensions"] = new JsonObject
        {
            [LiaisonExtensions.ProtectedSiteId] = new JsonObject { ["extension_type"] = "property-extension", ["category"] = "hospital", ["radius_m"] = 300 },
        };
        return site;
    }

    private static void AddReceived(TestStore store, JsonObject json, string remote)
    {
        var stixObject = StixFixtures.Valid(json);
        using var batch = store.Store.BeginBatch();
        batch.AddReceived(stixObject, ContentHash.Of(stixObject.Json), stixObject.ToUtf8Bytes(), IndexFacts.Of(stixObject), new Provenance(remote, "collection", 1));
        batch.Commit();
    }
}
