using Industry.ServiceDefaults.Reporting;

namespace Industry.ServiceDefaults.UnitTests;

public sealed class TargetCompletionTests
{
    [Theory]
    [InlineData(23, 25, 92.0)]
    [InlineData(2, 3, 66.7)]
    [InlineData(30, 25, 120.0)]
    [InlineData(0, 25, 0.0)]
    public void Of_WithATarget_CarriesItAndTheCompletionRoundedToOneDecimal(int actual, int target, double percent)
    {
        var progress = TargetCompletion.Of(actual, target);

        Assert.Equal((actual, target, percent), (progress.Actual, progress.Target, progress.CompletionPercent));
    }

    [Fact]
    public void Of_WithoutATarget_HasNeitherTargetNorCompletion()
    {
        var progress = TargetCompletion.Of(7, null);

        Assert.Equal((7, false, false), (progress.Actual, progress.HasTarget, progress.HasCompletionPercent));
    }

    [Fact]
    public void Of_ATargetOfZero_HasTheTargetButNoCompletion()
    {
        var progress = TargetCompletion.Of(3, 0);

        Assert.Equal((true, 0, false), (progress.HasTarget, progress.Target, progress.HasCompletionPercent));
    }

}
