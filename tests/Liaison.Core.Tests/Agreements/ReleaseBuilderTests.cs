using System.Text.Json.Nodes;
using Liaison.Core.Agreements;
using Liaison.Core.Extensions;
using Liaison.Core.Geo;
using Liaison.Core.Policy;
using Liaison.Core.Stix;
using Liaison.Core.Tests.Extensions;
using Liaison.Core.Tests.Policy;
using Liaison.Core.Validation;

namespace Liaison.Core.Tests.Agreements;

public sealed class ReleaseBuilderTests
{
    private static readonly DateTimeOffset Now = new(2015, 12, 20, 12, 0, 0, TimeSpan.Zero);
    private static readonly StixValidator Validator = new(LiaisonExtensions.Instance);

    private static JsonObject Sighting() => JsonNode.Parse($$"""
        { "type": "sighting", "spec_version": "2.1", "id": "sighting--6b0a2a1e-0f58-4c5e-9a57-7b7c4f2b1f10",
          "created": "2015-12-14T18:12:00.000Z", "modified": "2015-12-14T18:12:00.000Z", "confidence": 70,
          "created_by_ref": "{{Examples.Assessor}}",
          "sighting_of_ref": "{{Examples.Group}}", "where_sighted_refs": ["{{Examples.Place}}"],
          "first_seen": "2015-12-14T17:00:00Z", "last_seen": "2015-12-14T18:00:00Z" }
        """)!.AsObject();

    private static (ReleasePolicy Policy, ReleaseBuilder Builder) For(string yaml)
    {
        var policy = new ReleasePolicy(AgreementParser.Parse(yaml), ReleasePolicyTests.Secret);
        return (policy, new ReleaseBuilder(policy, Validator));
    }

    private static BuiltRelease Build(ReleasePolicy policy, ReleaseBuilder builder, JsonObject source, Func<string, string?> resolve, StixTimestamp? previous = null, params GeoPoint[] points)
    {
        var decision = policy.Decide(ReleasePolicyTests.Candidate(source, points: points), Now);
        Assert.NotEqual(ReleaseOutcome.Denied, decision.Outcome);
        return builder.Build(decision, PolicyAssert.ToElement(source), resolve, previous);
    }

