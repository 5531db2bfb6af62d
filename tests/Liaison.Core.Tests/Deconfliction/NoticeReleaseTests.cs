using System.Text.Json;
using System.Text.Json.Nodes;
using Liaison.Core.Deconfliction;
using Liaison.Core.Extensions;
using Liaison.Core.Geo;
using Liaison.Core.Tests.Extensions;
using Liaison.Core.Validation;

namespace Liaison.Core.Tests.Deconfliction;

public sealed class NoticeReleaseTests
{
    private static readonly JsonElement Notice = Element(Examples.ActivityNotice()
        .Set("description", "\"two Rafale, strike package\"")
        .Set("labels", "[\"strike\"]")
        .Set("x_internal", "\"tasking order 7\""));

    [Fact]
    public void The_release_has_no_mission_unit_name_description_labels_or_custom_property()
    {
        var released = NoticeRelease.Project(Notice);

        foreach (var hidden in new[] { "mission", "unit", "name", "description", "labels", "x_internal" })
        {
            Assert.False(released.ContainsKey(hidden), hidden);
        }

        var text = released.ToJsonString();
        Assert.DoesNotContain("CHAMMAL", text, StringComparison.Ordinal);
        Assert.DoesNotContain("EC 2/30", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Rafale", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_release_is_a_valid_notice_with_the_same_id_versions_domain_status_and_contact()
    {
        var released = NoticeRelease.Project(Notice);

        Assert.True(new StixValidator(LiaisonExtensions.Instance).Validate(Element(released)).IsValid);
        foreach (var kept in new[] { "id", "created", "modified", "domain", "status", "contact" })
        {
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Notice.GetProperty(kept).GetRawText()), released[kept]), kept);
        }
    }

    [Fact]
    public void The_released_volume_holds_the_real_one_rounded_outwards()
    {
        var released = NoticeRelease.Project(Notice);

        var area = released["area"]!;
        Assert.Equal("Point", (string?)area["type"]);
        var centre = new GeoPoint((double)area["coordinates"]![1]!, (double)area["coordinates"]![0]!);
        var radiusKm = (double)area["radius_m"]! / 1000;
        foreach (var (lon, lat) in new[] { (38.2, 34.5), (38.8, 34.5), (38.8, 34.9), (38.2, 34.9) })
        {
            Assert.True(centre.DistanceKmTo(new GeoPoint(lat, lon)) <= radiusKm);
        }

        Assert.Equal("2015-12-16T02:00:00Z", (string?)released["start_time"]);
        Assert.Equal("2015-12-16T05:00:00Z", (string?)released["end_time"]);
        Assert.Equal(3000, (double)released["altitude_band"]!["lower_m"]!);
    }

    [Fact]
    public void Times_and_altitudes_round_outwards_to_the_steps()
    {
        var notice = Element(Examples.ActivityNotice()
            .Set("start_time", "\"2015-12-16T02:20:00Z\"").Set("end_time", "\"2015-12-16T04:10:00Z\"")
            .Set("altitude_band", """{ "lower_m": 3050, "upper_m": 8999 }"""));

        var released = NoticeRelease.Project(notice);

        Assert.Equal("2015-12-16T02:00:00Z", (string?)released["start_time"]);
        Assert.Equal("2015-12-16T05:00:00Z", (string?)released["end_time"]);
        Assert.Equal(3000, (double)released["altitude_band"]!["lower_m"]!);
        Assert.Equal(9000, (double)released["altitude_band"]!["upper_m"]!);
    }

    [Fact]
    public void The_exact_shape_can_be_kept_when_the_agreement_allows_it()
    {
        var released = NoticeRelease.Project(Notice, NoticeReleaseOptions.Default with { BoundingCircle = false });

        Assert.Equal("Polygon", (string?)released["area"]!["type"]);
    }

    [Fact]
    public void Projecting_something_that_is_not_a_notice_is_a_misuse()
    {
        Assert.Throws<ArgumentException>(() => NoticeRelease.Project(Element(Examples.ProtectedSite())));
    }

    private static JsonElement Element(JsonObject node) => JsonDocument.Parse(node.ToJsonString()).RootElement;
}
