using System.Text.Json;
using System.Text.Json.Nodes;
using Liaison.Core.Extensions;
using Liaison.Core.Policy;
using Liaison.Core.Validation;

namespace Liaison.Core.Tests.Policy;

/// <summary>Checks shared by the policy tests.</summary>
internal static class PolicyAssert
{
    private static readonly StixValidator Validator = new(LiaisonExtensions.Instance);

    public static JsonElement ToElement(JsonNode node) => JsonSerializer.SerializeToElement(node);

    public static void Valid(JsonNode stixObject)
    {
        var result = Validator.Validate(ToElement(stixObject));
        Assert.True(result.IsValid, string.Join("\n", result.Errors) + "\n" + stixObject.ToJsonString());
    }

    /// <summary>The transformed object, after checking it succeeded and still validates.</summary>
    public static JsonObject Succeeds(TransformResult result)
    {
        Assert.True(result.IsSuccess, string.Join("\n", result.Errors));
        Valid(result.Object!);
        foreach (var companion in result.Companions)
        {
            Valid(companion);
        }

        return result.Object!;
    }

    public static TransformError Fails(TransformResult result)
    {
        Assert.False(result.IsSuccess);
        Assert.Null(result.Object);
        return Assert.Single(result.Errors);
    }

    public static void Unchanged(JsonObject before, JsonObject after) =>
        Assert.True(JsonNode.DeepEquals(before, after), $"the input changed:\n{before.ToJsonString()}\n{after.ToJsonString()}");
}
