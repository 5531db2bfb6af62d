using System.Text.Json;
using Liaison.Core.Claims;
using Liaison.Core.Extensions;
using Liaison.Core.Stix;
using Liaison.Core.Tests.Extensions;
using Liaison.Core.Validation;

namespace Liaison.Core.Tests.Claims;

public sealed class IncidentClaimsTests
{
    private static JsonElement Incident() => JsonSerializer.SerializeToElement(Examples.Incident());

    [Fact]
    public void Claims_are_read_as_given_with_their_provenance()
    {
        var claims = IncidentClaims.Read(Incident());

        Assert.Equal(3, claims.Count);
        Assert.Equal(2, claims[0].Killed.Number);
        Assert.Equal(8, claims[0].Injured.Number);
        Assert.Equal(3, claims[0].Credibility);
        Assert.StartsWith("des roquettes", claims[0].Quote, StringComparison.Ordinal);
        Assert.False(claims[1].Killed.IsStated);
        Assert.Equal("plusieurs", claims[2].Injured.Text);
        Assert.Equal(new ClaimProvenance("incident--81847e12-93e2-44c6-a0db-23cf385deff8", "2015-12-15T08:00:00.000Z", null, 2), claims[2].Provenance);
    }

    [Fact]
    public void An_incident_without_the_extension_has_no_claims() =>
        Assert.Empty(IncidentClaims.Read(JsonSerializer.SerializeToElement(new { type = "incident", id = "incident--81847e12-93e2-44c6-a0db-23cf385deff8" })));

    [Fact]
    public void The_reliability_of_a_source_is_read_from_its_identity()
    {
        var identity = JsonSerializer.SerializeToElement(new Dictionary<string, object>
        {
            ["type"] = "identity",
            ["extensions"] = new Dictionary<string, object> { [LiaisonExtensions.SourceReliabilityId] = new { extension_type = "property-extension", reliability = "C" } },
        });
        Assert.Equal('C', IncidentClaims.ReliabilityOf(identity));
        Assert.Null(IncidentClaims.ReliabilityOf(JsonDocument.Parse("""{"type": "identity"}""").RootElement));
    }

    [Fact]
    public void Appending_a_claim_keeps_every_other_claim_and_makes_a_valid_later_version()
    {
        var claim = new CasualtyClaim(Examples.Partner, ReportedFigure.Silent, new ReportedFigure(null, "des dizaines"), StixTimestamp.Parse("2015-12-15T10:00:00Z"), 4, "« des dizaines de blessés »");

        Assert.True(IncidentClaims.TryAppend(Incident(), claim, new DateTimeOffset(2026, 1, 2, 3, 4, 5, 678, TimeSpan.Zero), out var next, out var problem), problem);

        var nextElement = JsonSerializer.SerializeToElement(next);
        var claims = IncidentClaims.Read(nextElement);
        Assert.Equal(4, claims.Count);
        Assert.Equal(IncidentClaims.Read(Incident()).Select(c => IncidentClaims.ToJson(c).ToJsonString()), claims.Take(3).Select(c => IncidentClaims.ToJson(c).ToJsonString()));
        Assert.Equal("des dizaines", claims[3].Injured.Text);
        Assert.Equal("2026-01-02T03:04:05.678Z", next["modified"]!.GetValue<string>());
        Assert.True(new StixValidator(LiaisonExtensions.Instance).Validate(nextElement).IsValid);
    }

    [Fact]
    public void A_clock_behind_the_current_version_still_makes_a_later_version()
    {
        var claim = new CasualtyClaim(Examples.Partner, new ReportedFigure(3, null), ReportedFigure.Silent, StixTimestamp.Parse("2015-12-15T10:00:00Z"));

        Assert.True(IncidentClaims.TryAppend(Incident(), claim, new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), out var next, out _));

        Assert.Equal("2015-12-15T08:00:00.001Z", next["modified"]!.GetValue<string>());
    }

    [Fact]
    public void Only_an_incident_with_the_claims_extension_takes_a_claim()
    {
        var claim = new CasualtyClaim(Examples.Partner, new ReportedFigure(3, null), ReportedFigure.Silent, StixTimestamp.Parse("2015-12-15T10:00:00Z"));
        var bare = JsonSerializer.SerializeToElement(new { type = "incident", id = "incident--81847e12-93e2-44c6-a0db-23cf385deff8", name = "x" });

        Assert.False(IncidentClaims.TryAppend(bare, claim, DateTimeOffset.UnixEpoch, out _, out var problem));
        Assert.Contains("no casualty-claims extension", problem, StringComparison.Ordinal);
        Assert.False(IncidentClaims.TryAppend(JsonSerializer.SerializeToElement(Examples.StrikeAssessment()), claim, DateTimeOffset.UnixEpoch, out _, out problem));
        Assert.Contains("is not an incident", problem, StringComparison.Ordinal);
    }
}
