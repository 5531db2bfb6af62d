using Liaison.Core.Deconfliction;

namespace Liaison.Core.Tests.Deconfliction;

public sealed class TimeWindowTests
{
    [Fact]
    public void The_start_is_inside_and_the_end_is_not()
    {
        var window = new TimeWindow(10, 20);

        Assert.True(window.Contains(10));
        Assert.True(window.Contains(19));
        Assert.False(window.Contains(20));
    }

    [Fact]
    public void An_empty_or_inverted_window_cannot_be_made()
    {
        Assert.Throws<ArgumentException>(() => new TimeWindow(20, 20));
        Assert.Throws<ArgumentException>(() => new TimeWindow(20, 10));
    }

    [Fact]
    public void The_gap_is_zero_for_windows_that_follow_each_other_and_negative_when_they_overlap()
    {
        Assert.Equal(0, new TimeWindow(0, 10).GapUs(new TimeWindow(10, 20)));
        Assert.Equal(5, new TimeWindow(0, 10).GapUs(new TimeWindow(15, 20)));
        Assert.Equal(5, new TimeWindow(15, 20).GapUs(new TimeWindow(0, 10)));
        Assert.True(new TimeWindow(0, 10).GapUs(new TimeWindow(5, 20)) < 0);
    }

    [Fact]
    public void Open_ends_stay_open_when_widened_and_nothing_overflows()
    {
        Assert.Equal(TimeWindow.Always, TimeWindow.Always.Widen(long.MaxValue / 2));
        Assert.True(TimeWindow.Always.GapUs(new TimeWindow(-5, 5)) < 0);
        Assert.Equal(new TimeWindow(long.MinValue, long.MaxValue), new TimeWindow(long.MinValue + 1, long.MaxValue - 1).Widen(10));
    }

    [Fact]
    public void The_intersection_is_the_shared_part_or_nothing()
    {
        Assert.Equal(new TimeWindow(5, 10), new TimeWindow(0, 10).Intersect(new TimeWindow(5, 20)));
        Assert.Null(new TimeWindow(0, 10).Intersect(new TimeWindow(10, 20)));
    }
}
