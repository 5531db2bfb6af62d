using System.Text.Json;
using Liaison.Cli.Tests.Support;

namespace Liaison.Cli.Tests;

/// <summary>The deep equality the official-examples test relies on.</summary>
public sealed class JsonAssertTests
{
    [Theory]
    [InlineData("""{"a":1,"b":[1,2]}""", """{"b":[1,2],"a":1}""")]
    [InlineData("""{"n":1.0}""", """{"n":1}""")]
    [InlineData("""{"n":1e2}""", """{"n":100}""")]
    [InlineData("""{"n":-0.0}""", """{"n":0}""")]
    public void Equal_json_ignores_property_order_and_compares_numbers_by_value(string left, string right)
    {
        Assert.Null(Difference(left, right));
    }

    [Theory]
    [InlineData("""{"a":1}""", """{"a":1,"b":2}""", "$.b was added")]
    [InlineData("""{"a":1,"b":2}""", """{"a":1}""", "$.b is missing")]
    [InlineData("""{"a":[1,2]}""", """{"a":[2,1]}""", "$.a[0]")]
    [InlineData("""{"a":"2015-12-01T00:00:00.000Z"}""", """{"a":"2015-12-01T00:00:00Z"}""", "$.a")]
    [InlineData("""{"a":1}""", """{"a":"1"}""", "$.a")]
    [InlineData("""{"a":0.1}""", """{"a":0.10000001}""", "$.a")]
    public void Different_json_is_reported_with_its_path(string left, string right, string where)
    {
        Assert.Contains(where, Difference(left, right), StringComparison.Ordinal);
    }

    private static string? Difference(string left, string right)
    {
        using var a = JsonDocument.Parse(left);
        using var b = JsonDocument.Parse(right);
        return JsonAssert.Difference(a.RootElement, b.RootElement, "$");
    }
}
