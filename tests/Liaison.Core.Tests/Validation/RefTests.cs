using static Liaison.Core.Tests.Validation.StixBuilder;

namespace Liaison.Core.Tests.Validation;

public sealed class RefTests
{
    [Fact]
    public void Created_by_ref_to_an_indicator_is_rejected_naming_the_expected_type()
    {
        ValidationAssert.SingleError(
            Minimal("campaign").With("created_by_ref", IndicatorId).Validate(),
            "$.created_by_ref",
            $"created_by_ref must reference an identity, found '{IndicatorId}'");
    }

    [Fact]
    public void Reference_that_is_not_an_identifier_says_why()
    {
        ValidationAssert.SingleError(
            Minimal("campaign").With("created_by_ref", "somebody").Validate(),
            "$.created_by_ref",
            "created_by_ref must be an identifier: 'somebody' is not of the form 'type--UUID' (no '--' separator)");
    }

    [Fact]
    public void Object_marking_refs_must_reference_marking_definitions_at_each_position()
    {
        var result = Minimal("campaign").With("object_marking_refs", Array(StatementMarkingId, IdentityId)).Validate();

        ValidationAssert.SingleError(result, "$.object_marking_refs[1]", $"object_marking_refs[1] must reference a marking-definition, found '{IdentityId}'");
    }

    [Fact]
    public void Where_sighted_refs_accept_identities_and_locations_only()
    {
        ValidationAssert.Valid(Minimal("sighting").With("where_sighted_refs", Array(IdentityId, LocationId)).Validate());
        ValidationAssert.SingleError(
            Minimal("sighting").With("where_sighted_refs", Array(ThreatActorId)).Validate(),
            "$.where_sighted_refs[0]",
            $"where_sighted_refs[0] must reference an identity or a location, found '{ThreatActorId}'");
    }

    [Theory]
    [InlineData("relationship--4e5f6a7b-8c9d-4e0f-9a1b-2c3d4e5f6a7b")]
    [InlineData("ipv4-addr--6a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d")]
    [InlineData("marking-definition--0e1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b")]
    public void Sighting_of_ref_must_reference_an_sdo(string target)
    {
        ValidationAssert.SingleError(
            Minimal("sighting").With("sighting_of_ref", target).Validate(),
            "$.sighting_of_ref",
            $"sighting_of_ref must reference an SDO or a custom object, found '{target}'");
    }

    [Fact]
    public void Sighting_of_a_custom_object_is_accepted()
    {
        ValidationAssert.Valid(Minimal("sighting").With("sighting_of_ref", "x-strike-assessment--1e2f3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b").Validate());
    }

    [Fact]
    public void Observed_data_refs_must_reference_observed_data()
    {
        ValidationAssert.SingleError(
            Minimal("sighting").With("observed_data_refs", Array(IndicatorId)).Validate(),
            "$.observed_data_refs[0]",
            $"observed_data_refs[0] must reference an observed-data, found '{IndicatorId}'");
    }

    [Fact]
    public void Relationship_links_sdos_and_scos_but_not_sros_or_meta_objects()
    {
        ValidationAssert.Valid(Minimal("relationship").With("target_ref", Ipv4Id).Validate());
        ValidationAssert.SingleError(
            Minimal("relationship").With("target_ref", "sighting--3d4e5f6a-7b8c-4d9e-8f0a-1b2c3d4e5f6a").Validate(),
            "$.target_ref",
            "target_ref must reference an SDO, an SCO or a custom object (not an SRO or a meta object), found 'sighting--3d4e5f6a-7b8c-4d9e-8f0a-1b2c3d4e5f6a'");
    }

    [Fact]
    public void Report_object_refs_accept_any_object_but_a_bundle()
    {
        ValidationAssert.Valid(Minimal("report").With("object_refs", Array(Ipv4Id, StatementMarkingId, "x-acme-widget--2f3a4b5c-6d7e-4f8a-9b0c-1d2e3f4a5b6c")).Validate());
        ValidationAssert.SingleError(
            Minimal("report").With("object_refs", Array("bundle--3e4f5a6b-7c8d-4e9f-8a0b-1c2d3e4f5aa6")).Validate(),
            "$.object_refs[0]",
            "object_refs[0] must reference a STIX object, found 'bundle--3e4f5a6b-7c8d-4e9f-8a0b-1c2d3e4f5aa6'");
    }

    [Fact]
    public void Observed_data_object_refs_must_be_scos_or_sros()
    {
        ValidationAssert.SingleError(
            Minimal("observed-data").With("object_refs", Array(IdentityId)).Validate(),
            "$.object_refs[0]",
            $"object_refs[0] must reference an SCO, a relationship, a sighting or a custom object, found '{IdentityId}'");
    }

    [Fact]
    public void Malware_sample_refs_must_be_files_or_artifacts()
    {
        ValidationAssert.SingleError(
            Minimal("malware").With("sample_refs", Array(Ipv4Id)).Validate(),
            "$.sample_refs[0]",
            $"sample_refs[0] must reference a file or an artifact, found '{Ipv4Id}'");
    }

    [Fact]
    public void Sco_references_are_checked_against_their_target_types()
    {
        ValidationAssert.SingleError(
            Minimal("network-traffic").With("src_ref", FileId).Validate(),
            "$.src_ref",
            $"src_ref must reference an ipv4-addr, an ipv6-addr, a mac-addr or a domain-name, found '{FileId}'");
    }

    [Fact]
    public void Custom_ref_properties_must_hold_identifiers()
    {
        ValidationAssert.SingleError(
            Minimal("identity").With("x_acme_target_refs", Array("nowhere")).Validate(),
            "$.x_acme_target_refs[0]",
            "x_acme_target_refs[0] must be an identifier: 'nowhere' is not of the form 'type--UUID' (no '--' separator)");
    }

    [Fact]
    public void Language_content_must_not_translate_another_language_content()
    {
        ValidationAssert.SingleError(
            Minimal("language-content").With("object_ref", "language-content--9c8b7a6f-5e4d-4c3b-9a2f-1e0d9c8b7a6f").Validate(),
            "$.object_ref",
            "object_ref must reference a STIX object other than language-content, found 'language-content--9c8b7a6f-5e4d-4c3b-9a2f-1e0d9c8b7a6f'");
    }
}
