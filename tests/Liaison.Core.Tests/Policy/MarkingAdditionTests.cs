using System.Text.Json.Nodes;
using Liaison.Core.Policy;
using Liaison.Core.Tests.Extensions;
using Liaison.Core.Validation;

namespace Liaison.Core.Tests.Policy;

public sealed class MarkingAdditionTests
{
    [Fact]
    public void A_tlp_marking_is_added_to_object_marking_refs()
    {
        var strike = PolicyAssert.Succeeds(new MarkingAddition([WellKnownMarkings.Tlp2AmberId]).Apply(Examples.StrikeAssessment()));

        Assert.Equal([WellKnownMarkings.Tlp2AmberId], strike["object_marking_refs"]!.AsArray().Select(r => (string)r!));
    }

    [Fact]
    public void A_marking_already_present_is_not_repeated_and_the_existing_order_is_kept()
    {
        var strike = Examples.StrikeAssessment();
        strike["object_marking_refs"] = new JsonArray(WellKnownMarkings.Tlp2GreenId, WellKnownMarkings.Tlp2AmberId);
        var addition = new MarkingAddition([WellKnownMarkings.Tlp2AmberId, WellKnownMarkings.Tlp2AmberId, WellKnownMarkings.Tlp2RedId]);

        var marked = PolicyAssert.Succeeds(addition.Apply(strike));

        Assert.Equal([WellKnownMarkings.Tlp2GreenId, WellKnownMarkings.Tlp2AmberId, WellKnownMarkings.Tlp2RedId], marked["object_marking_refs"]!.AsArray().Select(r => (string)r!));
    }

    [Fact]
    public void A_releasability_statement_is_added_with_its_definition()
    {
        var rel = ReleasabilityMarking.RelTo("RUS", "FRA");

        var result = new MarkingAddition([WellKnownMarkings.Tlp2AmberId], [rel]).Apply(Examples.Incident());
        var marked = PolicyAssert.Succeeds(result);

        Assert.Contains(rel.Id, marked["object_marking_refs"]!.AsArray().Select(r => (string)r!));
        var definition = Assert.Single(result.Companions);
        Assert.Equal("REL TO FRA, RUS", (string?)definition["definition"]!["statement"]);
        Assert.Equal(rel.Id, (string?)definition["id"]);
    }

    [Fact]
    public void An_id_that_is_not_a_marking_definition_is_misuse()
    {
        Assert.Throws<ArgumentException>(() => new MarkingAddition([Examples.Assessor]));
    }

    [Fact]
    public void The_input_is_never_changed()
    {
        var strike = Examples.StrikeAssessment();
        var before = strike.DeepClone().AsObject();

        new MarkingAddition([WellKnownMarkings.Tlp2RedId]).Apply(strike);

        PolicyAssert.Unchanged(before, strike);
    }
}
