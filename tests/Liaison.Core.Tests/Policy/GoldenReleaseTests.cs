using System.Text.Json;
using System.Text.Json.Nodes;
using Liaison.Core.Extensions;
using Liaison.Core.Policy;
using Liaison.Core.Tests.Extensions;
using Liaison.Core.Validation;

namespace Liaison.Core.Tests.Policy;

/// <summary>The seed's case: what the RUS clause releases of a French strike assessment, an incident and a location.</summary>
public sealed class GoldenReleaseTests
{
    internal static readonly TransformSet RusClause = new(
    [
        Redaction.Of("platform", "munition", "x_internal_ticket", "civilian_harm.description",
            $"extensions['{LiaisonExtensions.CasualtyClaimsId}'].claims[*].quote", "street_address"),
        new LocationCoarsening(10),
        new TimeRounding(TimeGranularity.Hour),
        SourcePseudonymisation(),
        new MarkingAddition([WellKnownMarkings.Tlp2AmberId], [ReleasabilityMarking.RelTo("FRA", "RUS")]),
    ]);

    [Fact]
    public void A_strike_assessment_is_released_as_agreed()
    {
        var result = RusClause.Apply(Examples.StrikeAssessment());

        AssertGolden(StrikeAfter, PolicyAssert.Succeeds(result));
        Assert.Equal(2, result.Companions.Count);
    }

    [Fact]
    public void An_incident_with_claims_is_released_as_agreed()
    {
        var result = RusClause.Apply(Examples.Incident());

        AssertGolden(IncidentAfter, PolicyAssert.Succeeds(result));
        Assert.Equal(3, result.Companions.Count);
    }

    [Fact]
    public void A_protected_site_is_released_coarsened()
    {
        var result = RusClause.Apply(Examples.ProtectedSite());

        AssertGolden(SiteAfter, PolicyAssert.Succeeds(result));
    }

    [Fact]
    public void The_companions_of_a_release_are_valid_stix()
    {
        var result = RusClause.Apply(Examples.Incident());

        Assert.All(result.Companions, c => PolicyAssert.Valid(c));
    }

    [Fact]
    public void A_clause_that_fails_stops_at_the_failing_step()
    {
        var clause = new TransformSet([Redaction.Of("assessor_ref"), new MarkingAddition([WellKnownMarkings.Tlp2RedId])]);

        var error = PolicyAssert.Fails(clause.Apply(Examples.StrikeAssessment()));

        Assert.Equal("redact", error.Transform);
    }

    internal static SourcePseudonymisation SourcePseudonymisation() => SourcePseudonymisationTests.ForRus;

    private static void AssertGolden(string expected, JsonObject actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), actual.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

    private const string StrikeAfter = """
        {
          "type": "x-liaison-strike-assessment", "spec_version": "2.1",
          "id": "x-liaison-strike-assessment--22f5d4b4-6e42-485b-ae40-5bf9db18164c",
          "created": "2015-12-14T18:00:00.000Z", "modified": "2015-12-14T18:00:00.000Z",
          "created_by_ref": "identity--bd6532e7-4cf5-5ad4-aa1c-bc43c086b1f7", "confidence": 70,
          "name": "Strike on a tanker convoy", "description": "Six tanker trucks hit at a fuel loading point.",
          "strike_time": "2015-12-13T21:00:00Z", "strike_time_precision": "hour",
          "location_ref": "location--0edda6fb-ff85-40fa-bf72-9b63b0113ef3", "target_category": "oil-transport", "assessed_effect": "destroyed",
          "civilian_harm": { "assessment": "possible", "injured": 2 },
          "assessor_ref": "identity--bd6532e7-4cf5-5ad4-aa1c-bc43c086b1f7",
          "extensions": { "extension-definition--4e561719-7d4f-4012-a48f-6313c0e343a4": { "extension_type": "new-sdo" } },
          "object_marking_refs": ["marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421", "marking-definition--1506538e-d5f2-5c94-8295-6aeadd65a8a7"]
        }
        """;
    private const string IncidentAfter = """
        {
          "type": "incident", "spec_version": "2.1",
          "id": "incident--81847e12-93e2-44c6-a0db-23cf385deff8",
          "created": "2015-12-15T08:00:00.000Z", "modified": "2015-12-15T08:00:00.000Z",
          "name": "Rockets on Suqaylabiyah",
          "extensions": {
            "extension-definition--12527e46-6eea-4d1b-8e04-4c04d130a1dc": {
              "extension_type": "property-extension",
              "event_time": "2015-12-14T00:00:00Z", "event_time_precision": "day",
              "location_ref": "location--0edda6fb-ff85-40fa-bf72-9b63b0113ef3",
              "claims": [
                { "source_ref": "identity--bd6532e7-4cf5-5ad4-aa1c-bc43c086b1f7", "killed": 2, "injured": 8,
                  "reported_at": "2015-12-14T00:00:00Z", "reported_at_precision": "day",
                  "report_ref": "report--099d5ac9-64ad-4123-9cbc-80656c206d46", "credibility": 3 },
                { "source_ref": "identity--79c24301-b0c6-5195-989f-1a68147b4c1a", "injured": 25,
                  "reported_at": "2015-12-14T00:00:00Z", "reported_at_precision": "day" },
                { "source_ref": "identity--79c24301-b0c6-5195-989f-1a68147b4c1a", "injured_text": "plusieurs",
                  "reported_at": "2015-12-14T00:00:00Z", "reported_at_precision": "hour" }
              ]
            }
          },
          "object_marking_refs": ["marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421", "marking-definition--1506538e-d5f2-5c94-8295-6aeadd65a8a7"]
        }
        """;
    private const string SiteAfter = """
        {
          "type": "location", "spec_version": "2.1",
          "id": "location--0eb9a70e-ed70-4b27-8ee2-b98b8f8c5f65",
          "created": "2015-12-15T08:00:00.000Z", "modified": "2015-12-15T08:00:00.000Z",
          "name": "Field hospital", "latitude": 35.1998, "longitude": 36.406966, "precision": 10000,
          "extensions": {
            "extension-definition--5f235251-9b36-405d-83d4-5b964461fd20": {
              "extension_type": "property-extension", "category": "hospital", "radius_m": 300,
              "valid_from": "2015-12-01T00:00:00Z", "valid_until": "2016-03-01T00:00:00Z"
            }
          },
          "object_marking_refs": ["marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421", "marking-definition--1506538e-d5f2-5c94-8295-6aeadd65a8a7"]
        }
        """;
}
