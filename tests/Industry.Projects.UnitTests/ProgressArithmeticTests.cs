using Industry.Projects.Domain;
using Industry.ServiceDefaults.Reporting;

namespace Industry.Projects.UnitTests;

public sealed class ProgressArithmeticTests
{
    [Theory]
    [InlineData("2023-12-31", null, 2023, true)]    // started on the last day of the year
    [InlineData("2024-01-01", null, 2023, false)]   // starts the next year
    [InlineData("2022-05-10", null, 2023, true)]    // 续建: started the previous year, still running
    [InlineData("2022-05-10", "2023-01-01", 2023, true)]  // completed on the first day of the year: counted
    [InlineData("2022-05-10", "2022-12-31", 2023, false)] // completed before the year began
    [InlineData("2021-01-01", "2024-06-30", 2023, true)]  // spans the whole year
    public void IsUnderImplementation_AtYearBoundaries(string start, string? completion, int year, bool expected) =>
        Assert.Equal(expected, ProgressArithmetic.IsUnderImplementation(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), completion is null ? null : DateOnly.Parse(completion, System.Globalization.CultureInfo.InvariantCulture), year));

    [Fact]
    public void IsUnderImplementation_NotStarted_IsFalse() => Assert.False(ProgressArithmetic.IsUnderImplementation(null, null, 2023));

    [Theory]
    [InlineData(1277, 1000, 27.7)] // the report's +27.7%
    [InlineData(900, 1000, -10.0)]
    [InlineData(1000, 1000, 0.0)]
    [InlineData(2, 3, -33.3)]
    public void GrowthPercent_AgainstLastYear(long current, long previous, double expected) =>
        Assert.Equal(expected, YearOnYear.GrowthPercent(current, previous));

    [Fact]
    public void GrowthPercent_WithoutBase_IsNull() => Assert.Null(YearOnYear.GrowthPercent(100, 0));

    [Theory]
    [InlineData(10, 83.3)]
    [InlineData(12, 100.0)]
    [InlineData(1, 8.3)]
    public void TimeSchedulePercent_IsMonthOverTwelve(int month, double expected) =>
        Assert.Equal(expected, ProgressArithmetic.TimeSchedulePercent(month));

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    public void TimeSchedulePercent_NotAMonth_Throws(int month) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ProgressArithmetic.TimeSchedulePercent(month));
}
