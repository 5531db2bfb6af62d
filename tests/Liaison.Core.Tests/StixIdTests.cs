using Liaison.Core.Stix;

namespace Liaison.Core.Tests;

public sealed class StixIdTests
{
    [Theory]
    [InlineData("indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f")]
    [InlineData("x-custom-type--8E2E2D2B-17D4-4CBF-938F-98EE46B3CD3F")]
    public void Well_formed_identifiers_parse(string text)
    {
        var id = StixId.Parse(text);
        Assert.Equal(text, id.Value);
        Assert.Equal(text[..text.IndexOf("--", StringComparison.Ordinal)], id.Type);
    }

    [Theory]
    [InlineData("indicator-8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", "separator")]
    [InlineData("Indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", "type part")]
    [InlineData("indicator--8e2e2d2b-17d4-0cbf-938f-98ee46b3cd3f", "version 1-5")]
    [InlineData("indicator--8e2e2d2b-17d4-4cbf-c38f-98ee46b3cd3f", "variant")]
    [InlineData("indicator--not-a-uuid", "UUID part")]
    [InlineData("", "non-empty")]
    public void Malformed_identifiers_are_refused_with_a_reason(string text, string expected)
    {
        Assert.False(StixId.TryParse(text, out _, out var reason));
        Assert.Contains(expected, reason, StringComparison.Ordinal);
    }
}
