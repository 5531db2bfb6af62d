using Liaison.Core.Extensions;

namespace Liaison.Core.Tests.Extensions;

public sealed class CasualtyClaimsTests
{
    private const string Ext = LiaisonExtensions.CasualtyClaimsId;
    private static readonly string Body = Examples.BodyPath(Ext);

    [Fact]
    public void Figures_from_several_sources_are_accepted_side_by_side() => Assert.Empty(Examples.Check(Examples.Incident()));

    [Fact]
    public void A_vague_figure_is_kept_in_the_sources_words_without_a_number()
    {
        var body = Examples.Body(Examples.Incident(), Ext);
        var vague = body["claims"]![2]!.AsObject();
        Assert.False(vague.ContainsKey("injured"));
        Assert.Equal("plusieurs", (string?)vague["injured_text"]);
        Assert.Empty(Examples.Check(Examples.Incident()));
    }

    [Fact]
    public void Null_is_not_a_figure()
    {
        var errors = Examples.Check(Examples.Incident().Set($"extensions/{Ext}/claims/2/injured", "null"));
        Examples.SingleError(errors, $"{Body}.claims[2].injured", "must be an integer, not null");
    }

    [Theory]
    [InlineData("extension_type")]
    [InlineData("event_time")]
    [InlineData("location_ref")]
    [InlineData("claims")]
    public void Each_required_property_is_reported_missing_at_its_path(string property)
    {
        var errors = Examples.Check(Examples.Incident().Set($"extensions/{Ext}/{property}", null));
        Examples.SingleError(errors, $"{Body}.{property}", $"required property '{property}' is missing");
    }

    [Theory]
    [InlineData("source_ref")]
    [InlineData("reported_at")]
    public void Each_required_claim_property_is_reported_missing_in_its_claim(string property)
    {
        var errors = Examples.Check(Examples.Incident().Set($"extensions/{Ext}/claims/1/{property}", null));
        Examples.SingleError(errors, $"{Body}.claims[1].{property}", $"required property '{property}' is missing");
    }

    [Theory]
    [InlineData("claims/1/killed", "\"two\"", ".claims[1].killed", "must be an integer, not a string ('two')")]
    [InlineData("claims/1/killed", "-1", ".claims[1].killed", "must be at least 0, not -1")]
    [InlineData("claims/1/injured", "2.5", ".claims[1].injured", "must be an integer, not a number with a fraction (2.5)")]
    [InlineData("claims/0/credibility", "7", ".claims[0].credibility", "must be at most 6, not 7")]
    [InlineData("claims/0/credibility", "0", ".claims[0].credibility", "must be at least 1, not 0")]
    [InlineData("claims/0/credibility", "\"B2\"", ".claims[0].credibility", "must be an integer, not a string ('B2')")]
    [InlineData("claims/0/reported_at", "\"14/12/2015\"", ".claims[0].reported_at", "is not a STIX timestamp")]
    [InlineData("claims/0/report_ref", "\"note--7a1b8d43-62a5-4c3e-9c7f-8f0e0c8c7a11\"", ".claims[0].report_ref", "is not the identifier of a report object")]
    [InlineData("claims/0/source_ref", "\"SANA\"", ".claims[0].source_ref", "is not the identifier of an identity object")]
    [InlineData("claims/0/killed_text", "\"\"", ".claims[0].killed_text", "must not be empty")]
    [InlineData("claims/0/dead", "2", ".claims[0].dead", "'dead' is not a property of an item of claims")]
    [InlineData("claims", "[]", ".claims", "must have at least 1 item, it has 0")]
    [InlineData("claims", "{}", ".claims", "must be an array, not a JSON object")]
    [InlineData("event_time_precision", "\"days\"", ".event_time_precision", "is not one of the allowed values: 'year', 'month', 'day', 'hour', 'minute', 'second'")]
    [InlineData("extension_type", "\"new-sdo\"", ".extension_type", "must be 'property-extension', not 'new-sdo'")]
    [InlineData("casualties", "3", ".casualties", "'casualties' is not a property of the incident-casualty-claims extension")]
    public void Wrong_values_are_rejected_at_their_path_with_a_reason(string location, string json, string relativePath, string reason)
    {
        var errors = Examples.Check(Examples.Incident().Set($"extensions/{Ext}/{location}", json));
        Examples.SingleError(errors, Body + relativePath, reason);
    }

    [Fact]
    public void A_claim_without_any_figure_is_refused()
    {
        var incident = Examples.Incident().Set($"extensions/{Ext}/claims/2/injured_text", null);
        Examples.SingleError(Examples.Check(incident), $"{Body}.claims[2]", "at least one of killed, injured, killed_text or injured_text");
    }

    [Fact]
    public void The_extension_applies_only_to_incidents()
    {
        var errors = Examples.Check(Examples.Incident().Set("type", "\"report\""));
        Examples.SingleError(errors, Body, "extends 'incident' objects, not 'report'");
    }

    [Fact]
    public void A_body_that_is_not_an_object_is_refused()
    {
        var errors = Examples.Check(Examples.Incident().Set($"extensions/{Ext}", "[1]"));
        Examples.SingleError(errors, Body, "must be a JSON object");
    }

    [Fact]
    public void Several_problems_are_all_reported()
    {
        var incident = Examples.Incident()
            .Set($"extensions/{Ext}/claims/0/killed", "-3")
            .Set($"extensions/{Ext}/claims/1/injured", "\"25\"")
            .Set($"extensions/{Ext}/location_ref", null);
        var paths = Examples.Check(incident).Select(e => e.Path).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal([$"{Body}.claims[0].killed", $"{Body}.claims[1].injured", $"{Body}.location_ref"], paths);
    }
}
