using System.Text.Json.Nodes;
using static Liaison.Core.Tests.Validation.StixBuilder;

namespace Liaison.Core.Tests.Validation;

public sealed class ValueTests
{
    [Fact]
    public void Number_where_a_string_is_expected_is_rejected_saying_what_was_found()
    {
        ValidationAssert.SingleError(Minimal("identity").With("name", 42).Validate(), "$.name", "name must be a string, found the number 42");
    }

    [Fact]
    public void Confidence_101_is_rejected_with_the_allowed_range()
    {
        ValidationAssert.SingleError(Minimal("identity").With("confidence", 101).Validate(), "$.confidence", "confidence must be an integer between 0 and 100 inclusive, found 101");
    }

    [Fact]
    public void Confidence_with_a_fraction_is_rejected()
    {
        ValidationAssert.SingleError(Minimal("identity").With("confidence", 50.5).Validate(), "$.confidence", "confidence must be an integer, found the number 50.5");
    }

    [Fact]
    public void Empty_list_is_rejected()
    {
        ValidationAssert.SingleError(
            Minimal("identity").With("labels", Array()).Validate(),
            "$.labels",
            "labels must not be an empty list (STIX forbids empty lists; omit the property instead)");
    }

    [Fact]
    public void Every_list_element_must_have_the_right_type()
    {
        ValidationAssert.SingleError(Minimal("identity").With("labels", Array("a", 2)).Validate(), "$.labels[1]", "labels[1] must be a string, found the number 2");
    }

    [Fact]
    public void Revoked_must_be_a_boolean()
    {
        ValidationAssert.SingleError(Minimal("identity").With("revoked", "yes").Validate(), "$.revoked", "revoked must be a boolean (true or false), found the string 'yes'");
    }

    [Fact]
    public void Null_value_is_rejected()
    {
        ValidationAssert.SingleError(
            Minimal("identity").With("description", null).Validate(),
            "$.description",
            "description must not be null (STIX has no null values; omit the property instead)");
    }

    [Fact]
    public void Closed_vocabulary_value_must_be_listed()
    {
        ValidationAssert.SingleError(
            Minimal("opinion").With("opinion", "maybe").Validate(),
            "$.opinion",
            "opinion must be one of 'agree', 'disagree', 'neutral', 'strongly-agree', 'strongly-disagree', found 'maybe'");
    }

    [Fact]
    public void Reserved_property_name_is_rejected()
    {
        ValidationAssert.SingleError(Minimal("indicator").With("severity", "high").Validate(), "$.severity", "property name 'severity' is reserved by STIX 2.1 and must not be used");
    }

    [Fact]
    public void Custom_property_name_must_follow_the_naming_rules()
    {
        ValidationAssert.SingleError(Minimal("identity").With("x_Acme", 1).Validate(), "$.x_Acme", "property name 'x_Acme' may contain only a-z, 0-9 and '_', not 'A'");
    }

    [Fact]
    public void Custom_properties_are_accepted()
    {
        ValidationAssert.Valid(Minimal("identity").With("x_acme_rank", 3).With("x_acme_tags", Array("a")).Validate());
    }

    [Fact]
    public void Custom_hex_property_must_hold_hex()
    {
        ValidationAssert.SingleError(
            Minimal("identity").With("x_acme_digest_hex", "xyz").Validate(),
            "$.x_acme_digest_hex",
            "x_acme_digest_hex must be an even number of hexadecimal digits (the '_hex' suffix says so), found the string 'xyz'");
    }

    [Fact]
    public void External_reference_without_source_name_is_rejected_at_its_position()
    {
        var result = Minimal("vulnerability").With("external_references", Array(new JsonObject { ["url"] = "https://example.org" })).Validate();

        ValidationAssert.SingleError(result, "$.external_references[0]", "required property 'source_name' is missing (each external reference must have it)");
    }

    [Fact]
    public void External_reference_needs_a_description_url_or_external_id()
    {
        var result = Minimal("vulnerability").With("external_references", Array(new JsonObject { ["source_name"] = "vendor" })).Validate();

        ValidationAssert.SingleError(result, "$.external_references[0]", "each external reference must have at least one of description, url, external_id; none is present");
    }

    [Theory]
    [InlineData("cve", "CVE-16-1234", "CVE-2016-1234")]
    [InlineData("capec", "CAPEC-x", "CAPEC-163")]
    public void Cve_and_capec_references_need_well_formed_ids(string source, string bad, string example)
    {
        var result = Minimal("vulnerability").With("external_references", Array(new JsonObject { ["source_name"] = source, ["external_id"] = bad })).Validate();

        ValidationAssert.SingleError(result, "$.external_references[0].external_id", $"external_id of a '{source}' reference must look like '{example}', found '{bad}'");
    }

    [Fact]
    public void Kill_chain_phase_needs_a_phase_name()
    {
        var result = Minimal("attack-pattern").With("kill_chain_phases", Array(new JsonObject { ["kill_chain_name"] = "mitre-attack" })).Validate();

        ValidationAssert.SingleError(result, "$.kill_chain_phases[0]", "required property 'phase_name' is missing (each kill chain phase must have it)");
    }

    [Fact]
    public void Known_hash_algorithm_digest_must_have_the_right_length()
    {
        var result = Minimal("file").With("hashes", new JsonObject { ["MD5"] = "1234" }).Validate();

        ValidationAssert.SingleError(result, "$.hashes.MD5", "MD5 hash must be 32 hexadecimal digits, found '1234'");
    }

    [Fact]
    public void Custom_hash_algorithm_names_are_accepted()
    {
        ValidationAssert.Valid(Minimal("file").With("hashes", new JsonObject { ["x_acme_hash"] = "abc" }).Validate());
    }

    [Fact]
    public void Malware_family_must_be_named()
    {
        ValidationAssert.SingleError(Minimal("malware").With("is_family", true).Validate(), "$", "a malware family (is_family true) must have a name");
    }

    [Fact]
    public void Observed_data_must_not_have_both_objects_and_object_refs()
    {
        var result = Minimal("observed-data").With("objects", new JsonObject { ["0"] = new JsonObject { ["type"] = "ipv4-addr", ["value"] = "198.51.100.1" } }).Validate();

        ValidationAssert.SingleError(result, "$", "observed-data must have object_refs or the deprecated objects, not both");
    }

    [Fact]
    public void Malware_analysis_needs_a_result_or_analysis_sco_refs()
    {
        ValidationAssert.SingleError(Minimal("malware-analysis").Without("result").Validate(), "$", "every malware-analysis must have at least one of result, analysis_sco_refs; none is present");
    }

    [Fact]
    public void Lang_must_be_a_language_tag()
    {
        ValidationAssert.Valid(Minimal("identity").With("lang", "fr-CA").Validate());
        ValidationAssert.SingleError(
            Minimal("identity").With("lang", "French").Validate(),
            "$.lang",
            "lang must be an RFC 5646 language tag (e.g. 'en', 'fr-CA', 'zh-Hant'), found 'French'");
    }
}
