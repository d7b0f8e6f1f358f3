using Industry.Projects.Domain;
using Industry.ServiceDefaults.Reporting;

namespace Industry.Projects.UnitTests;

public sealed class MonthRangeTests
{
    [Theory]
    [InlineData(1, 12, 0xFFF)]
    [InlineData(1, 1, 0b1)]
    [InlineData(12, 12, 0x800)]
    [InlineData(3, 5, 0b11100)]
    public void MonthBits_SetsTheMonthsFromFirstToLast(int first, int last, int bits) =>
        Assert.Equal(bits, MonthRange.MonthBits(first, last));

    [Fact]
    public void MonthsOf_AcrossThreeYears_IsTheTailTheWholeYearAndTheHead()
    {
        var range = new MonthRange(new ReportingPeriod(2010, 11), new ReportingPeriod(2012, 2));

        Assert.Equal((0, 0x800 | 0x400, MonthRange.AllMonths, 0b11, 0), (range.MonthsOf(2009), range.MonthsOf(2010), range.MonthsOf(2011), range.MonthsOf(2012), range.MonthsOf(2013)));
        Assert.Equal(16, range.Count);
        Assert.Equal(["2010-11", "2010-12", "2011-01"], range.Months().Take(3).Select(m => m.ToString()));
        Assert.Equal("2012-02", range.Months().Last().ToString());
    }

    [Fact]
    public void MonthsOf_WithinOneYear_IsTheMonthsBetween()
    {
        var range = new MonthRange(new ReportingPeriod(2024, 3), new ReportingPeriod(2024, 5));

        Assert.Equal(0b11100, range.MonthsOf(2024));
        Assert.Equal(new MonthRange(new ReportingPeriod(2023, 3), new ReportingPeriod(2023, 5)), range.YearEarlier);
    }

    [Fact]
    public void Months_OfARangeEndingBeforeItStarts_IsEmpty() =>
        Assert.Empty(new MonthRange(new ReportingPeriod(2024, 5), new ReportingPeriod(2024, 3)).Months());
}
