using Industry.Projects.Domain;

namespace Industry.Projects.UnitTests;

public sealed class InvestmentSeriesTests
{
    [Fact]
    public void Of_CumulatesFromJanuary_AndComparesWithTheSameMonthsOfTheYearBefore()
    {
        var amounts = new Dictionary<(int, int), long>
        {
            [(2023, 1)] = 100,
            [(2023, 2)] = 50,
            [(2023, 4)] = 30,
            [(2022, 1)] = 80,
            [(2022, 2)] = 80,
            [(2022, 3)] = 40,
            [(2023, 5)] = 999,
            [(2021, 1)] = 999, // after the last month, and two years back: not counted
        };

        var series = InvestmentSeries.Of(amounts, 2023, 4);

        Assert.Equal([1, 2, 3, 4], series.Select(m => m.Number));
        Assert.Equal([100L, 50, 0, 30], series.Select(m => m.CompletedYuan));
        Assert.Equal([100L, 150, 150, 180], series.Select(m => m.CumulativeYuan));
        Assert.Equal([80L, 160, 200, 200], series.Select(m => m.PreviousYearCumulativeYuan));
        Assert.Equal([25.0, -6.3, -25.0, -10.0], series.Select(m => m.CumulativeGrowthPercent));
    }

    [Fact]
    public void Of_WithoutThePreviousYear_HasNoGrowth()
    {
        var series = InvestmentSeries.Of(new Dictionary<(int, int), long> { [(2023, 2)] = 10 }, 2023, 3);

        Assert.All(series, m => Assert.Null(m.CumulativeGrowthPercent));
        Assert.Equal(10, series[^1].CumulativeYuan);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    public void Of_MonthOutOfRange_Throws(int month)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => InvestmentSeries.Of(new Dictionary<(int, int), long>(), 2023, month));
    }
}
