using System.Text.Json.Nodes;
using CsCheck;
using Liaison.Core.Agreements;
using Liaison.Core.Extensions;
using Liaison.Core.Geo;
using Liaison.Core.Policy;
using Liaison.Core.Tests.Extensions;
using Liaison.Core.Tests.Policy;
using Liaison.Core.Validation;

namespace Liaison.Core.Tests.Agreements;

/// <summary>
/// Random objects × random agreements: what leaves holds no redacted path, no coordinate finer than the clause, no
/// kind the clause does not name, no reference to an unreleased object and no internal id at all.
/// </summary>
public sealed class ReleasePropertyTests
{
    private static readonly DateTimeOffset Now = new(2016, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly StixValidator Validator = new(LiaisonExtensions.Instance);

    private static readonly string[] KindPool =
    [
        "x-liaison-strike-assessment", "strike-assessment", "incident", "casualty-claims", "identity", "person-of-interest",
        "location", "intrusion-set", "sighting", "x-liaison-activity-notice", "protected-site",
    ];

    private static readonly string[] RedactPool =
    [
        "description", "platform", "munition", "x_internal_ticket", "civilian_harm.description", "external_references",
        "street_address", "confidence", "labels",
    ];

    private static readonly Func<JsonObject>[] Objects =
    [
        Examples.StrikeAssessment, Examples.Incident, Examples.PersonOfInterest, Examples.ActivityNotice, Examples.ProtectedSite,
        () => ReleasePolicyTests.IntrusionSet(80), RedactionTests.WithReferences,
        () =>
        {
            var location = RedactionTests.Location();
            location["street_address"] = "1 rue de la Paix";
            return location;
        },
        () => JsonNode.Parse($$"""
            { "type": "sighting", "spec_version": "2.1", "id": "sighting--6b0a2a1e-0f58-4c5e-9a57-7b7c4f2b1f10",
              "created": "2015-12-14T18:12:00.000Z", "modified": "2015-12-14T18:12:00.000Z", "created_by_ref": "{{Examples.Assessor}}",
              "sighting_of_ref": "{{Examples.Group}}", "where_sighted_refs": ["{{Examples.Place}}"], "description": "Convoy seen" }
            """)!.AsObject(),
    ];

    // Every internal id the objects hold, their own and those they reference.
    private static readonly string[] InternalIds = Objects.SelectMany(make => Ids(make())).Distinct().ToArray();

    private static readonly Gen<string> Clause =
        Gen.Select(
            Gen.Int[0, KindPool.Length - 1].HashSet[1, 4],
            Gen.Int[0, RedactPool.Length - 1].HashSet[0, 4],
            Gen.Double[0.5, 200].Select(d => Math.Round(d, 2)),
            Gen.Bool,
            Gen.Int[0, 3],
            Gen.Bool)
        .Select((kinds, redact, km, coarsen, round, pseudonymise) =>
            $"  - kinds: [{string.Join(", ", kinds.Select(k => KindPool[k]))}]\n"
            + (redact.Count > 0 ? $"    redact: [{string.Join(", ", redact.Select(r => RedactPool[r]))}]\n" : "")
            + (coarsen ? $"    location: {{ precision_km: {km.ToString(System.Globalization.CultureInfo.InvariantCulture)} }}\n" : "")
            + (round > 0 ? $"    time: {{ round: {new[] { "", "1m", "1h", "1d" }[round]} }}\n" : "")
            + (pseudonymise ? "    sources: pseudonymise\n" : ""));

    private static readonly Gen<string> AgreementText =
        Gen.Select(Clause.Array[1, 3], Gen.Bool)
            .Select((clauses, hold) => $"partner: RUS\nversion: 1\nreferences: {(hold ? "hold" : "drop")}\nrelease:\n{string.Join("", clauses)}");

    [Fact]
    public void Nothing_leaves_that_the_agreement_does_not_allow()
    {
        Gen.Select(AgreementText, Gen.Int[0, Objects.Length - 1], Gen.Int[0, (1 << InternalIds.Length) - 1]).Sample(
            (yaml, which, releasedMask) =>
            {
                var policy = new ReleasePolicy(AgreementParser.Parse(yaml), ReleasePolicyTests.Secret);
                var source = Objects[which]();
                var element = PolicyAssert.ToElement(source);
                var point = source["latitude"] is { } lat ? new GeoPoint(lat.GetValue<double>(), source["longitude"]!.GetValue<double>()) : (GeoPoint?)null;
                var candidate = new ReleaseCandidate(element, point is { } p ? [p] : [], null, new HashSet<string>(), null);
                var decision = policy.Decide(candidate, Now);
                var kinds = ObjectKinds.Of(element);
                if (!policy.Agreement.Release.Any(c => kinds.Any(c.Selector.Kinds.Contains)))
                {
                    Assert.Equal(ReleaseOutcome.Denied, decision.Outcome);
                }

                if (decision.Outcome == ReleaseOutcome.Denied)
                {
                    return;
                }

                Assert.True(kinds.Any(decision.Clause!.Selector.Kinds.Contains), $"{string.Join("/", kinds)} released by a clause for {string.Join(", ", decision.Clause.Selector.Kinds)}");
                if (kinds.Contains(ObjectKinds.PersonOfInterest))
                {
                    Assert.Contains(ObjectKinds.PersonOfInterest, decision.Clause.Selector.Kinds);
                }

                var released = InternalIds.Where((_, i) => (releasedMask & (1 << i)) != 0).ToHashSet(StringComparer.Ordinal);
                var built = new ReleaseBuilder(policy, Validator).Build(decision, element, id => released.Contains(id) ? policy.Ids.For(id) : null, null);
                if (built.Released is not { } output)
                {
                    return;
                }

                var text = output.ToJsonString() + string.Concat(built.Companions.Select(c => c.ToJsonString()));
                foreach (var id in InternalIds)
                {
                    Assert.DoesNotContain(id, text, StringComparison.Ordinal);
                }

                PolicyAssert.Valid(output);
                foreach (var path in decision.Clause.Redactions)
                {
                    Assert.False(SanitisationPropertyTests.Holds(output, path), $"{path} is still in {output.ToJsonString()}");
                }

                var companions = built.Companions.Select(c => (string)c["id"]!).ToHashSet(StringComparer.Ordinal);
                var allowed = released.Select(policy.Ids.For).Concat(companions).Append((string)output["id"]!).ToHashSet(StringComparer.Ordinal);
                foreach (var reference in References(output))
                {
                    Assert.True(allowed.Contains(reference) || WellKnownMarkings.IsWellKnown(reference) || reference.StartsWith("extension-definition--", StringComparison.Ordinal),
                        $"{reference} was not released");
                }

                if (point is { } original && decision.Clause.PrecisionKm is { } km)
                {
                    var cell = new LocationCoarsening(km).Snap(original);
                    Assert.Equal(cell.Centre.Latitude, output["latitude"]!.GetValue<double>(), 6);
                    Assert.Equal(cell.Centre.Longitude, output["longitude"]!.GetValue<double>(), 6);
                    Assert.True(output["precision"]!.GetValue<double>() >= km * 1000);
                }
            },
            iter: 2_000);
    }

    [Fact]
    public void The_same_point_released_twice_gives_the_same_cell()
    {
        Gen.Select(Gen.Double[-89.9, 89.9], Gen.Double[-180, 179.999], Gen.Double[0.5, 300]).Sample(
            (lat, lon, km) =>
            {
                var policy = new ReleasePolicy(AgreementParser.Parse(
                    $"partner: RUS\nversion: 1\nrelease:\n  - kinds: [location]\n    location: {{ precision_km: {km.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} }}\n"), ReleasePolicyTests.Secret);
                var builder = new ReleaseBuilder(policy, Validator);
                JsonNode Release(string modified)
                {
                    var location = RedactionTests.Location();
                    location["latitude"] = lat;
                    location["longitude"] = lon;
                    location["modified"] = modified;
                    var element = PolicyAssert.ToElement(location);
                    var decision = policy.Decide(new ReleaseCandidate(element, [new GeoPoint(lat, lon)], null, new HashSet<string>(), null), Now);
                    var output = builder.Build(decision, element, policy.Ids.For, null).Released!;
                    return new JsonArray(output["latitude"]!.DeepClone(), output["longitude"]!.DeepClone());
                }

                Assert.True(JsonNode.DeepEquals(Release("2015-12-14T18:00:00.000Z"), Release("2016-01-01T00:00:00.000Z")));
            },
            iter: 1_000);
    }

    private static IEnumerable<string> Ids(JsonNode node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Value is JsonValue v && v.TryGetValue(out string? s) && (p.Key == "id" || p.Key.EndsWith("_ref", StringComparison.Ordinal))
            && !s.StartsWith("extension-definition--", StringComparison.Ordinal) && !WellKnownMarkings.IsWellKnown(s) ? [s] : p.Value is null ? [] : Ids(p.Value)),
        JsonArray a => a.SelectMany(e => e is JsonValue v && v.TryGetValue(out string? s) && s.Contains("--", StringComparison.Ordinal)
            && !WellKnownMarkings.IsWellKnown(s) ? [s] : e is null ? [] : Ids(e)),
        _ => [],
    };

    private static IEnumerable<string> References(JsonNode node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key.EndsWith("_ref", StringComparison.Ordinal) && p.Value is JsonValue v && v.TryGetValue(out string? s) ? [s]
            : p.Key.EndsWith("_refs", StringComparison.Ordinal) && p.Value is JsonArray list ? list.Select(e => (string)e!)
            : p.Value is null ? [] : References(p.Value)),
        JsonArray a => a.SelectMany(e => e is null ? [] : References(e)),
        _ => [],
    };
}
