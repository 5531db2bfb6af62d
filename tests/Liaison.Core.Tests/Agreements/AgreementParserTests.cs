using Liaison.Core.Agreements;
using Liaison.Core.Validation;

namespace Liaison.Core.Tests.Agreements;

public sealed class AgreementParserTests
{
    [Fact]
    public void The_seed_agreement_reads_into_its_clauses()
    {
        var agreement = AgreementParser.Parse(SeedAgreements.FranceToRussia);

        Assert.Equal("RUS", agreement.Partner);
        Assert.Equal(1, agreement.Version);
        Assert.Equal(ReferenceHandling.Drop, agreement.References);
        Assert.Equal(["strike-assessments", "group-positions", "groups"], agreement.Release.Select(c => c.Name));
        var strikes = agreement.Release[0];
        Assert.Equal(ApprovalMode.Manual, strikes.Approval);
        Assert.Equal(["platform", "munition", "x_internal_ticket"], strikes.Redactions.Select(p => p.Text));
        Assert.Equal(10, strikes.PrecisionKm);
        Assert.Equal(TimeSpan.FromHours(6), strikes.Delay);
        Assert.Equal(["strike_time", "modified"], strikes.TimeReference);
        Assert.True(strikes.PseudonymiseSources);
        Assert.Equal([WellKnownMarkings.Tlp2AmberId, Core.Policy.ReleasabilityMarking.RelTo("FRA", "RUS").Id], strikes.AddMarkings.Select(m => m.AddedId));
        var positions = agreement.Release[1];
        Assert.Equal(50, positions.Selector.MinConfidence);
        Assert.Equal(35.0, positions.Selector.Region!.Value.MinLongitude);
        Assert.Equal(ApprovalMode.Auto, positions.Approval);
        Assert.Contains("x-liaison-strike-assessment", agreement.Accept.Kinds);
        Assert.Equal(SeedAgreements.FranceToRussia, agreement.SourceText);
    }

    [Fact]
    public void An_unnamed_clause_is_named_by_its_position()
    {
        var agreement = AgreementParser.Parse("partner: FRA\nversion: 2\nrelease:\n  - kinds: [incident]\n  - kinds: [location]\n");

        Assert.Equal(["release[0]", "release[1]"], agreement.Release.Select(c => c.Name));
        Assert.Empty(agreement.Accept.Kinds);
    }

    [Theory]
    [InlineData("partner: RUS\nversion: 1\nrelease:\n  - kinds: [incident]\n    redcat: [name]\n", 5, 5, "release[0]", "unknown key 'redcat'")]
    [InlineData("partner: RUS\nversion: 1\nrelease:\n  - kinds: [incident]\n    location: { precision_km: 0 }\n", 5, 31, "release[0].location.precision_km", "'0' is not a number from 0.01 to 10000")]
    [InlineData("partner: RUS\nversion: 1\nrelease:\n  - name: x\n", 4, 5, "release[0]", "'kinds' is required")]
    [InlineData("partner: RUS\nversion: 1\nrelease:\n  - kinds: [incidnet]\n", 4, 13, "release[0].kinds", "'incidnet' is not a STIX 2.1 type")]
    [InlineData("partner: RUS\nversion: 1\nrelease:\n  - kinds: [incident]\n    markings: [TLP:PURPLE]\n", 5, 16, "release[0].markings", "'TLP:PURPLE' is not a marking")]
    [InlineData("partner: rus\nversion: 1\n", 1, 10, "partner", "'rus' is not a partner code")]
    [InlineData("partner: RUS\nversion: 0\n", 2, 10, "version", "'0' is not a whole number from 1")]
    [InlineData("version: 1\n", 1, 1, "$", "'partner' is required")]
    [InlineData("partner: RUS\nversion: 1\nrelease:\n  - kinds: [incident]\n    redact: [\"a..b\"]\n", 5, 14, "release[0].redact", "a..b")]
    [InlineData("partner: RUS\nversion: 1\nrelease:\n  - kinds: [incident]\n    time: { delay: 6 }\n", 5, 20, "release[0].time.delay", "'6' is not a duration")]
    [InlineData("partner: RUS\nversion: 1\nrelease:\n  - kinds: [incident]\n    time: { round: 1h, delay: 6h, precise_after: 2h }\n", 5, 50, "release[0].time.precise_after", "must be longer than delay")]
    [InlineData("partner: RUS\nversion: 1\nrelease:\n  - kinds: [incident]\n    time: { precise_after: 2h }\n", 5, 28, "release[0].time.precise_after", "has neither")]
    [InlineData("partner: RUS\nversion: 1\nrelease:\n  - kinds: [x-liaison-receipt]\n", 4, 13, "release[0].kinds", "exchanged by the ledger")]
    [InlineData("partner: RUS\nversion: 1\nrelease:\n  - kinds: [incident]\n    region: { bbox: [1, 2, 3] }\n", 5, 21, "release[0].region.bbox", "four numbers")]
    [InlineData("partner: RUS\nversion: 1\nreferences: keep\n", 3, 13, "references", "'keep' is not one of drop, hold")]
    [InlineData("partner: RUS\nversion: 1\nrelease:\n  - name: a\n    kinds: [incident]\n  - name: a\n    kinds: [location]\n", 6, 5, "release[1].name", "used twice")]
    [InlineData("partner: RUS\nversion: 1\naccept: [incident]\n", 3, 9, "accept", "expected a mapping")]
    [InlineData("partner: RUS\n  version: 1\n", 2, 10, "$", "not valid YAML")]
    public void A_mistake_is_reported_with_line_column_path_and_reason(string yaml, int line, int column, string path, string message)
    {
        Assert.False(AgreementParser.TryParse(yaml, out var agreement, out var errors));

        Assert.Null(agreement);
        var error = errors.FirstOrDefault(e => e.Message.Contains(message, StringComparison.Ordinal));
        Assert.True(error is not null, $"no error mentions \"{message}\": {string.Join(" | ", errors)}");
        Assert.Equal((line, column, path), (error.Line, error.Column, error.Path));
    }

    [Fact]
    public void Every_problem_is_reported_not_only_the_first()
    {
        var exception = Assert.Throws<AgreementException>(() => AgreementParser.Parse(
            "partner: RUS\nversion: x\nrelease:\n  - kinds: [incident]\n    approval: maybe\n    min_confidence: 101\n"));

        Assert.Equal(["version", "release[0].approval", "release[0].min_confidence"], exception.Errors.Select(e => e.Path));
        Assert.Contains("line 5, column 15", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_beyond_the_size_limit_is_refused_before_parsing()
    {
        var huge = "partner: RUS\nversion: 1\n# " + new string('x', AgreementParser.MaximumLength);

        Assert.False(AgreementParser.TryParse(huge, out _, out var errors));
        Assert.Contains("at most", Assert.Single(errors).Message, StringComparison.Ordinal);
    }
}
