using Liaison.Core.Extensions;

namespace Liaison.Core.Tests.Extensions;

public sealed class ProtectedSiteTests
{
    private const string Ext = LiaisonExtensions.ProtectedSiteId;
    private static readonly string Body = Examples.BodyPath(Ext);

    [Fact]
    public void A_hospital_with_a_radius_is_accepted() => Assert.Empty(Examples.Check(Examples.ProtectedSite()));

    [Fact]
    public void A_site_may_be_given_as_a_polygon_instead()
    {
        var site = Examples.ProtectedSite()
            .Set($"extensions/{Ext}/radius_m", null)
            .Set($"extensions/{Ext}/area", """{ "type": "Polygon", "coordinates": [[[36.39, 35.19], [36.41, 35.19], [36.41, 35.21], [36.39, 35.19]]] }""");
        Assert.Empty(Examples.Check(site));
    }

    [Theory]
    [InlineData("category")]
    [InlineData("extension_type")]
    public void Each_required_property_is_reported_missing_at_its_path(string property)
    {
        var errors = Examples.Check(Examples.ProtectedSite().Set($"extensions/{Ext}/{property}", null));
        Examples.SingleError(errors, $"{Body}.{property}", $"required property '{property}' is missing");
    }

    [Theory]
    [InlineData("category", "\"clinic\"", ".category", "'clinic' is not one of the allowed values: 'hospital', 'school', 'aid-convoy', 'place-of-worship', 'cultural-property', 'water-facility', 'other'")]
    [InlineData("radius_m", "-5", ".radius_m", "must be greater than 0, not -5")]
    [InlineData("radius_m", "\"300m\"", ".radius_m", "must be a number, not a string ('300m')")]
    [InlineData("valid_until", "\"2016-03\"", ".valid_until", "is not a STIX timestamp")]
    [InlineData("valid_until", "\"2015-11-01T00:00:00Z\"", ".valid_until", "must be later than valid_from")]
    public void Wrong_values_are_rejected_at_their_path_with_a_reason(string location, string json, string relativePath, string reason)
    {
        var errors = Examples.Check(Examples.ProtectedSite().Set($"extensions/{Ext}/{location}", json));
        Examples.SingleError(errors, Body + relativePath, reason);
    }

    [Fact]
    public void The_extent_is_required()
    {
        var errors = Examples.Check(Examples.ProtectedSite().Set($"extensions/{Ext}/radius_m", null));
        Examples.SingleError(errors, Body, "give radius_m");
    }

    [Fact]
    public void A_radius_and_an_area_together_are_refused()
    {
        var site = Examples.ProtectedSite()
            .Set($"extensions/{Ext}/area", """{ "type": "Polygon", "coordinates": [[[36.39, 35.19], [36.41, 35.19], [36.41, 35.21], [36.39, 35.19]]] }""");
        Examples.SingleError(Examples.Check(site), Body, "either radius_m or area, not both");
    }

    [Fact]
    public void A_radius_needs_the_locations_coordinates()
    {
        var site = Examples.ProtectedSite().Set("latitude", null).Set("longitude", null).Set("region", "\"western-asia\"");
        Examples.SingleError(Examples.Check(site), $"{Body}.radius_m", "needs the location's latitude and longitude");
    }

    [Fact]
    public void An_area_must_be_a_polygon()
    {
        var site = Examples.ProtectedSite()
            .Set($"extensions/{Ext}/radius_m", null)
            .Set($"extensions/{Ext}/area", """{ "type": "Point", "coordinates": [36.4, 35.2] }""");
        Examples.SingleError(Examples.Check(site), $"{Body}.area.type", "'Point' is not one of the allowed values: 'Polygon', 'MultiPolygon'");
    }
}
