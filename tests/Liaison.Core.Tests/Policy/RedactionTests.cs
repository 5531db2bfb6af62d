using System.Text.Json.Nodes;
using Liaison.Core.Extensions;
using Liaison.Core.Policy;
using Liaison.Core.Tests.Extensions;

namespace Liaison.Core.Tests.Policy;

public sealed class RedactionTests
{
    private const string Claims = LiaisonExtensions.CasualtyClaimsId;

    [Fact]
    public void A_top_level_property_is_removed()
    {
        var strike = Examples.StrikeAssessment();

        var redacted = PolicyAssert.Succeeds(Redaction.Of("description").Apply(strike));

        Assert.False(redacted.ContainsKey("description"));
        Assert.True(strike.ContainsKey("description"));
    }

    [Fact]
    public void The_input_is_never_changed()
    {
        var strike = Examples.StrikeAssessment();
        var before = strike.DeepClone().AsObject();

        Redaction.Of("platform", "munition", "civilian_harm.description").Apply(strike);

        PolicyAssert.Unchanged(before, strike);
    }

    [Fact]
    public void Sensitive_properties_of_a_strike_assessment_are_removed()
    {
        var redacted = PolicyAssert.Succeeds(Redaction.Of("platform", "munition", "x_internal_ticket").Apply(Examples.StrikeAssessment()));

        Assert.False(redacted.ContainsKey("platform"));
        Assert.False(redacted.ContainsKey("munition"));
        Assert.False(redacted.ContainsKey("x_internal_ticket"));
    }

    [Fact]
    public void A_nested_property_is_removed()
    {
        var redacted = PolicyAssert.Succeeds(Redaction.Of("civilian_harm.description").Apply(Examples.StrikeAssessment()));

        Assert.False(redacted["civilian_harm"]!.AsObject().ContainsKey("description"));
        Assert.Equal("possible", (string?)redacted["civilian_harm"]!["assessment"]);
    }

    [Fact]
    public void A_property_inside_an_extension_is_removed()
    {
        var redacted = PolicyAssert.Succeeds(Redaction.Of($"extensions['{Claims}'].event_time_precision").Apply(Examples.Incident()));

        Assert.False(redacted["extensions"]![Claims]!.AsObject().ContainsKey("event_time_precision"));
    }

    [Fact]
    public void A_property_of_every_list_element_is_removed()
    {
        var redacted = PolicyAssert.Succeeds(Redaction.Of($"extensions['{Claims}'].claims[*].quote").Apply(Examples.Incident()));

        var claims = redacted["extensions"]![Claims]!["claims"]!.AsArray();
        Assert.Equal(3, claims.Count);
        Assert.All(claims, claim => Assert.False(claim!.AsObject().ContainsKey("quote")));
    }

    [Fact]
    public void A_path_absent_from_the_object_changes_nothing()
    {
        var incident = Examples.Incident();

        var redacted = PolicyAssert.Succeeds(Redaction.Of("external_references[*].url", "nothing.here", "name.deeper").Apply(incident));

        PolicyAssert.Unchanged(incident, redacted);
    }

