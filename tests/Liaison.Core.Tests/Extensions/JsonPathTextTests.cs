using System.Text.Json;
using Liaison.Core.Extensions;

namespace Liaison.Core.Tests.Extensions;

public sealed class JsonPathTextTests
{
    [Theory]
    [InlineData("claims", "$.claims")]
    [InlineData("extension-definition--4e561719-7d4f-4012-a48f-6313c0e343a4", "$['extension-definition--4e561719-7d4f-4012-a48f-6313c0e343a4']")]
    [InlineData("it's", "$['it\\'s']")]
    [InlineData("1st", "$['1st']")]
    public void Plain_names_use_dots_and_others_brackets(string name, string expected) =>
        Assert.Equal(expected, JsonPathText.Property("$", name));

    [Fact]
    public void Pointer_segments_into_arrays_become_indexes()
    {
        using var document = JsonDocument.Parse("""{ "claims": [ {}, { "killed": 1 } ], "10": { "a/b": 2 } }""");
        var path = JsonPathText.FromPointer("$", document.RootElement, JsonPathText.Segments("/claims/1/killed"), out var value);
        Assert.Equal("$.claims[1].killed", path);
        Assert.Equal(1, value!.Value.GetInt32());
        Assert.Equal("$['10']['a/b']", JsonPathText.FromPointer("$", document.RootElement, JsonPathText.Segments("/10/a~1b"), out _));
    }

    [Fact]
    public void A_pointer_to_a_missing_value_still_gives_its_path()
    {
        using var document = JsonDocument.Parse("""{ "claims": [] }""");
        Assert.Equal("$.claims[3].x", JsonPathText.FromPointer("$", document.RootElement, JsonPathText.Segments("/claims/3/x"), out var value));
        Assert.Null(value);
    }
}
