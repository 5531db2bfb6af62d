using Liaison.Core.Validation;
using static Liaison.Core.Tests.Validation.StixBuilder;

namespace Liaison.Core.Tests.Validation;

/// <summary>Every type of the catalogue: its minimal object passes, and dropping any required property is reported by name.</summary>
public sealed class CatalogueTests
{
    public static TheoryData<string> AllTypes() => new(TypeCatalog.Types.Order(StringComparer.Ordinal));

    public static TheoryData<string, string> RequiredProperties()
    {
        var data = new TheoryData<string, string>();
        foreach (var type in TypeCatalog.Types.Order(StringComparer.Ordinal))
        {
            TypeCatalog.TryGet(type, out var spec);
            foreach (var rule in spec!.Rules.Where(r => r.IsRequired && r.Kind != ValueKind.Special))
            {
                data.Add(type, rule.Name);
            }
        }

        return data;
    }

    [Fact]
    public void Catalogue_covers_every_stix_2_1_object_type()
    {
        string[] expected =
        [
            "attack-pattern", "campaign", "course-of-action", "grouping", "identity", "incident", "indicator", "infrastructure",
            "intrusion-set", "location", "malware", "malware-analysis", "note", "observed-data", "opinion", "report", "threat-actor",
            "tool", "vulnerability", "relationship", "sighting", "artifact", "autonomous-system", "directory", "domain-name",
            "email-addr", "email-message", "file", "ipv4-addr", "ipv6-addr", "mac-addr", "mutex", "network-traffic", "process",
            "software", "url", "user-account", "windows-registry-key", "x509-certificate", "marking-definition", "language-content",
            "extension-definition",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), TypeCatalog.Types.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void Minimal_object_of_every_type_is_accepted(string type) => ValidationAssert.Valid(Minimal(type).Validate());

    [Theory]
    [MemberData(nameof(RequiredProperties))]
    public void Missing_required_property_is_reported_by_name(string type, string property)
    {
        var result = Minimal(type).With(property, null).Without(property).Validate();

        ValidationAssert.HasError(result, "$", $"required property '{property}' is missing (every {type} must have it)");
    }

    [Fact]
    public void Every_sdo_requires_its_name_where_the_spec_does()
    {
        string[] named = ["attack-pattern", "campaign", "course-of-action", "identity", "incident", "infrastructure", "intrusion-set", "report", "threat-actor", "tool", "vulnerability"];
        foreach (var type in named)
        {
            ValidationAssert.HasError(Minimal(type).Without("name").Validate(), "$", "required property 'name' is missing");
        }
    }
}
