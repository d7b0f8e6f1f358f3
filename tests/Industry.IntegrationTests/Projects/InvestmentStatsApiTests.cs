using Grpc.Core;
using Industry.Projects.V1;

namespace Industry.IntegrationTests.Projects;

/// <summary>GetInvestmentStats against PostgreSQL: grouping, the year-earlier comparison and the totals.</summary>
public sealed class InvestmentStatsApiTests(ProjectsServiceFixture service) : IClassFixture<ProjectsServiceFixture>
{
    private ProjectService.ProjectServiceClient Client => new(service.Channel);

    private ProjectData Data => new(Client);

    private static CallOptions Deadline => new(deadline: DateTime.UtcNow.AddSeconds(15));

    [Fact]
    public async Task GetInvestmentStats_ByIndustry_SumsTheRangeAndComparesWithAYearEarlier()
    {
        var it = await Data.ProjectAsync("340104", 500_000_000, new DateOnly(2022, 1, 1));
        var auto = await Data.ProjectAsync("340207", 800_000_000, new DateOnly(2023, 1, 1), industry: "AUTO", gbt4754: "C3670");
        await Data.ReportAsync(it, "2022-02", 10_000_000);
        await Data.ReportAsync(it, "2023-02", 15_000_000);
        await Data.ReportAsync(it, "2023-07", 99_000_000); // outside the range
        await Data.ReportAsync(auto, "2023-03", 30_000_000);

        var stats = await Client.GetInvestmentStatsAsync(new GetInvestmentStatsRequest { GroupBy = InvestmentGroupBy.Industry, StartPeriod = "2023-01", EndPeriod = "2023-06" }, Deadline);

        Assert.Equal(["industries/AUTO", "industries/IT"], stats.Rows.Select(r => r.Key));
        var itRow = stats.Rows[1];
        Assert.Equal((1, 500_000_000L, 15_000_000L, 10_000_000L, 50.0), (itRow.ProjectCount, itRow.TotalInvestmentYuan, itRow.CompletedInvestmentYuan, itRow.PreviousYearCompletedInvestmentYuan, itRow.InvestmentGrowthPercent));
        Assert.False(stats.Rows[0].HasInvestmentGrowthPercent); // nothing a year earlier
        Assert.Equal((2, 45_000_000L), (stats.Total.ProjectCount, stats.Total.CompletedInvestmentYuan));
    }

    [Theory]
    [InlineData(InvestmentGroupBy.Unspecified, "2023-01", "2023-06", "group_by")]
    [InlineData(InvestmentGroupBy.City, "2023-13", "2023-06", "start_period")]
    [InlineData(InvestmentGroupBy.City, "2023-06", "2023-01", "end_period")]
    [InlineData(InvestmentGroupBy.City, "2000-01", "2023-01", "end_period")]
    public async Task GetInvestmentStats_BadRequest_IsInvalidArgument(InvestmentGroupBy groupBy, string start, string end, string field)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.GetInvestmentStatsAsync(new GetInvestmentStatsRequest { GroupBy = groupBy, StartPeriod = start, EndPeriod = end }, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(field, error.Status.Detail, StringComparison.Ordinal);
    }
}