    [Fact]
    public void Redacting_a_property_stix_requires_is_an_error_of_the_clause_not_an_exception()
    {
        var error = PolicyAssert.Fails(Redaction.Of("name").Apply(Examples.Incident()));

        Assert.Equal("redact", error.Transform);
        Assert.Equal("name", error.Path);
        Assert.Contains("requires 'name' on incident", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_error_names_the_path_but_never_the_value_it_protects()
    {
        var error = PolicyAssert.Fails(Redaction.Of("name").Apply(Examples.Incident()));

        Assert.DoesNotContain("Suqaylabiyah", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Redacting_a_property_the_extension_schema_requires_is_an_error()
    {
        var error = PolicyAssert.Fails(Redaction.Of($"extensions['{Claims}'].claims[*].source_ref").Apply(Examples.Incident()));

        Assert.Contains("requires 'source_ref'", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Redacting_a_property_a_liaison_object_type_requires_is_an_error()
    {
        var error = PolicyAssert.Fails(Redaction.Of("assessor_ref").Apply(Examples.StrikeAssessment()));

        Assert.Contains("requires 'assessor_ref'", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Redacting_the_extension_a_liaison_type_declares_is_an_error()
    {
        Assert.Contains("must declare", PolicyAssert.Fails(Redaction.Of("extensions").Apply(Examples.StrikeAssessment())).Reason, StringComparison.Ordinal);
        Assert.Contains("must declare", PolicyAssert.Fails(Redaction.Of($"extensions['{LiaisonExtensions.StrikeAssessmentId}']").Apply(Examples.StrikeAssessment())).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Redacting_a_whole_property_extension_removes_an_extensions_dictionary_left_empty()
    {
        var redacted = PolicyAssert.Succeeds(Redaction.Of($"extensions['{Claims}']").Apply(Examples.Incident()));

        Assert.False(redacted.ContainsKey("extensions"));
    }

    [Fact]
    public void Redacting_the_required_field_of_a_nested_structure_is_an_error()
    {
        var error = PolicyAssert.Fails(Redaction.Of("civilian_harm.assessment").Apply(Examples.StrikeAssessment()));

        Assert.Equal("civilian_harm.assessment", error.Path);
    }

    [Fact]
    public void Redacting_the_source_name_of_external_references_is_an_error()
    {
        var error = PolicyAssert.Fails(Redaction.Of("external_references[*].source_name").Apply(WithReferences()));

        Assert.Contains("external reference", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_external_reference_left_without_url_description_or_external_id_is_dropped()
    {
        var redacted = PolicyAssert.Succeeds(Redaction.Of("external_references[*].url").Apply(WithReferences()));

        var references = redacted["external_references"]!.AsArray();
        var kept = Assert.Single(references);
        Assert.Equal("ACME-1", (string?)kept!["external_id"]);
    }

    [Fact]
    public void A_list_left_empty_is_removed()
    {
        var redacted = PolicyAssert.Succeeds(Redaction.Of("external_references[*].url", "external_references[*].external_id").Apply(WithReferences()));

        Assert.False(redacted.ContainsKey("external_references"));
    }

    [Fact]
    public void Redacting_one_coordinate_removes_both_and_their_precision()
    {
        var location = Location();
        location["country"] = "SY";
        location["precision"] = 50.0;

        var redacted = PolicyAssert.Succeeds(Redaction.Of("latitude").Apply(location));

        Assert.False(redacted.ContainsKey("latitude"));
        Assert.False(redacted.ContainsKey("longitude"));
        Assert.False(redacted.ContainsKey("precision"));
    }

    [Fact]
    public void Redacting_the_only_coordinates_of_a_location_is_an_error()
    {
        var error = PolicyAssert.Fails(Redaction.Of("longitude").Apply(Location()));

        Assert.Contains("region, country, or latitude and longitude", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_redaction_accepts_a_json_element()
    {
        var element = PolicyAssert.ToElement(Examples.StrikeAssessment());

        var redacted = PolicyAssert.Succeeds(Redaction.Of("platform").Apply(element));

        Assert.False(redacted.ContainsKey("platform"));
    }

    [Fact]
    public void Redaction_is_deterministic()
    {
        var redaction = Redaction.Of("platform", "civilian_harm.description", "external_references[*].url");

        var first = redaction.Apply(Examples.StrikeAssessment()).Object!.ToJsonString();
        var second = redaction.Apply(Examples.StrikeAssessment()).Object!.ToJsonString();

        Assert.Equal(first, second);
    }

    [Fact]
    public void A_path_that_names_a_list_without_a_wildcard_fails_closed()
    {
        var error = PolicyAssert.Fails(Redaction.Of("external_references.url").Apply(WithReferences()));

        Assert.Contains("external_references[*]", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wildcard_on_something_that_is_not_a_list_fails_closed()
    {
        var error = PolicyAssert.Fails(Redaction.Of("civilian_harm[*].description").Apply(Examples.StrikeAssessment()));

        Assert.Contains("not a list", error.Reason, StringComparison.Ordinal);
    }

    internal static JsonObject Location() => JsonNode.Parse("""
        {
          "type": "location", "spec_version": "2.1", "id": "location--0edda6fb-ff85-40fa-bf72-9b63b0113ef3",
          "created": "2015-12-14T18:00:00.000Z", "modified": "2015-12-14T18:00:00.000Z",
          "latitude": 35.123456, "longitude": 36.654321
        }
        """)!.AsObject();

    internal static JsonObject WithReferences()
    {
        var incident = Examples.Incident();
        incident["external_references"] = JsonNode.Parse("""
            [
              { "source_name": "SANA", "url": "https://sana.example/1207" },
              { "source_name": "ACME", "url": "https://acme.example/a", "external_id": "ACME-1" }
            ]
            """);
        return incident;
    }
}
