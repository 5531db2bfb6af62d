using System.Text.Json;
using System.Text.Json.Nodes;
using Liaison.Core.Deconfliction;
using Liaison.Core.Tests.Extensions;

namespace Liaison.Core.Tests.Deconfliction;

public sealed class SubjectReaderTests
{
    [Fact]
    public void A_notice_is_read_with_its_volume_domain_status_and_contact()
    {
        var subject = Read(Examples.ActivityNotice());

        Assert.Equal(SubjectKind.OwnNotice, subject.Kind);
        Assert.Equal(ActivityDomain.Air, subject.Domain);
        Assert.Equal(NoticeStatus.Planned, subject.Status);
        Assert.Equal(new AltitudeBand(3000, 9000), subject.Volume.Band);
        Assert.Equal(new Contact("radio", "243.000 MHz", "ops desk"), subject.Contact);
        Assert.Equal(AreaShape.Polygon, subject.Volume.Area.Shape);
        Assert.Equal(3 * 3_600_000_000L, subject.Volume.Window.EndUs - subject.Volume.Window.StartUs);
    }

    [Fact]
    public void A_sea_notice_from_the_surface_starts_at_sea_level_and_one_without_a_band_is_the_surface_layer()
    {
        var sea = Examples.ActivityNotice().Set("domain", "\"sea\"").Set("altitude_band/lower_m", "\"surface\"").Set("altitude_band/upper_m", "50");

        Assert.Equal(new AltitudeBand(0, 50, true), Read(sea).Volume.Band);
        Assert.Equal(AltitudeBand.AtSurface(ActivityDomain.Sea), Read(sea.Set("altitude_band", null)).Volume.Band);
    }

    [Fact]
    public void A_protected_site_is_a_circle_around_its_location_over_the_whole_column()
    {
        var site = Read(Examples.ProtectedSite());

        Assert.Equal(SubjectKind.ProtectedSite, site.Kind);
        Assert.Equal("hospital", site.Label);
        Assert.Equal(AltitudeBand.WholeColumn, site.Volume.Band);
        Assert.Equal(300, site.Volume.Area.BufferM);
    }

    [Fact]
    public void A_protected_site_without_a_validity_window_is_protected_always()
    {
        var site = Examples.ProtectedSite().Set($"extensions/{Liaison.Core.Extensions.LiaisonExtensions.ProtectedSiteId}/valid_from", null)
            .Set($"extensions/{Liaison.Core.Extensions.LiaisonExtensions.ProtectedSiteId}/valid_until", null);

        Assert.Equal(TimeWindow.Always, Read(site).Volume.Window);
    }

    [Theory]
    [InlineData("area/coordinates/0", "[[38.2, 34.5], [38.8, 34.9], [38.8, 34.5], [38.2, 34.9], [38.2, 34.5]]", "$.area.coordinates[0]", "crosses or touches itself")]
    [InlineData("end_time", "\"2015-12-16T01:00:00Z\"", "$.end_time", "must be later than start_time")]
    [InlineData("contact", null, "$.contact", "needs a channel and an address")]
    [InlineData("area", null, "$.area", "required property 'area' is missing")]
    [InlineData("start_time", null, "$.start_time", "required property 'start_time' is missing")]
    [InlineData("altitude_band", null, "$.altitude_band", "an air activity needs one")]
    [InlineData("area", """{ "type": "Polygon", "coordinates": [[[-170, 0], [10, 0], [10, 10], [-170, 0]]] }""", "$.area.coordinates[0]", "more than 60°")]
    [InlineData("area", """{ "type": "Point", "coordinates": [35.75], "radius_m": 100 }""", "$.area.coordinates", "GeoJSON position")]
    public void A_bad_notice_is_refused_at_its_path_with_a_reason(string location, string? json, string path, string reason)
    {
        var result = SubjectReader.Read(Element(Examples.ActivityNotice().Set(location, json)));

        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors);
        Assert.Equal(path, error.Path);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_object_that_is_not_a_subject_is_refused()
    {
        var result = SubjectReader.Read(Element(Examples.RequestForInformation()));

        Assert.Equal("$", Assert.Single(result.Errors).Path);
    }

    [Fact]
    public void A_partner_notice_is_marked_as_such()
    {
        Assert.Equal(SubjectKind.PartnerNotice, SubjectReader.Read(Element(Examples.ActivityNotice()), partnerNotice: true).Subject!.Kind);
    }

    private static DeconflictionSubject Read(JsonObject stixObject)
    {
        var result = SubjectReader.Read(Element(stixObject));
        Assert.Empty(result.Errors);
        return result.Subject!;
    }

    private static JsonElement Element(JsonObject node) => JsonDocument.Parse(node.ToJsonString()).RootElement;
}
