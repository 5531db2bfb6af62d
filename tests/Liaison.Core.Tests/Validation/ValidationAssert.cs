using Liaison.Core.Stix;
using Liaison.Core.Validation;

namespace Liaison.Core.Tests.Validation;

internal static class ValidationAssert
{
    public static void Valid(StixValidationResult result)
    {
        Assert.True(result.IsValid, "expected valid, got: " + string.Join(" | ", result.Errors));
        Assert.NotNull(result.Object);
        Assert.Empty(result.Errors);
    }

    /// <summary>The result is invalid and its only error is at <paramref name="path"/> with exactly <paramref name="reason"/>.</summary>
    public static void SingleError(StixValidationResult result, string path, string reason)
    {
        Assert.False(result.IsValid);
        Assert.Null(result.Object);
        var error = Assert.Single(result.Errors);
        Assert.Equal(path, error.Path);
        Assert.Equal(reason, error.Reason);
    }

    /// <summary>Some error is at <paramref name="path"/> and contains <paramref name="fragment"/>.</summary>
    public static StixError HasError(StixValidationResult result, string path, string fragment)
    {
        Assert.False(result.IsValid);
        var match = result.Errors.FirstOrDefault(e => e.Path == path && e.Reason.Contains(fragment, StringComparison.Ordinal));
        Assert.True(match is not null, $"no error at {path} containing \"{fragment}\"; errors: {string.Join(" | ", result.Errors)}");
        return match;
    }
}
