using Grpc.Core;
using Industry.Projects.V1;

namespace Industry.IntegrationTests.Projects;

/// <summary>Monthly investment reports over gRPC on PostgreSQL: one report per project and month, replaced only with
/// its current etag, never more than the total investment, before the start or in the future; and the cumulative total.</summary>
public sealed class InvestmentReportsApiTests(ProjectsServiceFixture service) : IClassFixture<ProjectsServiceFixture>
{
    private static int _serial = 200_000;

    private ProjectService.ProjectServiceClient Client => new(service.Channel);

    private static CallOptions Deadline => new(deadline: DateTime.UtcNow.AddSeconds(15));

    /// <summary>A ¥300M project that started on 1 January 2024.</summary>
    private async Task<Project> StartedProjectAsync()
    {
        var project = await Client.CreateProjectAsync(new CreateProjectRequest
        {
            Project = new Project
            {
                DisplayName = "新能源汽车零部件技改项目",
                ProjectCode = $"2024-340207-36-03-{Interlocked.Increment(ref _serial):D6}",
                EnterpriseUscc = "91340000711771143J",
                EnterpriseDisplayName = "芜湖某汽车零部件有限公司",
                CountyCode = "340207",
                Industry = "industries/AUTO",
                Gbt4754Class = "C3670",
                Nature = ProjectNature.Renovation,
                TotalInvestmentYuan = 300_000_000,
            },
        }, Deadline);
        return await Client.TransitionProjectAsync(new TransitionProjectRequest
        {
            Name = project.Name,
            State = ProjectState.UnderConstruction,
            Date = new Google.Type.Date { Year = 2024, Month = 1, Day = 1 },
        }, Deadline);
    }

    private Task<InvestmentReport> ReportAsync(string project, string period, long yuan, string etag = "") =>
        Client.ReportInvestmentAsync(new ReportInvestmentRequest { Parent = project, Period = period, CompletedInvestmentYuan = yuan, Etag = etag }, Deadline).ResponseAsync;

    [Fact]
    public async Task ReportInvestment_ThreeMonths_MaintainsTheCumulativeTotals()
    {
        var project = await StartedProjectAsync();

        await ReportAsync(project.Name, "2024-01", 10_000_000);
        await ReportAsync(project.Name, "2024-03", 30_000_000);
        var february = await ReportAsync(project.Name, "2024-02", 20_000_000);

        Assert.Equal(30_000_000, february.CumulativeCompletedInvestmentYuan);
        var stored = await Client.GetProjectAsync(new GetProjectRequest { Name = project.Name }, Deadline);
        Assert.Equal((60_000_000L, "2024-03"), (stored.CumulativeCompletedInvestmentYuan, stored.LatestReportPeriod));
        var list = await Client.ListInvestmentReportsAsync(new ListInvestmentReportsRequest { Parent = project.Name, PageSize = 2 }, Deadline);
        Assert.Equal(["2024-03", "2024-02"], list.InvestmentReports.Select(r => r.Period));
        Assert.Equal([60_000_000L, 30_000_000L], list.InvestmentReports.Select(r => r.CumulativeCompletedInvestmentYuan));
        var rest = await Client.ListInvestmentReportsAsync(new ListInvestmentReportsRequest { Parent = project.Name, PageSize = 2, PageToken = list.NextPageToken }, Deadline);
        Assert.Equal(["2024-01"], rest.InvestmentReports.Select(r => r.Period));
        Assert.Empty(rest.NextPageToken);
    }

    [Fact]
    public async Task ReportInvestment_SameMonthAgain_NeedsTheCurrentEtag()
    {
        var project = await StartedProjectAsync();
        var first = await ReportAsync(project.Name, "2024-05", 10_000_000);

        var withoutEtag = await Assert.ThrowsAsync<RpcException>(() => ReportAsync(project.Name, "2024-05", 12_000_000));
        var replaced = await ReportAsync(project.Name, "2024-05", 12_000_000, first.Etag);
        var stale = await Assert.ThrowsAsync<RpcException>(() => ReportAsync(project.Name, "2024-05", 15_000_000, first.Etag));

        Assert.Equal(StatusCode.AlreadyExists, withoutEtag.StatusCode);
        Assert.Equal(StatusCode.Aborted, stale.StatusCode);
        Assert.Equal(12_000_000, replaced.CumulativeCompletedInvestmentYuan);
        Assert.Equal(12_000_000, (await Client.GetProjectAsync(new GetProjectRequest { Name = project.Name }, Deadline)).CumulativeCompletedInvestmentYuan);
    }

    [Theory]
    [InlineData("2023-12", 1, "period")]            // before the actual start
    [InlineData("2099-01", 1, "period")]            // in the future
    [InlineData("2024-06", 300_000_001, "completed_investment_yuan")] // beyond the total investment
    [InlineData("2024-06", -1, "completed_investment_yuan")]
    public async Task ReportInvestment_AgainstTheRules_IsInvalidArgumentAndStoresNothing(string period, long yuan, string field)
    {
        var project = await StartedProjectAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => ReportAsync(project.Name, period, yuan));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(field, error.Status.Detail, StringComparison.Ordinal);
        Assert.Empty((await Client.ListInvestmentReportsAsync(new ListInvestmentReportsRequest { Parent = project.Name }, Deadline)).InvestmentReports);
        Assert.Equal(project.Etag, (await Client.GetProjectAsync(new GetProjectRequest { Name = project.Name }, Deadline)).Etag);
    }

    [Fact]
    public async Task ReportInvestment_ProjectNotStarted_IsFailedPrecondition()
    {
        var project = await StartedProjectAsync();
        var reserve = await Client.CreateProjectAsync(new CreateProjectRequest
        {
            Project = new Project(project) { Name = string.Empty, ProjectCode = $"2024-340207-36-03-{Interlocked.Increment(ref _serial):D6}" },
        }, Deadline);

        var error = await Assert.ThrowsAsync<RpcException>(() => ReportAsync(reserve.Name, "2024-01", 1));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
    }

    [Fact]
    public async Task DeleteInvestmentReport_Existing_LowersTheCumulativeTotal()
    {
        var project = await StartedProjectAsync();
        await ReportAsync(project.Name, "2024-01", 10_000_000);
        var february = await ReportAsync(project.Name, "2024-02", 20_000_000);

        await Client.DeleteInvestmentReportAsync(new DeleteInvestmentReportRequest { Name = february.Name, Etag = february.Etag }, Deadline);

        Assert.Equal(10_000_000, (await Client.GetProjectAsync(new GetProjectRequest { Name = project.Name }, Deadline)).CumulativeCompletedInvestmentYuan);
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.GetInvestmentReportAsync(new GetInvestmentReportRequest { Name = february.Name }, Deadline).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }
}
