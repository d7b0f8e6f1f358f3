using Industry.ServiceDefaults.Reporting;

namespace Industry.ServiceDefaults.UnitTests;

public sealed class TargetsTests
{
    [Theory]
    [InlineData(23, 25L, 92.0)]
    [InlineData(1, 3L, 33.3)]
    [InlineData(2, 3L, 66.7)]
    [InlineData(30, 20L, 150.0)]
    public void CompletionPercent_WithATarget_IsRoundedToOneDecimal(long actual, long target, double expected) =>
        Assert.Equal(expected, Targets.CompletionPercent(actual, target));

    [Theory]
    [InlineData(null)]
    [InlineData(0L)]
    public void CompletionPercent_WithoutATarget_IsNull(long? target) => Assert.Null(Targets.CompletionPercent(5, target));

    [Fact]
    public void Against_WithATarget_CarriesTargetAndPercent()
    {
        var progress = Targets.Against(23, 25);

        Assert.Equal((23, 25, 92.0), (progress.Actual, progress.Target, progress.CompletionPercent));
    }

    [Fact]
    public void Against_WithoutATarget_LeavesThemAbsent()
    {
        var progress = Targets.Against(7, null);

        Assert.Equal((7, false, false), (progress.Actual, progress.HasTarget, progress.HasCompletionPercent));
    }

    [Fact]
    public void Against_ATargetOfZero_HasTheTargetButNoPercent()
    {
        var progress = Targets.Against(3, 0);

        Assert.Equal((true, 0, false), (progress.HasTarget, progress.Target, progress.HasCompletionPercent));
    }
}
