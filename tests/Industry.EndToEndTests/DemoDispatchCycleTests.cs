using Industry.Clusters.V1;
using Industry.Demo.Plan;
using Industry.Parks.V1;
using Industry.Projects.V1;

namespace Industry.EndToEndTests;

/// <summary>
/// Issue #18 item 8: the demo data set's 2023 dispatch cycle (月度调度), through the gateway: the missing reports, the
/// lagging projects, January–October closed with their published figures, and the report's figures unchanged.
/// </summary>
[Collection(DemoDefinition.Name)]
public sealed class DemoDispatchCycleTests(DemoFixture demo)
{
    private ProjectService.ProjectServiceClient Projects => new(demo.Suite.Gateway);

    [Theory]
    [InlineData(1)]
    [InlineData(6)]
    [InlineData(9)]
    [InlineData(10)]
    [InlineData(12)]
    public async Task ReportingStatusOf2023_CountsTheMissing_AndEveryReportLate(int month)
    {
        var due = DemoDispatchFigures.Due(demo.Plan, 2023, month).Count;
        var missing = DemoDispatchFigures.Missing(demo.Plan, 2023, month).Count;

        var status = await Projects.GetReportingStatusAsync(new GetReportingStatusRequest { Period = $"2023-{month:D2}" });

        // Loaded years after the deadlines, every report was first made late: the service stamps its own time.
        Assert.True(status.DeadlinePassed);
        Assert.Equal((due, 0, due - missing, missing, 0), (status.Province.DueCount, status.Province.OnTimeCount, status.Province.LateCount, status.Province.MissingCount, status.Province.AwaitingReviewCount));
        Assert.Equal(missing, status.Cities.Sum(c => c.Counts.MissingCount));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(9)]
    public async Task MissingReportsOf2023_ListTheProjectsThatMissedTheMonth(int month)
    {
        var expected = DemoDispatchFigures.Missing(demo.Plan, 2023, month).Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Contains(demo.Plan.DispatchCycle.MissingReports, r => r.Missed.Month == month && expected.Contains("projects/p-" + r.ProjectCode));

        var listed = new List<MissingReport>();
        var request = new ListMissingReportsRequest { Period = $"2023-{month:D2}", PageSize = 1000 };
        do
        {
            var page = await Projects.ListMissingReportsAsync(request);
            listed.AddRange(page.MissingReports);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        Assert.Equal(expected, listed.Select(m => m.Project).Order(StringComparer.Ordinal));
        Assert.All(listed, m => Assert.Equal(ReportStatus.Missing, m.Status));
    }

    [Fact]
    public async Task BehindSchedule_ListsTheProjectsLaggingToday()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)); // China Standard Time, as the service judges
        var expected = DemoDispatchFigures.BehindSchedule(demo.Plan.Projects, today).Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expected);

        var listed = new List<string>();
        var request = new ListProjectsRequest { Filter = "behind_schedule = true", PageSize = 1000 };
        do
        {
            var page = await Projects.ListProjectsAsync(request);
            listed.AddRange(page.Projects.Select(p => p.Name));
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        Assert.Equal(expected, listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ReportingPeriods_JanuaryToOctober2023_AreClosed_NovemberAndDecemberOpen()
    {
        var closed = await Projects.ListReportingPeriodsAsync(new ListReportingPeriodsRequest { PageSize = 1000 });
        var november = await Projects.GetReportingPeriodAsync(new GetReportingPeriodRequest { Name = "reportingPeriods/2023-11" });
        var december = await Projects.GetReportingPeriodAsync(new GetReportingPeriodRequest { Name = "reportingPeriods/2023-12" });

        Assert.Equal(demo.Plan.DispatchCycle.ClosedPeriods.Reverse(), closed.ReportingPeriods.Select(p => p.Period));
        Assert.All(closed.ReportingPeriods, p => Assert.Equal((ReportingPeriodState.Closed, "progressSnapshots/" + p.Period), (p.State, p.ProgressSnapshot)));
        Assert.Equal((ReportingPeriodState.Open, ReportingPeriodState.Open), (november.State, december.State));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(9)]
    public async Task ProgressSnapshotsOf2023_AreWhatThePlanCountsThroughTheirMonth(int month)
    {
        var expected = DemoFigures.Of(demo.Plan, 2023, month);

        var snapshot = await Projects.GetProgressSnapshotAsync(new GetProgressSnapshotRequest { Name = $"progressSnapshots/2023-{month:D2}" });

        Assert.Equal(
            (expected.CompletedInvestmentYuan, expected.PreviousYearCompletedInvestmentYuan, expected.KeyProjectsUnderImplementation),
            (snapshot.PlanProgress.CompletedInvestmentYuan, snapshot.PlanProgress.PreviousYearCompletedInvestmentYuan, snapshot.PlanProgress.KeyProjectsUnderImplementation.Actual));
    }

    [Fact]
    public async Task ProgressSnapshotOf2023_10_PublishesTheReportsFigures()
    {
        var snapshot = await Projects.GetProgressSnapshotAsync(new GetProgressSnapshotRequest { Name = "progressSnapshots/2023-10" });
        var clusters = await new ClusterService.ClusterServiceClient(demo.Suite.Gateway).GetClusterProgressAsync(new GetClusterProgressRequest { Year = 2023 });
        var parks = await new ParkService.ParkServiceClient(demo.Suite.Gateway).GetDigitalProgressAsync(new GetDigitalProgressRequest { Year = 2023 });

        Assert.Equal("2023-10", snapshot.Period);
        DemoFigureAssertions.ReportYear(clusters, snapshot.PlanProgress, parks, demo.Scale);
        DemoFigureAssertions.PlanYear(clusters, snapshot.PlanProgress, parks, DemoFigures.Of(demo.Plan, 2023, throughMonth: 10));
    }
}
