using System.Text.Json;
using System.Text.Json.Nodes;
using Liaison.Core.Agreements;
using Liaison.Core.Geo;
using Liaison.Core.Tests.Extensions;
using Liaison.Core.Tests.Policy;
using Liaison.Core.Validation;

namespace Liaison.Core.Tests.Agreements;

public sealed class ReleasePolicyTests
{
    internal static readonly byte[] Secret = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private static readonly DateTimeOffset Now = new(2015, 12, 20, 12, 0, 0, TimeSpan.Zero);
    private static readonly ReleasePolicy ToRussia = new(AgreementParser.Parse(SeedAgreements.FranceToRussia), Secret);

    internal static ReleaseCandidate Candidate(JsonObject stixObject, string? originator = null, IEnumerable<string>? relTo = null, double? floor = null, params GeoPoint[] points) =>
        new(PolicyAssert.ToElement(stixObject), points, originator, new HashSet<string>(relTo ?? [], StringComparer.Ordinal), floor);

    internal static JsonObject IntrusionSet(int? confidence = null)
    {
        var group = JsonNode.Parse($$"""
            { "type": "intrusion-set", "spec_version": "2.1", "id": "{{Examples.Group}}",
              "created": "2015-12-14T18:00:00.000Z", "modified": "2015-12-14T18:00:00.000Z",
              "name": "Hostile group", "description": "Seen near Raqqa." }
            """)!.AsObject();
        if (confidence is { } c)
        {
            group["confidence"] = c;
        }

        return group;
    }

