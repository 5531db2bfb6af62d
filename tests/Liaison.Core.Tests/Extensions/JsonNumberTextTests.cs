using System.Text;
using Liaison.Core.Extensions.Compiled;

namespace Liaison.Core.Tests.Extensions;

public sealed class JsonNumberTextTests
{
    [Theory]
    [InlineData("6", "6", 0)]
    [InlineData("6", "6.000", 0)]
    [InlineData("60e-1", "6", 0)]
    [InlineData("0.6E+1", "6", 0)]
    [InlineData("-0", "0", 0)]
    [InlineData("0.0e5", "-0.000", 0)]
    [InlineData("6.0000000000000000000000000001", "6", 1)]
    [InlineData("5.99999999999999999999999999999999", "6", -1)]
    [InlineData("1e-400", "0", 1)]
    [InlineData("-1e-400", "0", -1)]
    [InlineData("1e400", "100000", 1)]
    [InlineData("-1e400", "-11000", -1)]
    [InlineData("-180.00000000000000000001", "-180", -1)]
    [InlineData("-1.8e2", "-180", 0)]
    [InlineData("100", "99.999", 1)]
    [InlineData("0.01", "0.1", -1)]
    [InlineData("-0.01", "-0.1", 1)]
    [InlineData("123456789012345678901234567890", "123456789012345678901234567891", -1)]
    public void Literals_compare_by_their_exact_value(string left, string right, int expected)
    {
        Assert.Equal(expected, Math.Sign(JsonNumberText.Compare(Encoding.UTF8.GetBytes(left), Encoding.UTF8.GetBytes(right))));
        Assert.Equal(-expected, Math.Sign(JsonNumberText.Compare(Encoding.UTF8.GetBytes(right), Encoding.UTF8.GetBytes(left))));
    }
}
