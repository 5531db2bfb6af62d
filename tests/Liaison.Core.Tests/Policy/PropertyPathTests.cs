using Liaison.Core.Policy;

namespace Liaison.Core.Tests.Policy;

public sealed class PropertyPathTests
{
    [Theory]
    [InlineData("description", "description")]
    [InlineData("$.description", "description")]
    [InlineData("$description", "description")]
    [InlineData("external_references[*].url", "external_references[*].url")]
    [InlineData("extensions['extension-definition--12527e46-6eea-4d1b-8e04-4c04d130a1dc'].claims[*].quote",
        "extensions.extension-definition--12527e46-6eea-4d1b-8e04-4c04d130a1dc.claims[*].quote")]
    [InlineData("extensions[\"x.custom.ext\"].secret", "extensions['x.custom.ext'].secret")]
    [InlineData("['odd\\'name']", "['odd\\'name']")]
    public void A_path_parses_to_its_normal_form(string text, string normal)
    {
        Assert.Equal(normal, PropertyPath.Parse(text).Text);
    }

    [Fact]
    public void A_bracketed_extension_key_with_dots_is_one_segment()
    {
        var path = PropertyPath.Parse("extensions['x.acme.ext'].platform");

        Assert.Equal(["extensions", "x.acme.ext", "platform"], path.Segments.Select(s => s.Name));
        Assert.Equal("platform", path.LeafName);
    }

    [Fact]
    public void A_wildcard_is_a_segment_without_a_name()
    {
        var path = PropertyPath.Parse("claims[*].quote");

        Assert.True(path.Segments[1].IsWildcard);
        Assert.Equal(3, path.Segments.Count);
    }

    [Fact]
    public void Two_spellings_of_one_path_are_equal()
    {
        Assert.Equal(PropertyPath.Parse("$.a['b'].c"), PropertyPath.Parse("a.b.c"));
    }

    [Theory]
    [InlineData("", 1, "must name a property")]
    [InlineData("$", 2, "after '$'")]
    [InlineData("a..b", 3, "empty property name")]
    [InlineData(".a", 1, "empty property name")]
    [InlineData("a.", 2, "ends with '.'")]
    [InlineData("a[*]", 2, "not [*]")]
    [InlineData("[*].a", 1, "cannot start with [*]")]
    [InlineData("a[0].b", 3, "indexes are not supported")]
    [InlineData("a['b", 3, "not closed")]
    [InlineData("a['b'.c", 6, "expected ']'")]
    [InlineData("a[''].c", 3, "empty")]
    [InlineData("a[*", 4, "expected ']'")]
    [InlineData("a b", 2, "unexpected ' '")]
    [InlineData("a.[*]", 3, "'[' cannot follow '.'")]
    [InlineData("a/b", 2, "unexpected '/'")]
    [InlineData("a[", 2, "not closed")]
    public void A_malformed_path_gives_the_column_and_the_reason(string text, int column, string reason)
    {
        Assert.False(PropertyPath.TryParse(text, out var path, out var error));
        Assert.Null(path);
        Assert.Equal(column, error.Column);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_throws_a_format_exception_that_names_the_path_and_column()
    {
        var exception = Assert.Throws<FormatException>(() => PropertyPath.Parse("claims[1].quote"));

        Assert.Contains("claims[1].quote", exception.Message, StringComparison.Ordinal);
        Assert.Contains("column 8", exception.Message, StringComparison.Ordinal);
    }
}
