using Industry.ServiceDefaults.Reporting;

namespace Industry.ServiceDefaults.UnitTests;

public sealed class ReportingPeriodTests
{
    [Theory]
    [InlineData("2023-10", 2023, 10)]
    [InlineData("2000-01", 2000, 1)]
    [InlineData("2100-12", 2100, 12)]
    public void TryParse_Month_IsYearAndMonth(string text, int year, int month) =>
        Assert.Equal(new ReportingPeriod(year, month), ReportingPeriod.TryParse(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2023-1")]
    [InlineData("2023/10")]
    [InlineData("2023-00")]
    [InlineData("2023-13")]
    [InlineData("1999-12")]
    [InlineData("2101-01")]
    [InlineData("+023-10")]
    public void TryParse_NotAMonthInRange_IsNull(string? text) => Assert.Null(ReportingPeriod.TryParse(text));

    [Fact]
    public void Compare_AcrossAYearBoundary_OrdersByMonth()
    {
        var december = new ReportingPeriod(2023, 12);
        var january = new ReportingPeriod(2024, 1);

        Assert.True(december < january);
        Assert.Equal(january.Ordinal - 1, december.Ordinal);
    }

    [Fact]
    public void YearEarlier_IsTheSameMonth() => Assert.Equal("2022-10", new ReportingPeriod(2023, 10).YearEarlier.ToString());
}
