using Liaison.Core.Policy;

namespace Liaison.Core.Tests.Policy;

public sealed class CoarseningFloorTests
{
    [Fact]
    public void The_floor_never_lets_a_release_be_finer_than_one_already_made()
    {
        Assert.Equal(25, CoarseningFloor.Effective(10, 25));
    }

    [Fact]
    public void The_floor_keeps_a_coarser_request()
    {
        Assert.Equal(50, CoarseningFloor.Effective(50, 25));
    }

    [Fact]
    public void Without_an_earlier_release_the_floor_is_the_request()
    {
        Assert.Equal(10, CoarseningFloor.Effective(10, null));
    }

    [Fact]
    public void The_floor_rejects_a_precision_that_is_not_positive()
    {
        Assert.Throws<ArgumentException>(() => CoarseningFloor.Effective(0, null));
        Assert.Throws<ArgumentException>(() => CoarseningFloor.Effective(10, -1));
    }
}