    [Fact]
    public void References_point_to_released_objects_and_the_rest_are_dropped()
    {
        var (policy, builder) = For("partner: RUS\nversion: 1\nrelease:\n  - kinds: [sighting]\n");
        string? Resolve(string id) => id == Examples.Group ? policy.Ids.For(id) : null;

        var built = Build(policy, builder, Sighting(), Resolve);

        var released = built.Released!;
        PolicyAssert.Valid(released);
        Assert.Equal(policy.Ids.For("sighting--6b0a2a1e-0f58-4c5e-9a57-7b7c4f2b1f10"), (string)released["id"]!);
        Assert.Equal(policy.Ids.For(Examples.Group), (string)released["sighting_of_ref"]!);
        Assert.False(released.ContainsKey("where_sighted_refs"));
        Assert.False(released.ContainsKey("created_by_ref"));
        Assert.Equal([Examples.Assessor, Examples.Place], built.Unresolved.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_object_that_cannot_stand_without_a_dropped_reference_is_held()
    {
        var (policy, builder) = For("partner: RUS\nversion: 1\nrelease:\n  - kinds: [sighting]\n");

        var built = Build(policy, builder, Sighting(), _ => null);

        Assert.True(built.IsHeld);
        Assert.Contains(Examples.Group, built.Unresolved);
    }

    [Fact]
    public void Under_hold_any_missing_reference_holds_the_object()
    {
        var (policy, builder) = For("partner: RUS\nversion: 1\nreferences: hold\nrelease:\n  - kinds: [sighting]\n");

        var built = Build(policy, builder, Sighting(), id => id == Examples.Assessor ? null : policy.Ids.For(id));

        Assert.True(built.IsHeld);
        Assert.Equal([Examples.Assessor], built.Unresolved);
    }

    [Fact]
    public void Pseudonymised_sources_travel_as_companions_and_stay_referenced()
    {
        var (policy, builder) = For("partner: RUS\nversion: 1\nrelease:\n  - kinds: [sighting]\n    sources: pseudonymise\n    add_markings: [\"REL TO FRA, RUS\"]\n");

        var built = Build(policy, builder, Sighting(), policy.Ids.For);

        var creator = (string)built.Released!["created_by_ref"]!;
        Assert.NotEqual(Examples.Assessor, creator);
        Assert.Contains(built.Companions, c => (string)c["id"]! == creator);
        Assert.Contains(built.Companions, c => (string)c["id"]! == ReleasabilityMarking.RelTo("FRA", "RUS").Id);
        Assert.Empty(built.Unresolved);
    }

    [Fact]
    public void A_new_version_that_rounding_would_collapse_onto_the_last_one_moves_past_it()
    {
        var (policy, builder) = For("partner: RUS\nversion: 1\nrelease:\n  - kinds: [intrusion-set]\n    time: { round: 1d }\n");
        var group = ReleasePolicyTests.IntrusionSet();
        group["modified"] = "2015-12-14T19:00:00.000Z";

        var built = Build(policy, builder, group, policy.Ids.For, StixTimestamp.Parse("2015-12-14T00:00:00.000Z"));

        Assert.Equal("2015-12-14T00:00:00.001000Z", (string)built.Released!["modified"]!);
        PolicyAssert.Valid(built.Released!);
    }

    [Fact]
    public void Released_ids_are_stable_per_partner_and_unlinkable_across_partners()
    {
        var rus = new ReleasedIds(ReleasePolicyTests.Secret);
        var other = new ReleasedIds(Enumerable.Range(100, 32).Select(i => (byte)i).ToArray());

        Assert.Equal(rus.For(Examples.Group), rus.For(Examples.Group));
        Assert.NotEqual(rus.For(Examples.Group), other.For(Examples.Group));
        Assert.StartsWith("intrusion-set--", rus.For(Examples.Group), StringComparison.Ordinal);
        Assert.True(StixId.TryParse(rus.For(Examples.Group), out _, out _));
    }

    [Fact]
    public void A_clause_that_breaks_the_object_fails_with_its_reason()
    {
        var (policy, builder) = For("partner: RUS\nversion: 1\nrelease:\n  - kinds: [intrusion-set]\n    redact: [name]\n");

        var built = Build(policy, builder, ReleasePolicyTests.IntrusionSet(), policy.Ids.For);

        Assert.Null(built.Released);
        Assert.False(built.IsHeld);
        Assert.Contains("name", built.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Granular_markings_to_unreleased_definitions_go_whole()
    {
        var (policy, builder) = For("partner: RUS\nversion: 1\nrelease:\n  - kinds: [intrusion-set]\n");
        var group = ReleasePolicyTests.IntrusionSet();
        group["granular_markings"] = JsonNode.Parse($$"""
            [ { "marking_ref": "marking-definition--1b1a0f5e-9a59-4c34-9d5e-3d7f1a7c0c11", "selectors": ["description"] },
              { "marking_ref": "{{WellKnownMarkings.Tlp2AmberId}}", "selectors": ["name"] } ]
            """);

        var built = Build(policy, builder, group, _ => null);

        var remaining = Assert.Single(built.Released!["granular_markings"]!.AsArray());
        Assert.Equal(WellKnownMarkings.Tlp2AmberId, (string)remaining!["marking_ref"]!);
    }

    [Fact]
    public void An_activity_notice_goes_out_as_its_bounding_projection_unless_the_clause_says_exact()
    {
        var (bounding, boundingBuilder) = For("partner: RUS\nversion: 1\nrelease:\n  - kinds: [activity-notice]\n");
        var (exact, exactBuilder) = For("partner: RUS\nversion: 1\nrelease:\n  - kinds: [activity-notice]\n    notices: exact\n");

        var projected = Build(bounding, boundingBuilder, Examples.ActivityNotice(), bounding.Ids.For).Released!;
        var whole = Build(exact, exactBuilder, Examples.ActivityNotice(), exact.Ids.For).Released!;

        PolicyAssert.Valid(projected);
        Assert.DoesNotContain("CHAMMAL", projected.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Palmyra", projected.ToJsonString(), StringComparison.Ordinal);
        Assert.NotEqual("Polygon", (string?)projected["area"]?["type"]);
        Assert.Equal("CHAMMAL-2291", (string)whole["mission"]!);
        Assert.Equal("Polygon", (string)whole["area"]!["type"]!);
    }
}
