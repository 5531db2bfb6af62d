using Liaison.Core.Extensions;

namespace Liaison.Core.Tests.Extensions;

public sealed class AdmiraltyScaleTests
{
    [Theory]
    [InlineData(1, 90)]
    [InlineData(2, 70)]
    [InlineData(3, 50)]
    [InlineData(4, 30)]
    [InlineData(5, 10)]
    public void Credibility_maps_to_the_stix_appendix_a_values(int credibility, int confidence)
    {
        Assert.Equal(confidence, AdmiraltyScale.CredibilityToConfidence(credibility));
        Assert.Equal(credibility, AdmiraltyScale.ConfidenceToCredibility(confidence));
    }

    [Fact]
    public void Truth_cannot_be_judged_has_no_confidence() => Assert.Null(AdmiraltyScale.CredibilityToConfidence(6));

    [Theory]
    [InlineData(100, 1)]
    [InlineData(80, 1)]
    [InlineData(79, 2)]
    [InlineData(60, 2)]
    [InlineData(59, 3)]
    [InlineData(40, 3)]
    [InlineData(39, 4)]
    [InlineData(20, 4)]
    [InlineData(19, 5)]
    [InlineData(0, 5)]
    public void Every_confidence_falls_in_one_appendix_a_range(int confidence, int credibility) =>
        Assert.Equal(credibility, AdmiraltyScale.ConfidenceToCredibility(confidence));

    [Theory]
    [InlineData('A', 90)]
    [InlineData('B', 70)]
    [InlineData('C', 50)]
    [InlineData('D', 30)]
    [InlineData('E', 10)]
    public void Reliability_uses_the_same_bands(char reliability, int confidence)
    {
        Assert.Equal(confidence, AdmiraltyScale.ReliabilityToConfidence(reliability));
        Assert.Equal(reliability, AdmiraltyScale.ConfidenceToReliability(confidence));
    }

    [Fact]
    public void Reliability_that_cannot_be_judged_has_no_confidence() => Assert.Null(AdmiraltyScale.ReliabilityToConfidence('F'));

    [Fact]
    public void Grades_read_as_words()
    {
        Assert.Equal("possibly true", AdmiraltyScale.DescribeCredibility(3));
        Assert.Equal("usually reliable", AdmiraltyScale.DescribeReliability('B'));
    }

    [Fact]
    public void Out_of_range_grades_are_misuse()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AdmiraltyScale.CredibilityToConfidence(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => AdmiraltyScale.ConfidenceToCredibility(101));
        Assert.Throws<ArgumentOutOfRangeException>(() => AdmiraltyScale.ReliabilityToConfidence('b'));
        Assert.Throws<ArgumentOutOfRangeException>(() => AdmiraltyScale.DescribeReliability('G'));
    }
}