    [Fact]
    public void What_no_clause_selects_is_denied()
    {
        var decision = ToRussia.Decide(Candidate(Examples.Incident()), Now);

        Assert.Equal(ReleaseOutcome.Denied, decision.Outcome);
        Assert.Null(decision.Transforms);
        Assert.Contains("no clause selects this incident", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_first_clause_that_selects_governs()
    {
        // Confidence 80 inside the region: "group-positions" (second) comes before "groups" (third).
        var located = ToRussia.Decide(Candidate(IntrusionSet(80), points: new GeoPoint(35.9, 39.0)), Now);
        var elsewhere = ToRussia.Decide(Candidate(IntrusionSet(80), points: new GeoPoint(48.85, 2.35)), Now);

        Assert.Equal(("group-positions", ReleaseOutcome.Release), (located.Clause!.Name, located.Outcome));
        Assert.Equal(("groups", ReleaseOutcome.Release), (elsewhere.Clause!.Name, elsewhere.Outcome));
    }

    [Fact]
    public void A_manual_clause_waits_for_approval_after_its_delay()
    {
        var strike = Examples.StrikeAssessment(); // strike_time 2015-12-13T21:40Z

        var early = ToRussia.Decide(Candidate(strike), new DateTimeOffset(2015, 12, 14, 1, 0, 0, TimeSpan.Zero));
        var later = ToRussia.Decide(Candidate(strike), Now);

        Assert.Equal(ReleaseOutcome.Embargoed, early.Outcome);
        Assert.Equal(new DateTimeOffset(2015, 12, 14, 3, 40, 0, TimeSpan.Zero), early.NotBefore);
        Assert.Equal(ReleaseOutcome.AwaitingApproval, later.Outcome);
        Assert.Equal("strike-assessments", later.Clause!.Name);
    }

    [Fact]
    public void TLP_RED_needs_a_clause_that_names_it()
    {
        var red = IntrusionSet(90);
        red["object_marking_refs"] = new JsonArray(WellKnownMarkings.Tlp2RedId);
        var namesRed = new ReleasePolicy(AgreementParser.Parse("partner: RUS\nversion: 1\nrelease:\n  - kinds: [intrusion-set]\n    markings: [TLP:RED]\n"), Secret);

        Assert.Equal(ReleaseOutcome.Denied, ToRussia.Decide(Candidate(red), Now).Outcome);
        Assert.Equal(ReleaseOutcome.Release, namesRed.Decide(Candidate(red), Now).Outcome);
    }

    [Fact]
    public void A_person_of_interest_needs_a_clause_that_names_the_kind()
    {
        var identities = new ReleasePolicy(AgreementParser.Parse("partner: RUS\nversion: 1\nrelease:\n  - kinds: [identity]\n"), Secret);
        var persons = new ReleasePolicy(AgreementParser.Parse("partner: RUS\nversion: 1\nrelease:\n  - kinds: [person-of-interest]\n"), Secret);

        Assert.Equal(ReleaseOutcome.Denied, identities.Decide(Candidate(Examples.PersonOfInterest()), Now).Outcome);
        Assert.Equal(ReleaseOutcome.Release, persons.Decide(Candidate(Examples.PersonOfInterest()), Now).Outcome);
        Assert.Equal(ReleaseOutcome.Release, identities.Decide(Candidate(Examples.SourceReliability()), Now).Outcome);
    }

    [Fact]
    public void What_a_partner_gave_us_never_goes_back_nor_on_without_its_markings_allowing_it()
    {
        var fromRussia = ToRussia.Decide(Candidate(IntrusionSet(), originator: "RUS"), Now);
        var toFrance = new ReleasePolicy(AgreementParser.Parse("partner: FRA\nversion: 1\nrelease:\n  - kinds: [intrusion-set]\n"), Secret);
        var clear = IntrusionSet();
        clear["object_marking_refs"] = new JsonArray(WellKnownMarkings.Tlp2ClearId);

        Assert.Contains("never sent back", fromRussia.Reason, StringComparison.Ordinal);
        Assert.Equal(ReleaseOutcome.Denied, toFrance.Decide(Candidate(IntrusionSet(), originator: "USA"), Now).Outcome);
        Assert.Equal(ReleaseOutcome.Release, toFrance.Decide(Candidate(IntrusionSet(), originator: "USA", relTo: ["FRA", "USA"]), Now).Outcome);
        Assert.Equal(ReleaseOutcome.Release, toFrance.Decide(Candidate(clear, originator: "USA"), Now).Outcome);
    }

    [Fact]
    public void Ledger_objects_are_never_released_by_a_clause()
    {
        Assert.Contains("ledger", ToRussia.Decide(Candidate(Examples.Receipt()), Now).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("labels: [hostile]", false)]
    [InlineData("labels: [hostile, group]", true)]
    [InlineData("min_confidence: 81", false)]
    [InlineData("min_confidence: 80", true)]
    [InlineData("max_age: 5d", false)]
    [InlineData("max_age: 6d", true)]
    [InlineData("require_markings: [TLP:GREEN, \"REL TO FRA, RUS\"]", false)]
    [InlineData("require_markings: [TLP:GREEN]", true)]
    [InlineData("markings: [TLP:AMBER, TLP:CLEAR]", false)]
    [InlineData("markings: [TLP:AMBER, TLP:GREEN]", true)]
    [InlineData("region: { bbox: [30, 30, 35, 40] }", false)]
    [InlineData("region: { bbox: [38, 35, 40, 37] }", true)]
    public void Each_condition_narrows_the_selection(string condition, bool selected)
    {
        var group = IntrusionSet(80);
        group["labels"] = new JsonArray("group");
        group["object_marking_refs"] = new JsonArray(WellKnownMarkings.Tlp1GreenId);
        var policy = new ReleasePolicy(AgreementParser.Parse($"partner: RUS\nversion: 1\nrelease:\n  - kinds: [intrusion-set]\n    {condition}\n"), Secret);

        var decision = policy.Decide(Candidate(group, points: new GeoPoint(35.9, 39.0)), Now);

        Assert.Equal(selected ? ReleaseOutcome.Release : ReleaseOutcome.Denied, decision.Outcome);
    }

    [Fact]
    public void A_coarser_precision_released_before_is_a_floor()
    {
        var location = RedactionTests.Location();
        location["confidence"] = 60;

        var first = ToRussia.Decide(Candidate(location, points: new GeoPoint(35.5, 36.6)), Now);
        var after = ToRussia.Decide(Candidate(location, floor: 25, points: new GeoPoint(35.5, 36.6)), Now);
        var released = after.Transforms!.Apply(PolicyAssert.ToElement(location)).Object!;

        Assert.Equal(5, first.PrecisionKm);
        Assert.Equal(25, after.PrecisionKm);
        Assert.Equal(25_000, released["precision"]!.GetValue<double>());
    }

    [Fact]
    public void A_graduated_clause_goes_precise_after_its_time()
    {
        var policy = new ReleasePolicy(AgreementParser.Parse(
            "partner: RUS\nversion: 1\nrelease:\n  - kinds: [location]\n    location: { precision_km: 10 }\n    time: { precise_after: 30d }\n"), Secret);
        var location = RedactionTests.Location(); // modified 2015-12-14T18:00Z

        var coarse = policy.Decide(Candidate(location), Now);
        var precise = policy.Decide(Candidate(location), Now.AddDays(30));

        Assert.False(coarse.IsPrecise);
        Assert.Equal(new DateTimeOffset(2016, 1, 13, 18, 0, 0, TimeSpan.Zero), coarse.PreciseAt);
        Assert.NotEqual(35.123456, coarse.Transforms!.Apply(PolicyAssert.ToElement(location)).Object!["latitude"]!.GetValue<double>());
        Assert.True(precise.IsPrecise);
        Assert.Equal(35.123456, precise.Transforms!.Apply(PolicyAssert.ToElement(location)).Object!["latitude"]!.GetValue<double>());
    }

    [Fact]
    public void Inbound_rules_accept_only_the_kinds_named()
    {
        var accept = AgreementParser.Parse(SeedAgreements.RussiaToFrance).Accept;

        Assert.Null(accept.RejectionReason(PolicyAssert.ToElement(Examples.StrikeAssessment())));
        Assert.Contains("not accepted", accept.RejectionReason(PolicyAssert.ToElement(Examples.Incident())), StringComparison.Ordinal);
        Assert.Contains("persons of interest", accept.RejectionReason(PolicyAssert.ToElement(Examples.PersonOfInterest())), StringComparison.Ordinal);
        Assert.Contains("confidence", accept.RejectionReason(PolicyAssert.ToElement(IntrusionSet(10))), StringComparison.Ordinal);
        Assert.Null(accept.RejectionReason(PolicyAssert.ToElement(Examples.Receipt())));
        Assert.Null(accept.RejectionReason(JsonSerializer.SerializeToElement(IntrusionSet(30))));
    }
}
