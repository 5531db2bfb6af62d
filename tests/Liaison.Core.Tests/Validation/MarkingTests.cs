using System.Text.Json.Nodes;
using Liaison.Core.Validation;
using static Liaison.Core.Tests.Validation.StixBuilder;

namespace Liaison.Core.Tests.Validation;

public sealed class MarkingTests
{
    private static JsonObject Granular(string markingRef, params string[] selectors) =>
        new() { ["marking_ref"] = markingRef, ["selectors"] = Array([.. selectors.Select(s => (JsonNode)s)]) };

    [Fact]
    public void Marking_refs_are_reported_for_resolution_without_duplicates()
    {
        var result = Minimal("threat-actor")
            .With("aliases", Array("B"))
            .With("object_marking_refs", Array(WellKnownMarkings.Tlp2GreenId, StatementMarkingId))
            .With("granular_markings", Array(Granular(WellKnownMarkings.Tlp2AmberId, "name"), Granular(StatementMarkingId, "aliases.[0]")))
            .Validate();

        ValidationAssert.Valid(result);
        Assert.Equal([WellKnownMarkings.Tlp2GreenId, StatementMarkingId, WellKnownMarkings.Tlp2AmberId], result.MarkingRefs);
    }

    [Fact]
    public void Granular_selector_must_resolve_to_a_present_property()
    {
        var result = Minimal("threat-actor").With("granular_markings", Array(Granular(WellKnownMarkings.Tlp2GreenId, "name", "description"))).Validate();

        ValidationAssert.SingleError(
            result,
            "$.granular_markings[0].selectors[1]",
            "selector 'description' does not select anything in this object: the object has no property 'description'");
    }

    [Fact]
    public void Granular_selector_list_position_must_exist()
    {
        var result = Minimal("threat-actor").With("aliases", Array("B")).With("granular_markings", Array(Granular(WellKnownMarkings.Tlp2GreenId, "aliases.[3]"))).Validate();

        ValidationAssert.SingleError(
            result,
            "$.granular_markings[0].selectors[0]",
            "selector 'aliases.[3]' does not select anything in this object: 'aliases' has 1 element(s), so position [3] does not exist");
    }

    [Fact]
    public void Granular_selector_may_reach_into_nested_objects()
    {
        var json = Minimal("vulnerability")
            .With("external_references", Array(new JsonObject { ["source_name"] = "cve", ["external_id"] = "CVE-2016-1234" }))
            .With("granular_markings", Array(Granular(WellKnownMarkings.Tlp1RedId, "external_references.[0].external_id", "id")));

        ValidationAssert.Valid(json.Validate());
    }

    [Fact]
    public void Granular_marking_needs_marking_ref_or_lang_but_not_both()
    {
        var both = Granular(WellKnownMarkings.Tlp2GreenId, "name").With("lang", "fr");
        var neither = new JsonObject { ["selectors"] = Array("name") };

        ValidationAssert.SingleError(Minimal("identity").With("granular_markings", Array(both)).Validate(), "$.granular_markings[0]", "a granular marking must have either marking_ref or lang, not both");
        ValidationAssert.SingleError(
            Minimal("identity").With("granular_markings", Array(neither)).Validate(),
            "$.granular_markings[0]",
            "a granular marking must have marking_ref (a marking-definition id) or lang (a language tag); neither is present");
    }

    [Fact]
    public void Granular_marking_ref_must_reference_a_marking_definition()
    {
        ValidationAssert.SingleError(
            Minimal("identity").With("granular_markings", Array(Granular(IdentityId, "name"))).Validate(),
            "$.granular_markings[0].marking_ref",
            $"marking_ref must reference a marking-definition, found '{IdentityId}'");
    }

    [Fact]
    public void Every_well_known_marking_definition_is_itself_valid()
    {
        var validator = new StixValidator();
        Assert.Equal(9, WellKnownMarkings.All.Count);
        foreach (var marking in WellKnownMarkings.All)
        {
            ValidationAssert.Valid(validator.Validate(marking));
        }
    }

    [Fact]
    public void Well_known_marking_ids_are_recognised()
    {
        Assert.True(WellKnownMarkings.IsWellKnown(WellKnownMarkings.Tlp1WhiteId));
        Assert.True(WellKnownMarkings.IsWellKnown("marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003"));
        Assert.False(WellKnownMarkings.IsWellKnown(StatementMarkingId));
        Assert.True(WellKnownMarkings.TryGetName(WellKnownMarkings.Tlp2AmberStrictId, out var name));
        Assert.Equal("TLP:AMBER+STRICT", name);
        Assert.True(WellKnownMarkings.TryGetJson(WellKnownMarkings.Tlp2ClearId, out var json));
        Assert.Equal("clear", json.GetProperty("extensions").GetProperty(WellKnownMarkings.Tlp2ExtensionId).GetProperty("tlp_2_0").GetString());
    }

