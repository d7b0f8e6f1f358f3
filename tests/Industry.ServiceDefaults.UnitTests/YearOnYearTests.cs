using Industry.ServiceDefaults.Reporting;

namespace Industry.ServiceDefaults.UnitTests;

public sealed class YearOnYearTests
{
    [Theory]
    [InlineData(125, 100L, 25.0)]
    [InlineData(1277, 1000L, 27.7)]
    [InlineData(80, 100L, -20.0)]
    [InlineData(100, 300L, -66.7)]
    [InlineData(2, 3L, -33.3)]
    [InlineData(0, 5L, -100.0)]
    public void GrowthPercent_WithABase_IsTheChangeRoundedToOneDecimal(long current, long previous, double expected) =>
        Assert.Equal(expected, YearOnYear.GrowthPercent(current, previous));

    [Theory]
    [InlineData(null)]
    [InlineData(0L)]
    public void GrowthPercent_WithoutABase_IsNull(long? previous) => Assert.Null(YearOnYear.GrowthPercent(100, previous));
}
