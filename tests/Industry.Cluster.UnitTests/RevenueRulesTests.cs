using Industry.Clusters.Domain;
using Industry.ServiceDefaults.Errors;
using Industry.ServiceDefaults.Reporting;

namespace Industry.Cluster.UnitTests;

public sealed class RevenueRulesTests
{
    private static readonly DateOnly Today = new(2024, 5, 20);
    private static readonly RevenueFigures Valid = new(12_345_678_901, 120, "统计局口径");

    [Theory]
    [InlineData("2024-05")] // the current month
    [InlineData("2023-12")]
    [InlineData("2000-01")]
    public void Check_ValidReport_ReturnsThePeriod(string period) =>
        Assert.Equal(ReportingPeriod.TryParse(period), RevenueRules.Check(period, Valid, Today));

    [Fact]
    public void Check_ZeroRevenue_IsAllowed() => RevenueRules.Check("2024-01", Valid with { YearToDateRevenueYuan = 0 }, Today);

    [Theory]
    [InlineData("2024-06", "period")]
    [InlineData("2024-6", "period")]
    [InlineData("2024-13", "period")]
    [InlineData("1999-12", "period")]
    [InlineData("", "period")]
    public void Check_BadPeriod_IsInvalidArgumentOnPeriod(string period, string field)
    {
        var error = Assert.Throws<ServiceException>(() => RevenueRules.Check(period, Valid, Today));

        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        Assert.Equal(field, Assert.Single(error.FieldViolations).Field);
    }

    [Fact]
    public void Check_EverythingWrong_ReportsEveryField()
    {
        var bad = new RevenueFigures(-1, -1, new string('x', RevenueRules.MaxNoteLength + 1));

        var error = Assert.Throws<ServiceException>(() => RevenueRules.Check("2099-01", bad, Today));

        Assert.Equal(["enterprise_count", "note", "period", "year_to_date_revenue_yuan"], error.FieldViolations.Select(v => v.Field).Order());
    }

    [Fact]
    public void Check_RevenueAboveTheBound_IsRejected() =>
        Assert.Equal(
            "year_to_date_revenue_yuan",
            Assert.Single(Assert.Throws<ServiceException>(() => RevenueRules.Check("2024-01", Valid with { YearToDateRevenueYuan = RevenueRules.MaxRevenueYuan + 1 }, Today)).FieldViolations).Field);

    [Fact]
    public void Report_Replace_BumpsTheVersionAndKeepsTheCreateTime()
    {
        var created = new DateTime(2024, 1, 5, 0, 0, 0, DateTimeKind.Utc);
        var report = new RevenueReport("speech-valley", new ReportingPeriod(2023, 12), Valid, created, "alice");

        report.Replace(Valid with { YearToDateRevenueYuan = 1 }, created.AddDays(3), "bob");

        Assert.Equal("clusters/speech-valley/revenueReports/2023-12", report.Name);
        Assert.Equal((1L, 2L, created, "bob"), (report.YearToDateRevenueYuan, report.Version, report.CreateTime, report.UpdateActor));
    }
}
