namespace Liaison.Core.Tests.Extensions;

public sealed class ActivityNoticeTests
{
    [Fact]
    public void A_planned_air_activity_is_accepted() => Assert.Empty(Examples.Check(Examples.ActivityNotice()));

    [Theory]
    [InlineData("""{ "type": "MultiPolygon", "coordinates": [[[[38.2, 34.5], [38.8, 34.5], [38.8, 34.9], [38.2, 34.5]]]] }""")]
    [InlineData("""{ "type": "LineString", "coordinates": [[35.9, 34.9], [35.0, 35.5]], "width_m": 20000 }""")]
    [InlineData("""{ "type": "Point", "coordinates": [35.75, 35.17, 0], "radius_m": 5000 }""")]
    public void Every_area_shape_is_accepted(string area) => Assert.Empty(Examples.Check(Examples.ActivityNotice().Set("area", area)));

    [Fact]
    public void A_sea_activity_may_start_at_the_surface_or_have_no_altitude_band()
    {
        var sea = Examples.ActivityNotice().Set("domain", "\"sea\"").Set("altitude_band/lower_m", "\"surface\"");
        Assert.Empty(Examples.Check(sea));
        Assert.Empty(Examples.Check(sea.Set("altitude_band", null)));
    }

    [Theory]
    [InlineData("domain")]
    [InlineData("area")]
    [InlineData("start_time")]
    [InlineData("end_time")]
    [InlineData("status")]
    [InlineData("contact")]
    public void Each_required_property_is_reported_missing_at_its_path(string property)
    {
        var errors = Examples.Check(Examples.ActivityNotice().Set(property, null));
        Examples.SingleError(errors, $"$.{property}", $"required property '{property}' is missing");
    }

    [Fact]
    public void An_air_activity_needs_an_altitude_band()
    {
        var errors = Examples.Check(Examples.ActivityNotice().Set("altitude_band", null));
        Examples.SingleError(errors, "$.altitude_band", "required property 'altitude_band' is missing (when domain is 'air')");
    }

    [Theory]
    [InlineData("domain", "\"space\"", "$.domain", "'space' is not one of the allowed values: 'air', 'sea', 'land'")]
    [InlineData("status", "\"postponed\"", "$.status", "is not one of the allowed values: 'planned', 'active', 'cancelled'")]
    [InlineData("start_time", "\"tomorrow\"", "$.start_time", "is not a STIX timestamp")]
    [InlineData("altitude_band/lower_m", "\"surface\"", "$.altitude_band.lower_m", "must be a number, not a string ('surface') (when domain is 'air')")]
    [InlineData("altitude_band/upper_m", "150000", "$.altitude_band.upper_m", "must be at most 100000, not 150000")]
    [InlineData("altitude_band/upper_m", null, "$.altitude_band.upper_m", "required property 'upper_m' is missing")]
    [InlineData("altitude_band/upper_ft", "30000", "$.altitude_band.upper_ft", "'upper_ft' is not a property of altitude_band")]
    [InlineData("area/type", "\"Circle\"", "$.area.type", "is not one of the allowed values: 'Polygon', 'MultiPolygon', 'LineString', 'Point'")]
    [InlineData("area/coordinates/0/2/1", "95", "$.area.coordinates[0][2][1]", "must be at most 90, not 95")]
    [InlineData("area/coordinates/0/2/0", "-181", "$.area.coordinates[0][2][0]", "must be at least -180, not -181")]
    [InlineData("area/coordinates/0/2", "[38.8]", "$.area.coordinates[0][2]", "must have at least 2 items, it has 1")]
    [InlineData("area/coordinates/0", "[[38.2, 34.5], [38.8, 34.5], [38.2, 34.5]]", "$.area.coordinates[0]", "must have at least 4 items, it has 3")]
    [InlineData("area/coordinates/0/4", "[38.3, 34.5]", "$.area.coordinates[0]", "is not a closed ring")]
    [InlineData("area/radius_m", "500", "$.area.radius_m", "property 'radius_m' is not allowed when type is 'Polygon'")]
    [InlineData("contact/channel", "\"Radio\"", "$.contact.channel", "lower-case kebab-case")]
    [InlineData("contact/address", null, "$.contact.address", "required property 'address' is missing")]
    [InlineData("mission", "42", "$.mission", "must be a string, not a number (42)")]
    public void Wrong_values_are_rejected_at_their_path_with_a_reason(string location, string? json, string path, string reason)
    {
        var errors = Examples.Check(Examples.ActivityNotice().Set(location, json));
        Examples.SingleError(errors, path, reason);
    }

    [Theory]
    [InlineData("""{ "type": "LineString", "coordinates": [[35.9, 34.9], [35.0, 35.5]] }""", "$.area.width_m", "required property 'width_m' is missing (when type is 'LineString')")]
    [InlineData("""{ "type": "Point", "coordinates": [35.75, 35.17] }""", "$.area.radius_m", "required property 'radius_m' is missing (when type is 'Point')")]
    [InlineData("""{ "type": "Point", "coordinates": [35.75, 35.17], "radius_m": 0 }""", "$.area.radius_m", "must be greater than 0, not 0")]
    [InlineData("""{ "type": "LineString", "coordinates": [[35.9, 34.9]], "width_m": 100 }""", "$.area.coordinates", "must have at least 2 items, it has 1")]
    public void Corridors_need_a_width_and_circles_a_radius(string area, string path, string reason)
    {
        var errors = Examples.Check(Examples.ActivityNotice().Set("area", area));
        Examples.SingleError(errors, path, reason);
    }

    [Fact]
    public void The_time_window_must_not_be_empty()
    {
        var errors = Examples.Check(Examples.ActivityNotice().Set("end_time", "\"2015-12-16T02:00:00Z\""));
        Examples.SingleError(errors, "$.end_time", "must be later than start_time");
    }

    [Fact]
    public void The_altitude_band_must_not_be_upside_down()
    {
        var errors = Examples.Check(Examples.ActivityNotice().Set("altitude_band/upper_m", "1000"));
        Examples.SingleError(errors, "$.altitude_band.upper_m", "must be above lower_m (3000), not 1000");
    }
}