    [Fact]
    public void Forged_tlp_1_marking_with_an_unknown_id_is_rejected()
    {
        var forged = Minimal("marking-definition").With("definition_type", "tlp").With("definition", new JsonObject { ["tlp"] = "green" });

        ValidationAssert.SingleError(
            forged.Validate(),
            "$.id",
            $"a TLP 1.0 marking (definition_type 'tlp') must be one of the four defined by STIX 2.1 (TLP:WHITE, TLP:GREEN, TLP:AMBER, TLP:RED with their fixed ids), found id '{forged["id"]}'");
    }

    [Fact]
    public void Tlp_1_marking_with_the_wrong_colour_is_rejected()
    {
        var json = JsonNode.Parse(WellKnownMarkings.All[0].GetRawText())!.AsObject();
        json["definition"]!["tlp"] = "red";

        ValidationAssert.SingleError(json.Validate(), "$.definition.tlp", $"{WellKnownMarkings.Tlp1WhiteId} is TLP:WHITE, so definition.tlp must be 'white'");
    }

    [Fact]
    public void Tlp_2_marking_with_an_unknown_colour_is_rejected()
    {
        var json = JsonNode.Parse(WellKnownMarkings.All[5].GetRawText())!.AsObject();
        json["extensions"]![WellKnownMarkings.Tlp2ExtensionId]!["tlp_2_0"] = "purple";

        ValidationAssert.SingleError(
            json.Validate(),
            $"$.extensions.{WellKnownMarkings.Tlp2ExtensionId}.tlp_2_0",
            "tlp_2_0 must be one of 'amber', 'amber+strict', 'clear', 'green', 'red', found 'purple'");
    }

    [Fact]
    public void Statement_marking_needs_its_statement()
    {
        ValidationAssert.SingleError(
            Minimal("marking-definition").With("definition", new JsonObject { ["text"] = "x" }).Validate(),
            "$.definition",
            "a statement marking's definition must have a string property 'statement'");
    }

    [Fact]
    public void Marking_definition_needs_a_definition_or_an_extension()
    {
        ValidationAssert.SingleError(
            Minimal("marking-definition").Without("definition_type").Without("definition").Validate(),
            "$",
            "a marking-definition must have definition_type and definition, or be defined by an extension in extensions; none is present");
    }

    [Fact]
    public void Marking_definition_must_not_mark_itself()
    {
        var json = Minimal("marking-definition");
        json["object_marking_refs"] = Array(json["id"]!.GetValue<string>());

        ValidationAssert.SingleError(json.Validate(), "$.object_marking_refs[0]", "a marking-definition must not mark itself (object_marking_refs[0] is its own id)");
    }

    [Fact]
    public void Well_known_tlp_2_id_carrying_another_colour_is_rejected()
    {
        var json = JsonNode.Parse(WellKnownMarkings.All[5].GetRawText())!.AsObject();
        json["extensions"]![WellKnownMarkings.Tlp2ExtensionId]!["tlp_2_0"] = "red";

        ValidationAssert.SingleError(
            json.Validate(),
            $"$.extensions.{WellKnownMarkings.Tlp2ExtensionId}.tlp_2_0",
            $"{WellKnownMarkings.Tlp2GreenId} is TLP:GREEN, so tlp_2_0 must be 'green', found 'red'");
    }

    [Fact]
    public void Tlp_2_extension_on_an_unknown_marking_id_is_rejected()
    {
        var json = JsonNode.Parse(WellKnownMarkings.All[5].GetRawText())!.AsObject().With("id", StatementMarkingId);

        ValidationAssert.SingleError(
            json.Validate(),
            "$.id",
            $"the TLP 2.0 extension defines only the five TLP 2.0 markings (TLP:CLEAR, TLP:GREEN, TLP:AMBER, TLP:AMBER+STRICT, TLP:RED with their fixed ids), found id '{StatementMarkingId}'");
    }

    [Fact]
    public void Statement_marking_reusing_a_well_known_id_is_rejected()
    {
        var json = Minimal("marking-definition").With("id", WellKnownMarkings.Tlp1RedId);

        ValidationAssert.SingleError(
            json.Validate(),
            "$.id",
            $"{WellKnownMarkings.Tlp1RedId} is the TLP 1.0 TLP:RED marking, which must be defined with definition_type 'tlp' exactly as in the STIX 2.1 specification");
    }
}
