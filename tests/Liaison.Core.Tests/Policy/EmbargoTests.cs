using Liaison.Core.Policy;
using Liaison.Core.Tests.Extensions;

namespace Liaison.Core.Tests.Policy;

public sealed class EmbargoTests
{
    private static readonly DateTimeOffset StrikeTime = new(2015, 12, 13, 21, 40, 0, TimeSpan.Zero);

    [Fact]
    public void An_object_is_held_until_the_delay_after_its_reference_time()
    {
        var embargo = new Embargo(TimeSpan.FromHours(6), ["strike_time"]);

        var decision = embargo.Evaluate(Examples.StrikeAssessment(), StrikeTime.AddHours(5));

        Assert.False(decision.IsReleasable);
        Assert.Equal(StrikeTime.AddHours(6), decision.ReleasableAt);
    }

    [Fact]
    public void An_object_is_releasable_from_the_instant_the_delay_ends()
    {
        var embargo = new Embargo(TimeSpan.FromHours(6), ["strike_time"]);

        Assert.True(embargo.Evaluate(Examples.StrikeAssessment(), StrikeTime.AddHours(6)).IsReleasable);
    }

    [Fact]
    public void By_default_the_delay_counts_from_modified()
    {
        var embargo = new Embargo(TimeSpan.FromHours(1));

        var decision = embargo.Evaluate(Examples.StrikeAssessment(), StrikeTime);

        Assert.Equal(new DateTimeOffset(2015, 12, 14, 19, 0, 0, TimeSpan.Zero), decision.ReleasableAt);
    }

    [Fact]
    public void An_object_without_a_reference_time_is_releasable_at_once()
    {
        var embargo = new Embargo(TimeSpan.FromDays(1), ["strike_time"]);

        var decision = embargo.Evaluate(Examples.Incident(), StrikeTime);

        Assert.True(decision.IsReleasable);
        Assert.Null(decision.ReleasableAt);
    }

    [Fact]
    public void The_clock_is_read_only_through_the_clock_given()
    {
        var embargo = new Embargo(TimeSpan.FromHours(6), ["strike_time"]);

        Assert.False(embargo.Evaluate(Examples.StrikeAssessment(), new FixedClock(StrikeTime)).IsReleasable);
    }

    [Fact]
    public void A_json_element_is_judged_like_its_node()
    {
        var embargo = new Embargo(TimeSpan.FromHours(6), ["strike_time"]);
        var element = PolicyAssert.ToElement(Examples.StrikeAssessment());

        Assert.Equal(embargo.Evaluate(Examples.StrikeAssessment(), StrikeTime.AddHours(5)), embargo.Evaluate(element, StrikeTime.AddHours(5)));
        Assert.Equal(embargo.Evaluate(Examples.StrikeAssessment(), StrikeTime.AddHours(7)), embargo.Evaluate(element, StrikeTime.AddHours(7)));
        Assert.True(Graduated().Choose(element, StrikeTime.AddDays(2)).IsPrecise);
    }

    [Fact]
    public void A_negative_delay_is_misuse()
    {
        Assert.Throws<ArgumentException>(() => new Embargo(TimeSpan.FromSeconds(-1)));
    }

    [Fact]
    public void A_graduated_release_is_coarse_before_the_embargo_lifts()
    {
        var release = Graduated();

        var choice = release.Choose(Examples.StrikeAssessment(), StrikeTime.AddHours(1));

        Assert.False(choice.IsPrecise);
        Assert.Same(release.Coarse, choice.Transforms);
        Assert.Equal(StrikeTime.AddHours(24), choice.PreciseAt);
        var coarse = PolicyAssert.Succeeds(choice.Transforms.Apply(Examples.StrikeAssessment()));
        Assert.Equal("2015-12-13T00:00:00Z", (string?)coarse["strike_time"]);
    }

    [Fact]
    public void A_graduated_release_is_precise_after_the_embargo_lifts()
    {
        var release = Graduated();

        var choice = release.Choose(Examples.StrikeAssessment(), StrikeTime.AddHours(25));

        Assert.True(choice.IsPrecise);
        var precise = PolicyAssert.Succeeds(choice.Transforms.Apply(Examples.StrikeAssessment()));
        Assert.Equal("2015-12-13T21:40:00Z", (string?)precise["strike_time"]);
    }

    private static GraduatedRelease Graduated() => new(
        new TransformSet([Redaction.Of("platform", "munition"), new TimeRounding(TimeGranularity.Day)]),
        new TransformSet([Redaction.Of("platform", "munition")]),
        new Embargo(TimeSpan.FromHours(24), ["strike_time"]));

    private sealed class FixedClock(DateTimeOffset now) : IClock
    {
        public DateTimeOffset UtcNow => now;
    }
}
