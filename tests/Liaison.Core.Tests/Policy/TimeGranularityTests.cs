using Liaison.Core.Policy;

namespace Liaison.Core.Tests.Policy;

public sealed class TimeGranularityTests
{
    [Theory]
    [InlineData("30s", 30L)]
    [InlineData("1m", 60L)]
    [InlineData("15m", 900L)]
    [InlineData("1h", 3600L)]
    [InlineData("6h", 21_600L)]
    [InlineData("1d", 86_400L)]
    public void A_granularity_parses_from_a_number_and_a_unit(string text, long seconds)
    {
        var granularity = TimeGranularity.Parse(text);

        Assert.Equal(seconds * 1_000_000, granularity.Microseconds);
        Assert.Equal(text, granularity.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("h")]
    [InlineData("0h")]
    [InlineData("-1h")]
    [InlineData("1w")]
    [InlineData("1.5h")]
    [InlineData("400d")]
    public void A_malformed_granularity_says_what_to_write(string text)
    {
        Assert.False(TimeGranularity.TryParse(text, out _, out var reason));
        Assert.Contains(text, reason, StringComparison.Ordinal);
    }
}
