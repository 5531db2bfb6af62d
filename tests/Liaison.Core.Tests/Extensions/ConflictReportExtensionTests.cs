using System.Text.Json.Nodes;
using Liaison.Core.Extensions;

namespace Liaison.Core.Tests.Extensions;

public sealed class ConflictReportExtensionTests
{
    [Fact]
    public void A_report_of_overlap_and_contacts_is_accepted() => Assert.Empty(Examples.Check(Report()));

    [Fact]
    public void A_report_about_a_protected_site_names_its_category() =>
        Assert.Empty(Examples.Check(Report().Set("protected_category", "\"hospital\"").Set("contacts", "[{\"channel\": \"radio\", \"address\": \"VHF 16\"}]")));

    [Theory]
    [InlineData("notice_ref")]
    [InlineData("overlap")]
    [InlineData("contacts")]
    public void Each_required_property_is_reported_missing_at_its_path(string property)
    {
        var errors = Examples.Check(Report().Set(property, null));
        Examples.SingleError(errors, $"$.{property}", $"required property '{property}' is missing");
    }

    [Theory]
    [InlineData("mission", "\"CHAMMAL\"")]
    [InlineData("name", "\"Carrier group\"")]
    [InlineData("area", "{\"type\": \"Point\", \"coordinates\": [35, 35], \"radius_m\": 50000}")]
    public void Anything_beyond_the_disclosure_is_refused(string property, string json)
    {
        var errors = Examples.Check(Report().Set(property, json));
        Assert.Contains(errors, e => e.Path == $"$.{property}");
    }

    [Theory]
    [InlineData("notice_ref", "\"location--0edda6fb-ff85-40fa-bf72-9b63b0113ef3\"", "$.notice_ref", "x-liaison-activity-notice--UUID")]
    [InlineData("overlap/end_time", "\"2015-12-15T23:45:00Z\"", "$.overlap.end_time", "must be later than start_time")]
    [InlineData("overlap/altitude_band/upper_m", "-5", "$.overlap.altitude_band.upper_m", "must not be below lower_m")]
    [InlineData("overlap/bbox/3", "34.0", "$.overlap.bbox[3]", "must not be south of the southern one")]
    [InlineData("overlap/bbox/0", "200", "$.overlap.bbox[0]", "180")]
    [InlineData("contacts", "[]", "$.contacts", "must have at least 1 item")]
    public void Wrong_values_are_rejected_at_their_path_with_a_reason(string location, string json, string path, string reason)
    {
        var errors = Examples.Check(Report().Set(location, json));
        Examples.SingleError(errors, path, reason);
    }

    private static JsonObject Report() => JsonNode.Parse($$"""
        {
          "type": "x-liaison-conflict-report", "spec_version": "2.1",
          "id": "x-liaison-conflict-report--cc89f7ed-b969-50c9-ad9a-f0183f6bc4cb",
          "created": "2015-12-14T09:00:00.000Z", "modified": "2015-12-14T09:00:00.000Z",
          "created_by_ref": "{{Examples.Partner}}",
          "notice_ref": "x-liaison-activity-notice--32d2871a-3b05-5917-89b5-ae34a93ae7ef",
          "overlap": {
            "bbox": [34.896174, 34.881045, 35.56256, 35.507988],
            "altitude_band": { "lower_m": 0, "upper_m": 100 },
            "start_time": "2015-12-15T23:45:00.000000Z", "end_time": "2015-12-20T00:15:00.000000Z"
          },
          "contacts": [
            { "channel": "radio", "address": "VHF channel 16", "name": "fleet duty officer" },
            { "channel": "radio", "address": "VHF channel 16" }
          ],
          "extensions": { "{{LiaisonExtensions.ConflictReportId}}": { "extension_type": "new-sdo" } }
        }
        """)!.AsObject();
}
