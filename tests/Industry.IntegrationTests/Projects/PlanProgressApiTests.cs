using Grpc.Core;
using Industry.Projects.V1;

namespace Industry.IntegrationTests.Projects;

/// <summary>GetPlanProgress against PostgreSQL, with data built through the API across a year boundary.</summary>
public sealed class PlanProgressApiTests(ProjectsServiceFixture service) : IClassFixture<ProjectsServiceFixture>
{
    private ProjectService.ProjectServiceClient Client => new(service.Channel);

    private ProjectData Data => new(Client);

    private static CallOptions Deadline => new(deadline: DateTime.UtcNow.AddSeconds(15));

    [Fact]
    public async Task GetPlanProgress_AcrossTheYearBoundary_CountsKeyProjectsAndInvestmentGrowth()
    {
        // Hefei (340100): continuing from 2022, and one started in 2023; Wuhu (340200): completed in 2022 (not counted),
        // one below ¥100M (not a key project), and one started in 2024 (not yet under implementation in 2023).
        var continuing = await Data.ProjectAsync("340104", 500_000_000, new DateOnly(2022, 6, 1));
        var started = await Data.ProjectAsync("340111", 1_500_000_000, new DateOnly(2023, 3, 15));
        await Data.ProjectAsync("340207", 200_000_000, new DateOnly(2021, 1, 1), new DateOnly(2022, 12, 31));
        var small = await Data.ProjectAsync("340207", 99_000_000, new DateOnly(2023, 1, 5));
        await Data.ProjectAsync("340202", 300_000_000, new DateOnly(2024, 1, 1));

        await Data.ReportAsync(continuing, "2022-06", 50_000_000);   // 2022 Jan-Oct
        await Data.ReportAsync(continuing, "2022-12", 70_000_000);   // 2022 but after October: not in the base
        await Data.ReportAsync(continuing, "2023-02", 40_000_000);
        await Data.ReportAsync(started, "2023-04", 20_000_000);
        await Data.ReportAsync(small, "2023-10", 4_000_000);
        await Data.ReportAsync(small, "2023-11", 9_000_000);         // after the month asked for

        var progress = await Client.GetPlanProgressAsync(new GetPlanProgressRequest { Year = 2023, ThroughMonth = 10 }, Deadline);

        Assert.Equal((2, 1, 1), (progress.KeyProjectsUnderImplementation.Actual, progress.KeyProjectsNewlyStarted, progress.KeyProjectsContinuing));
        Assert.False(progress.KeyProjectsUnderImplementation.HasTarget); // no plan for 2023
        Assert.Equal((64_000_000L, 50_000_000L), (progress.CompletedInvestmentYuan, progress.PreviousYearCompletedInvestmentYuan));
        Assert.Equal(28.0, progress.InvestmentGrowthPercent);
        Assert.Equal(83.3, progress.TimeScheduleProgressPercent);
        Assert.Equal(16, progress.Cities.Count);
        var hefei = progress.Cities.Single(c => c.CityCode == "340100");
        Assert.Equal((2, 60_000_000L, 50_000_000L), (hefei.KeyProjectsUnderImplementation.Actual, hefei.CompletedInvestmentYuan, hefei.PreviousYearCompletedInvestmentYuan));
        Assert.Equal(4_000_000, progress.Cities.Single(c => c.CityCode == "340200").CompletedInvestmentYuan);
    }

    [Fact]
    public async Task GetPlanProgress_2024_UsesThePlanTargets()
    {
        var progress = await Client.GetPlanProgressAsync(new GetPlanProgressRequest { Year = 2024, ThroughMonth = 12 }, Deadline);

        Assert.Equal(1200, progress.KeyProjectsUnderImplementation.Target);
    }

    [Theory]
    [InlineData(1999, 1, "year")]
    [InlineData(2099, 1, "year")]
    [InlineData(2023, 13, "through_month")]
    public async Task GetPlanProgress_BadPeriod_IsInvalidArgument(int year, int month, string field)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.GetPlanProgressAsync(new GetPlanProgressRequest { Year = year, ThroughMonth = month }, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(field, error.Status.Detail, StringComparison.Ordinal);
    }
}
