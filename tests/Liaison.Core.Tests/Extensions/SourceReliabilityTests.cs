using Liaison.Core.Extensions;

namespace Liaison.Core.Tests.Extensions;

public sealed class SourceReliabilityTests
{
    private const string Ext = LiaisonExtensions.SourceReliabilityId;
    private static readonly string Body = Examples.BodyPath(Ext);

    [Fact]
    public void A_graded_source_is_accepted() => Assert.Empty(Examples.Check(Examples.SourceReliability()));

    [Theory]
    [InlineData("reliability")]
    [InlineData("extension_type")]
    public void Each_required_property_is_reported_missing_at_its_path(string property)
    {
        var errors = Examples.Check(Examples.SourceReliability().Set($"extensions/{Ext}/{property}", null));
        Examples.SingleError(errors, $"{Body}.{property}", $"required property '{property}' is missing");
    }

    [Theory]
    [InlineData("reliability", "\"c\"", ".reliability", "'c' is not one of the allowed values: 'A', 'B', 'C', 'D', 'E', 'F'")]
    [InlineData("reliability", "\"G\"", ".reliability", "is not one of the allowed values")]
    [InlineData("reliability", "3", ".reliability", "must be a string, not a number (3)")]
    [InlineData("rationale", "\"\"", ".rationale", "must not be empty")]
    [InlineData("credibility", "2", ".credibility", "'credibility' is not a property of the source-reliability extension")]
    public void Wrong_values_are_rejected_at_their_path_with_a_reason(string location, string json, string relativePath, string reason)
    {
        var errors = Examples.Check(Examples.SourceReliability().Set($"extensions/{Ext}/{location}", json));
        Examples.SingleError(errors, Body + relativePath, reason);
    }

    [Fact]
    public void It_extends_identities_only()
    {
        var errors = Examples.Check(Examples.SourceReliability().Set("type", "\"threat-actor\""));
        Examples.SingleError(errors, Body, "extends 'identity' objects, not 'threat-actor'");
    }
}
