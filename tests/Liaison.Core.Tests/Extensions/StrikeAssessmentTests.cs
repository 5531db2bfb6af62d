using Liaison.Core.Extensions;

namespace Liaison.Core.Tests.Extensions;

public sealed class StrikeAssessmentTests
{
    [Fact]
    public void A_complete_assessment_is_accepted() => Assert.Empty(Examples.Check(Examples.StrikeAssessment()));

    [Fact]
    public void A_minimal_assessment_is_accepted()
    {
        var assessment = Examples.StrikeAssessment();
        foreach (var optional in new[] { "name", "description", "strike_time_precision", "platform", "munition", "x_internal_ticket", "confidence" })
        {
            assessment.Remove(optional);
        }

        Assert.Empty(Examples.Check(assessment));
    }

    [Theory]
    [InlineData("strike_time")]
    [InlineData("location_ref")]
    [InlineData("target_category")]
    [InlineData("assessed_effect")]
    [InlineData("civilian_harm")]
    [InlineData("assessor_ref")]
    public void Each_required_property_is_reported_missing_at_its_path(string property)
    {
        var errors = Examples.Check(Examples.StrikeAssessment().Set(property, null));
        Examples.SingleError(errors, $"$.{property}", $"required property '{property}' is missing");
    }

    [Fact]
    public void A_missing_civilian_harm_assessment_is_reported_inside_civilian_harm()
    {
        var errors = Examples.Check(Examples.StrikeAssessment().Set("civilian_harm/assessment", null));
        Examples.SingleError(errors, "$.civilian_harm.assessment", "required property 'assessment' is missing: whether civilian harm was observed");
    }

    [Theory]
    [InlineData("strike_time", "\"2015-12-13 21:40\"", "$.strike_time", "is not a STIX timestamp")]
    [InlineData("strike_time", "1450042800", "$.strike_time", "must be a string, not a number (1450042800)")]
    [InlineData("location_ref", "\"identity--86f834a7-790a-48fe-966d-245b75888bc7\"", "$.location_ref", "is not the identifier of a location object")]
    [InlineData("target_category", "\"Oil Transport\"", "$.target_category", "lower-case kebab-case")]
    [InlineData("assessed_effect", "\"obliterated\"", "$.assessed_effect", "'obliterated' is not one of the allowed values: 'destroyed', 'damaged', 'no-effect', 'unknown'")]
    [InlineData("civilian_harm", "\"none\"", "$.civilian_harm", "must be a JSON object, not a string ('none')")]
    [InlineData("civilian_harm/assessment", "\"likely\"", "$.civilian_harm.assessment", "is not one of the allowed values")]
    [InlineData("civilian_harm/injured", "-2", "$.civilian_harm.injured", "must be at least 0, not -2")]
    [InlineData("civilian_harm/injured", "2.5", "$.civilian_harm.injured", "must be an integer, not a number with a fraction (2.5)")]
    [InlineData("civilian_harm/wounded", "3", "$.civilian_harm.wounded", "'wounded' is not a property of civilian_harm")]
    [InlineData("assessor_ref", "\"not-an-id\"", "$.assessor_ref", "is not the identifier of an identity object")]
    [InlineData("platform", "\"\"", "$.platform", "must not be empty")]
    [InlineData("strike_time_precision", "\"week\"", "$.strike_time_precision", "is not one of the allowed values")]
    [InlineData("type", "\"x-liaison-strike\"", "$.extensions['extension-definition--4e561719-7d4f-4012-a48f-6313c0e343a4']", "defines the object type 'x-liaison-strike-assessment'")]
    public void Wrong_values_are_rejected_at_their_path_with_a_reason(string property, string json, string path, string reason)
    {
        var errors = Examples.Check(Examples.StrikeAssessment().Set(property, json));
        Examples.SingleError(errors, path, reason);
    }

    [Fact]
    public void An_unknown_top_level_property_is_refused_as_a_probable_misspelling()
    {
        var errors = Examples.Check(Examples.StrikeAssessment().Set("strike_tme", "\"2015-12-13T21:40:00Z\""));
        Examples.SingleError(errors, "$.strike_tme", "'strike_tme' is not a property of x-liaison-strike-assessment; check its spelling (custom properties must start with x_)");
    }

    [Fact]
    public void Civilian_counts_contradicting_none_observed_are_refused()
    {
        var errors = Examples.Check(Examples.StrikeAssessment().Set("civilian_harm/assessment", "\"none-observed\""));
        Examples.SingleError(errors, "$.civilian_harm.injured", "assessment is 'none-observed'");
    }

    [Fact]
    public void The_object_must_declare_its_extension_definition()
    {
        var errors = Examples.Check(Examples.StrikeAssessment().Set("extensions", null));
        Examples.SingleError(errors, "$.extensions", $"\"{LiaisonExtensions.StrikeAssessmentId}\": {{\"extension_type\": \"new-sdo\"}}");
    }

    [Theory]
    [InlineData("\"property-extension\"", "$.extensions['extension-definition--4e561719-7d4f-4012-a48f-6313c0e343a4'].extension_type", "must be 'new-sdo'")]
    [InlineData(null, "$.extensions['extension-definition--4e561719-7d4f-4012-a48f-6313c0e343a4'].extension_type", "required property 'extension_type' is missing")]
    public void The_extension_body_must_say_new_sdo(string? json, string path, string reason)
    {
        var errors = Examples.Check(Examples.StrikeAssessment().Set($"extensions/{LiaisonExtensions.StrikeAssessmentId}/extension_type", json));
        Examples.SingleError(errors, path, reason);
    }

    [Fact]
    public void Properties_inside_a_new_sdo_body_are_refused()
    {
        var errors = Examples.Check(Examples.StrikeAssessment().Set($"extensions/{LiaisonExtensions.StrikeAssessmentId}/munition", "\"GBU-12\""));
        Examples.SingleError(errors, $"$.extensions['{LiaisonExtensions.StrikeAssessmentId}'].munition", "top-level properties of the object");
    }

    [Fact]
    public void Errors_carry_the_object_index_and_id()
    {
        var error = Assert.Single(Examples.Check(Examples.StrikeAssessment().Set("assessed_effect", null)));
        Assert.Equal(0, error.ObjectIndex);
        Assert.Equal("x-liaison-strike-assessment--22f5d4b4-6e42-485b-ae40-5bf9db18164c", error.ObjectId);
    }
}
