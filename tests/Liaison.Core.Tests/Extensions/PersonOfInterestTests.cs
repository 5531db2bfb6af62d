using Liaison.Core.Extensions;

namespace Liaison.Core.Tests.Extensions;

public sealed class PersonOfInterestTests
{
    private const string Ext = LiaisonExtensions.PersonOfInterestId;
    private static readonly string Body = Examples.BodyPath(Ext);

    [Fact]
    public void A_complete_record_is_accepted() => Assert.Empty(Examples.Check(Examples.PersonOfInterest()));

    [Fact]
    public void A_threat_actor_may_carry_it()
    {
        var actor = Examples.PersonOfInterest()
            .Set("type", "\"threat-actor\"")
            .Set("id", "\"threat-actor--6e106a71-9506-4429-9406-adca6a4370ab\"")
            .Set("identity_class", null);
        Assert.Empty(Examples.Check(actor));
    }

    [Fact]
    public void Only_review_by_is_required_besides_the_extension_type()
    {
        var person = Examples.PersonOfInterest();
        var body = Examples.Body(person, Ext);
        foreach (var name in body.Select(p => p.Key).Where(k => k is not ("extension_type" or "review_by")).ToList())
        {
            body.Remove(name);
        }

        Assert.Empty(Examples.Check(person));
    }

    [Theory]
    [InlineData("review_by")]
    [InlineData("extension_type")]
    public void Each_required_property_is_reported_missing_at_its_path(string property)
    {
        var errors = Examples.Check(Examples.PersonOfInterest().Set($"extensions/{Ext}/{property}", null));
        Examples.SingleError(errors, $"{Body}.{property}", $"required property '{property}' is missing");
    }

    [Theory]
    [InlineData("names/0/script", "\"cyrillic\"", ".names[0].script", "is not an ISO 15924 script code")]
    [InlineData("names/0/script", null, ".names[0].script", "required property 'script' is missing")]
    [InlineData("names/1/value", null, ".names[1].value", "required property 'value' is missing")]
    [InlineData("nationalities/0", "\"RUS\"", ".nationalities[0]", "is not an ISO 3166-1 alpha-2 country code")]
    [InlineData("nationalities", "[\"RU\", \"RU\"]", ".nationalities", "item [1] 'RU' repeats item [0]")]
    [InlineData("languages/1", "\"arabic\"", ".languages[1]", "is not a BCP 47 language tag")]
    [InlineData("birth_year", "1850", ".birth_year", "must be at least 1900, not 1850")]
    [InlineData("birth_year", "\"1988\"", ".birth_year", "must be an integer, not a string ('1988')")]
    [InlineData("affiliation_refs/0", "\"identity--86f834a7-790a-48fe-966d-245b75888bc7\"", ".affiliation_refs[0]", "is not the identifier of an intrusion-set or threat-actor object")]
    [InlineData("last_known_location_ref", "\"Raqqa\"", ".last_known_location_ref", "is not the identifier of a location object")]
    [InlineData("review_by", "\"2016-06-15\"", ".review_by", "is not a STIX timestamp")]
    [InlineData("names", "[]", ".names", "must have at least 1 item")]
    [InlineData("aliases", "[\"x\"]", ".aliases", "'aliases' is not a property of the person-of-interest extension")]
    public void Wrong_values_are_rejected_at_their_path_with_a_reason(string location, string? json, string relativePath, string reason)
    {
        var errors = Examples.Check(Examples.PersonOfInterest().Set($"extensions/{Ext}/{location}", json));
        Examples.SingleError(errors, Body + relativePath, reason);
    }

    [Fact]
    public void On_an_identity_the_person_must_be_an_individual()
    {
        var errors = Examples.Check(Examples.PersonOfInterest().Set("identity_class", "\"organization\""));
        Examples.SingleError(errors, "$.identity_class", "must be 'individual'");
    }

    [Fact]
    public void A_transliteration_must_point_at_another_name()
    {
        var errors = Examples.Check(Examples.PersonOfInterest().Set($"extensions/{Ext}/names/1/transliteration_of", "\"Abou Omar\""));
        Examples.SingleError(errors, $"{Body}.names[1].transliteration_of", "'Abou Omar' is not the value of another entry of names");
    }

    [Fact]
    public void It_cannot_extend_a_location()
    {
        var errors = Examples.Check(Examples.PersonOfInterest().Set("type", "\"location\"").Set("identity_class", null));
        Examples.SingleError(errors, Body, "extends 'identity' and 'threat-actor' objects, not 'location'");
    }
}
