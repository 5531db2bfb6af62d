using Liaison.Core.Claims;

namespace Liaison.Core.Tests.Claims;

public sealed class SourceGradeTests
{
    [Theory]
    [InlineData('C', 1, 90)]
    [InlineData('C', 3, 50)]
    [InlineData('A', 5, 10)]
    [InlineData('E', 2, 70)]
    public void The_credibility_of_the_information_decides_the_confidence(char reliability, int credibility, int confidence) =>
        Assert.Equal(confidence, new SourceGrade(reliability, credibility).Confidence);

    [Theory]
    [InlineData('B', null, 70)]
    [InlineData('D', 6, 30)]
    public void The_source_stands_in_when_the_information_is_not_graded(char reliability, int? credibility, int confidence) =>
        Assert.Equal(confidence, new SourceGrade(reliability, credibility).Confidence);

    [Theory]
    [InlineData(null, null, ClaimStanding.Ungraded)]
    [InlineData('F', 6, ClaimStanding.Ungraded)]
    [InlineData('C', 3, ClaimStanding.Credible)]
    [InlineData('C', null, ClaimStanding.Credible)]
    [InlineData('A', 4, ClaimStanding.Doubtful)]
    [InlineData('D', null, ClaimStanding.Doubtful)]
    public void Standing_follows_the_confidence(char? reliability, int? credibility, ClaimStanding standing) =>
        Assert.Equal(standing, new SourceGrade(reliability, credibility).Standing);

    [Fact]
    public void The_code_reads_as_analysts_write_it()
    {
        Assert.Equal("C3", new SourceGrade('C', 3).Code);
        Assert.Equal("B-", new SourceGrade('B', null).Code);
        Assert.Equal("--", new SourceGrade(null, null).Code);
    }

    [Fact]
    public void Grades_outside_the_scale_are_misuse()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SourceGrade('G', 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SourceGrade('A', 7));
    }
}
