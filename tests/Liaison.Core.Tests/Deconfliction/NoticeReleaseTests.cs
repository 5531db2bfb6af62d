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

    [Fact]
    public void An_area_no_circle_of_1000_km_holds_is_refused_rather_than_shown_exactly()
    {
        var huge = Element(Examples.ActivityNotice().Set("area", """{ "type": "LineString", "coordinates": [[0, 0], [30, 0]], "width_m": 1000 }"""));

        Assert.False(NoticeRelease.TryProject(huge, null, out _, out var failure));
        Assert.Equal("$.area", failure.Path);
    }

    [Fact]
    public void As_a_clause_step_it_projects_notices_and_passes_other_objects_through()
    {
        var step = new ActivityNoticeProjection();

        var notice = step.Apply(Notice);
        var site = step.Apply(Element(Examples.ProtectedSite()));

        Assert.False(notice.Object!.ContainsKey("mission"));
        Assert.True(JsonNode.DeepEquals(NoticeRelease.Project(Notice), notice.Object));
        Assert.True(JsonNode.DeepEquals(Examples.ProtectedSite(), site.Object));
    }

    [Fact]
    public void As_a_clause_step_a_notice_it_cannot_project_is_an_error_not_a_leak()
    {
        var huge = Element(Examples.ActivityNotice().Set("area", """{ "type": "LineString", "coordinates": [[0, 0], [30, 0]], "width_m": 1000 }"""));

        var result = new ActivityNoticeProjection().Apply(huge);

        Assert.Null(result.Object);
        Assert.Equal("$.area", Assert.Single(result.Errors).Path);
    }

    private static JsonElement Element(JsonObject node) => JsonDocument.Parse(node.ToJsonString()).RootElement;
}
