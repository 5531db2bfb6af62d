using System.Text.Json.Nodes;
using Liaison.Core.Validation;
using static Liaison.Core.Tests.Validation.StixBuilder;

namespace Liaison.Core.Tests.Validation;

public sealed class TypeAndIdTests
{
    [Fact]
    public void Valid_object_is_returned_with_its_common_properties_lifted()
    {
        var json = Minimal("campaign").With("revoked", true);
        var id = json["id"]!.GetValue<string>();

        var result = json.Validate();

        ValidationAssert.Valid(result);
        Assert.Equal(id, result.Object!.Id.Value);
        Assert.Equal("campaign", result.Object.Type);
        Assert.Equal(Created, result.Object.Created!.Value.Text);
        Assert.Equal(Modified, result.Object.Modified!.Value.Text);
        Assert.True(result.Object.Revoked);
        Assert.Empty(result.MarkingRefs);
    }

    [Fact]
    public void Input_that_is_not_an_object_is_rejected_at_the_root()
    {
        var result = new StixValidator().Validate(Parse("[1, 2]"), index: 3);

        ValidationAssert.SingleError(result, "$", "a STIX object must be a JSON object, found an array");
        Assert.Equal(3, result.Errors[0].ObjectIndex);
    }

    [Fact]
    public void Errors_name_the_object_by_index_and_id()
    {
        var json = Minimal("identity").With("name", 42);
        var result = json.Validate(index: 7);

        var error = Assert.Single(result.Errors);
        Assert.Equal(7, error.ObjectIndex);
        Assert.Equal(json["id"]!.GetValue<string>(), error.ObjectId);
        Assert.StartsWith($"object #7 ({json["id"]}) at $.name:", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void All_errors_of_an_object_are_collected_not_only_the_first()
    {
        var result = Minimal("identity")
            .With("name", 42)
            .With("confidence", 101)
            .With("labels", Array())
            .With("created_by_ref", IndicatorId)
            .Validate();

        Assert.Equal(
            ["$.confidence", "$.created_by_ref", "$.labels", "$.name"],
            result.Errors.Select(e => e.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Missing_type_is_reported()
    {
        ValidationAssert.SingleError(Minimal("identity").Without("type").Validate(), "$", "required property 'type' is missing");
    }

    [Fact]
    public void Type_that_breaks_the_naming_rules_is_rejected()
    {
        var result = Minimal("identity").With("type", "Identity").Validate();

        ValidationAssert.HasError(result, "$.type", "type name 'Identity' must start with a letter a-z");
    }

    [Fact]
    public void Id_whose_type_part_differs_from_type_is_rejected_naming_both()
    {
        var result = Minimal("identity").With("id", "campaign--2d3e4f5a-6b7c-4d8e-9f9a-0b1c2d3e4f95").Validate();

        ValidationAssert.SingleError(result, "$.id", "id 'campaign--2d3e4f5a-6b7c-4d8e-9f9a-0b1c2d3e4f95' must start with 'identity--' (the object's type), found type 'campaign'");
    }

    [Fact]
    public void Id_that_is_not_an_rfc_4122_uuid_is_rejected()
    {
        var result = Minimal("identity").With("id", "identity--not-a-uuid").Validate();

        ValidationAssert.HasError(result, "$.id", "id is not a STIX identifier: the UUID part of 'identity--not-a-uuid' is not an RFC 4122 UUID");
    }

    [Fact]
    public void Bundle_among_objects_is_rejected_as_not_an_object()
    {
        var result = new JsonObject { ["type"] = "bundle", ["id"] = NewId("bundle"), ["objects"] = Array(Minimal("identity")) }.Validate();

        ValidationAssert.SingleError(result, "$.type", "a bundle is a container, not a STIX object: it cannot appear as an object (nest its objects instead)");
    }

    [Fact]
    public void Unknown_type_without_an_extension_definition_is_rejected_with_the_way_out()
    {
        var result = Sdo("strike-assessment").Validate();

        var error = ValidationAssert.HasError(result, "$.type", "'strike-assessment' is not a STIX 2.1 object type");
        Assert.Contains("\"extension_type\": \"new-sdo\"", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Legacy_custom_object_with_an_x_type_is_accepted()
    {
        ValidationAssert.Valid(Sdo("x-acme-widget").With("x_acme_score", 3).Validate());
    }

    [Fact]
    public void Legacy_custom_object_still_needs_the_sdo_common_properties()
    {
        ValidationAssert.SingleError(Sdo("x-acme-widget").Without("modified").Validate(), "$", "required property 'modified' is missing (every custom object must have it)");
    }

    [Fact]
    public void Spec_version_is_required_on_sdos()
    {
        ValidationAssert.SingleError(Minimal("identity").Without("spec_version").Validate(), "$", "required property 'spec_version' is missing (every identity must have it)");
    }

    [Fact]
    public void Spec_version_other_than_2_1_is_rejected()
    {
        ValidationAssert.SingleError(
            Minimal("identity").With("spec_version", "2.0").Validate(),
            "$.spec_version",
            "spec_version must be '2.1' (this node speaks STIX 2.1), found the string '2.0'");
    }

    [Fact]
    public void Spec_version_is_optional_on_scos_but_must_be_2_1_when_present()
    {
        ValidationAssert.Valid(Minimal("ipv4-addr").Without("spec_version").Validate());
        ValidationAssert.HasError(Minimal("ipv4-addr").With("spec_version", "2.0").Validate(), "$.spec_version", "when present on a cyber-observable, spec_version must be '2.1'");
    }

    [Fact]
    public void Reserved_type_name_action_is_rejected()
    {
        ValidationAssert.SingleError(Sdo("action").Validate(), "$.type", "type name 'action' is reserved by STIX 2.1 and must not be used");
    }

    [Fact]
    public void Duplicate_property_is_rejected_as_ambiguous()
    {
        var json = """{"type":"identity","spec_version":"2.1","id":"identity--5b3c1e2a-8f4d-4c6e-9a1b-2d3e4f5a6b7c","created":"2024-03-01T10:00:00.000Z","modified":"2024-03-01T10:00:00.000Z","name":"A","name":"B"}""";

        ValidationAssert.SingleError(new StixValidator().Validate(Parse(json)), "$.name", "property 'name' appears more than once");
    }
}
