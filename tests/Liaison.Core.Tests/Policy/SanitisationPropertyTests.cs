using System.Text.Json.Nodes;
using CsCheck;
using Liaison.Core.Extensions;
using Liaison.Core.Policy;
using Liaison.Core.Tests.Extensions;
using Liaison.Core.Validation;

namespace Liaison.Core.Tests.Policy;

/// <summary>Random clauses over the example objects: what comes out is valid STIX and holds nothing redacted.</summary>
public sealed class SanitisationPropertyTests
{
    private static readonly string ClaimsPath = $"extensions['{LiaisonExtensions.CasualtyClaimsId}']";

    private static readonly string[] Pool =
    [
        "description", "name", "platform", "munition", "x_internal_ticket", "confidence", "civilian_harm.description",
        "civilian_harm.killed", "civilian_harm.assessment", "assessor_ref", "created_by_ref", "external_references[*].url",
        "external_references[*].external_id", "external_references", "latitude", "street_address", "country",
        $"{ClaimsPath}.claims[*].quote", $"{ClaimsPath}.claims[*].killed", $"{ClaimsPath}.claims[*].report_ref",
        $"{ClaimsPath}.claims[*].credibility", $"{ClaimsPath}.claims[*].source_ref", $"{ClaimsPath}.event_time_precision",
        $"{ClaimsPath}.location_ref", ClaimsPath, "extensions", "object_marking_refs",
    ];

    private static readonly Func<JsonObject>[] Objects =
    [
        Examples.StrikeAssessment, Examples.Incident, Examples.ProtectedSite, Examples.PersonOfInterest, Examples.ActivityNotice,
        RedactionTests.WithReferences, () =>
        {
            var location = RedactionTests.Location();
            location["country"] = "SY";
            location["street_address"] = "1 rue de la Paix";
            return location;
        },
    ];

    private static readonly Gen<PropertyPath[]> Paths = Gen.Int[0, Pool.Length - 1].HashSet[0, 8].Select(set => set.Select(i => PropertyPath.Parse(Pool[i])).ToArray());

    private static readonly Gen<string> Granularities = Gen.Int[0, 4].Select(i => new[] { "1m", "15m", "1h", "6h", "1d" }[i]);

    [Fact]
    public void A_redaction_either_fails_or_leaves_a_valid_object_without_the_redacted_paths()
    {
        Gen.Select(Paths, Gen.Int[0, Objects.Length - 1]).Sample(
            (paths, which) =>
            {
                var result = new Redaction(paths).Apply(Objects[which]());
                if (!result.IsSuccess)
                {
                    Assert.NotEmpty(result.Errors);
                    return;
                }

                PolicyAssert.Valid(result.Object!);
                foreach (var path in paths)
                {
                    Assert.False(Holds(result.Object!, path), $"{path} is still in {result.Object!.ToJsonString()}");
                }
            },
            iter: 3_000);
    }

    [Fact]
    public void A_full_clause_either_fails_or_leaves_valid_objects_and_companions()
    {
        Gen.Select(Paths, Gen.Int[0, Objects.Length - 1], Gen.Double[0.01, 500], Granularities).Sample(
            (paths, which, km, granularity) =>
            {
                var clause = new TransformSet(
                [
                    new Redaction(paths), new LocationCoarsening(km), new TimeRounding(TimeGranularity.Parse(granularity)),
                    SourcePseudonymisationTests.ForRus, new MarkingAddition([WellKnownMarkings.Tlp2AmberId], [ReleasabilityMarking.RelTo("FRA", "RUS")]),
                ]);
                var input = Objects[which]();
                var before = input.DeepClone();
                var result = clause.Apply(input);
                Assert.True(JsonNode.DeepEquals(before, input));
                if (result.IsSuccess)
                {
                    PolicyAssert.Succeeds(result);
                    var text = result.Object!.ToJsonString();
                    Assert.DoesNotContain(Examples.Assessor, text, StringComparison.Ordinal);
                    Assert.DoesNotContain(Examples.Partner, text, StringComparison.Ordinal);
                }
            },
            iter: 1_000);
    }

    internal static bool Holds(JsonObject stixObject, PropertyPath path)
    {
        var found = false;
        PathVisitor.Visit(stixObject, path, 0, (_, _, _) => found = true);
        return found;
    }
}
