using System.Text;
using System.Text.Json.Nodes;
using Liaison.Core.Extensions;
using Liaison.Core.Policy;
using Liaison.Core.Stix;
using Liaison.Core.Tests.Extensions;

namespace Liaison.Core.Tests.Policy;

public sealed class SourcePseudonymisationTests
{
    internal static readonly SourcePseudonymisation ForRus = new(Encoding.UTF8.GetBytes("secret of the RUS agreement, 32b"));
    private static readonly SourcePseudonymisation ForUsa = new(Encoding.UTF8.GetBytes("secret of the USA agreement, 32b"));

    [Fact]
    public void Created_by_ref_is_replaced_by_a_pseudonym()
    {
        var strike = PolicyAssert.Succeeds(ForRus.Apply(Examples.StrikeAssessment()));

        Assert.Equal(ForRus.PseudonymFor(Examples.Assessor), (string?)strike["created_by_ref"]);
        Assert.NotEqual(Examples.Assessor, (string?)strike["created_by_ref"]);
    }

    [Fact]
    public void The_assessor_of_a_strike_is_pseudonymised_too()
    {
        var strike = PolicyAssert.Succeeds(ForRus.Apply(Examples.StrikeAssessment()));

        Assert.Equal(strike["created_by_ref"]!.GetValue<string>(), (string?)strike["assessor_ref"]);
    }

    [Fact]
    public void Claim_sources_are_pseudonymised_and_the_same_source_keeps_one_pseudonym()
    {
        var incident = PolicyAssert.Succeeds(ForRus.Apply(Examples.Incident()));

        var claims = incident["extensions"]![LiaisonExtensions.CasualtyClaimsId]!["claims"]!.AsArray();
        var sources = claims.Select(c => (string)c!["source_ref"]!).ToArray();
        Assert.Equal(ForRus.PseudonymFor(Examples.Assessor), sources[0]);
        Assert.Equal(ForRus.PseudonymFor(Examples.Partner), sources[1]);
        Assert.Equal(sources[1], sources[2]);
        Assert.DoesNotContain(Examples.Partner, incident.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_pseudonym_used_travels_as_an_identity_so_no_reference_dangles()
    {
        var result = ForRus.Apply(Examples.Incident());
        PolicyAssert.Succeeds(result);

        var ids = result.Companions.Select(c => (string)c["id"]!).ToArray();
        Assert.Equal([.. new[] { ForRus.PseudonymFor(Examples.Assessor), ForRus.PseudonymFor(Examples.Partner) }.Order(StringComparer.Ordinal)], ids);
        Assert.All(result.Companions, c => Assert.Equal("unknown", (string?)c["identity_class"]));
        Assert.All(result.Companions, c => Assert.Matches("^Source [0-9A-F]{6}$", (string)c["name"]!));
    }

    [Fact]
    public void A_pseudonym_is_a_valid_stix_identity_id_of_version_5()
    {
        var pseudonym = ForRus.PseudonymFor(Examples.Assessor);

        Assert.True(StixId.TryParse(pseudonym, out var id, out _));
        Assert.Equal("identity", id.Value.Type);
        Assert.Equal('5', pseudonym[24]);
    }

    [Fact]
    public void The_same_source_gets_the_same_pseudonym_every_time_for_one_partner()
    {
        var again = new SourcePseudonymisation(Encoding.UTF8.GetBytes("secret of the RUS agreement, 32b"));

        Assert.Equal(ForRus.PseudonymFor(Examples.Assessor), again.PseudonymFor(Examples.Assessor));
    }

    [Fact]
    public void Two_partners_get_different_pseudonyms_for_one_source()
    {
        Assert.NotEqual(ForRus.PseudonymFor(Examples.Assessor), ForUsa.PseudonymFor(Examples.Assessor));
    }

    [Fact]
    public void Two_sources_get_different_pseudonyms()
    {
        Assert.NotEqual(ForRus.PseudonymFor(Examples.Assessor), ForRus.PseudonymFor(Examples.Partner));
    }

    [Fact]
    public void A_pseudonym_is_pinned_by_a_golden_value()
    {
        var secret = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();

        Assert.Equal(Golden, new SourcePseudonymisation(secret).PseudonymFor(Examples.Assessor));
    }

    [Fact]
    public void External_references_keep_no_source_name_url_or_identifier()
    {
        var incident = PolicyAssert.Succeeds(ForRus.Apply(RedactionTests.WithReferences()));

        var text = incident.ToJsonString();
        Assert.DoesNotContain("SANA", text, StringComparison.Ordinal);
        Assert.DoesNotContain("sana.example", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ACME", text, StringComparison.Ordinal);
        var references = incident["external_references"]!.AsArray();
        Assert.All(references, r => Assert.Matches("^Source [0-9A-F]{6}$", (string)r!["source_name"]!));
        Assert.All(references, r => Assert.Matches("^ref-[0-9a-f]{32}$", (string)r!["external_id"]!));
        Assert.NotEqual((string?)references[0]!["external_id"], (string?)references[1]!["external_id"]);
    }

    [Fact]
    public void The_same_external_reference_gets_the_same_pseudonym()
    {
        var first = PolicyAssert.Succeeds(ForRus.Apply(RedactionTests.WithReferences()));
        var second = PolicyAssert.Succeeds(ForRus.Apply(RedactionTests.WithReferences()));

        Assert.True(JsonNode.DeepEquals(first["external_references"], second["external_references"]));
    }

    [Fact]
    public void Cve_references_are_kept()
    {
        var incident = Examples.Incident();
        incident["external_references"] = JsonNode.Parse("""[{ "source_name": "cve", "external_id": "CVE-2016-1234" }]""");

        var result = PolicyAssert.Succeeds(ForRus.Apply(incident));

        Assert.Equal("CVE-2016-1234", (string?)result["external_references"]![0]!["external_id"]);
    }

    [Fact]
    public void The_secret_appears_neither_in_the_output_nor_in_the_transform_text()
    {
        var result = ForRus.Apply(Examples.Incident());

        Assert.DoesNotContain("secret of the RUS", result.Object!.ToJsonString(), StringComparison.Ordinal);
        Assert.All(result.Companions, c => Assert.DoesNotContain("secret of the RUS", c.ToJsonString(), StringComparison.Ordinal));
        Assert.DoesNotContain("secret", ForRus.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_secret_is_misuse()
    {
        Assert.Throws<ArgumentException>(() => new SourcePseudonymisation(new byte[15]));
    }

    [Fact]
    public void The_input_is_never_changed()
    {
        var incident = Examples.Incident();
        var before = incident.DeepClone().AsObject();

        ForRus.Apply(incident);

        PolicyAssert.Unchanged(before, incident);
    }

    // HMAC-SHA256(key 00..1f, "identity\0" + id), first 16 bytes, version 5 and variant bits set (checked with Python's hmac).
    private const string Golden = "identity--46b544f5-676c-5c06-a2fe-277ecaf2cd5c";
}
