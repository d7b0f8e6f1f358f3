using Google.Rpc;
using Grpc.Core;
using Industry.Projects.V1;
using Industry.ServiceDefaults.Security;
using Industry.TestInfrastructure;

namespace Industry.IntegrationTests.Projects;

/// <summary>BatchReportInvestments (AIP-233) over gRPC on PostgreSQL: every report and its event, or nothing.</summary>
public sealed class BatchReportInvestmentsApiTests(ProjectsServiceFixture service) : IClassFixture<ProjectsServiceFixture>
{
    private static int _serial = 700_000;

    private ProjectService.ProjectServiceClient Client => new(service.Channel);

    private static CallOptions Deadline => new(deadline: DateTime.UtcNow.AddSeconds(15));

    /// <summary>A ¥300M project in <paramref name="county"/> that started on 1 January 2024.</summary>
    private async Task<Project> StartedProjectAsync(string county = "340207")
    {
        var project = await Client.CreateProjectAsync(new CreateProjectRequest
        {
            Project = new Project
            {
                DisplayName = "新能源汽车零部件技改项目",
                ProjectCode = $"2024-{county}-36-03-{Interlocked.Increment(ref _serial):D6}",
                EnterpriseUscc = "91340000711771143J",
                EnterpriseDisplayName = "某汽车零部件有限公司",
                CountyCode = county,
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

    private static ReportInvestmentRequest Item(Project project, string period, long yuan) =>
        new() { Parent = project.Name, Period = period, CompletedInvestmentYuan = yuan };

    private Task<long> ReportsAsync(Project project) =>
        Rows.CountAsync(service.Database, "SELECT count(*) FROM investment_reports WHERE project_id = @value", project.Name["projects/".Length..]);

    private Task<long> EventsAsync(Project project) =>
        Rows.CountAsync(service.Database, "SELECT count(*) FROM outbox_messages WHERE subject = @value AND event_type = 'industry.projects.v1.InvestmentReported'", project.Name);

    [Fact]
    public async Task BatchReportInvestments_StoresEveryReportWithItsCumulativeAndEmitsEachEvent()
    {
        var (first, second) = (await StartedProjectAsync(), await StartedProjectAsync());

        var response = await Client.BatchReportInvestmentsAsync(new BatchReportInvestmentsRequest
        {
            Parent = "projects/-",
            Requests = { Item(first, "2024-01", 10_000_000), Item(first, "2024-02", 20_000_000), Item(second, "2024-01", 5_000_000), Item(first, "2024-03", 30_000_000) },
        }, Deadline);

        Assert.Equal([10_000_000L, 30_000_000L, 5_000_000L, 60_000_000L], response.InvestmentReports.Select(r => r.CumulativeCompletedInvestmentYuan));
        var stored = await Client.GetProjectAsync(new GetProjectRequest { Name = first.Name }, Deadline);
        Assert.Equal((60_000_000L, "2024-03"), (stored.CumulativeCompletedInvestmentYuan, stored.LatestReportPeriod));
        Assert.Equal((3, 1), (await ReportsAsync(first), await ReportsAsync(second)));
        Assert.Equal((3, 1), (await EventsAsync(first), await EventsAsync(second)));
        var list = await Client.ListInvestmentReportsAsync(new ListInvestmentReportsRequest { Parent = first.Name }, Deadline);
        Assert.Equal([60_000_000L, 30_000_000L, 10_000_000L], list.InvestmentReports.Select(r => r.CumulativeCompletedInvestmentYuan));
    }

    [Fact]
    public async Task BatchReportInvestments_OneInvalidItem_IsInvalidArgumentNamingItAndStoresNothing()
    {
        var project = await StartedProjectAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.BatchReportInvestmentsAsync(new BatchReportInvestmentsRequest
        {
            Parent = project.Name,
            Requests = { Item(project, "2024-01", 10_000_000), Item(project, "2024-13", 10_000_000) },
        }, Deadline).ResponseAsync);

        Assert.Equal((StatusCode.InvalidArgument, "requests[1].period"), (error.StatusCode, Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field));
        Assert.Equal((0, 0), (await ReportsAsync(project), await EventsAsync(project)));
        Assert.Equal(0, (await Client.GetProjectAsync(new GetProjectRequest { Name = project.Name }, Deadline)).CumulativeCompletedInvestmentYuan);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public async Task BatchReportInvestments_NoneOrMoreThan1000Items_IsInvalidArgumentOnRequests(int count)
    {
        var project = await StartedProjectAsync();
        var request = new BatchReportInvestmentsRequest { Parent = "projects/-" };
        request.Requests.Add(Enumerable.Range(0, count).Select(_ => Item(project, "2024-01", 1)));

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.BatchReportInvestmentsAsync(request, Deadline).ResponseAsync);

        Assert.Equal((StatusCode.InvalidArgument, "requests"), (error.StatusCode, Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field));
        Assert.Equal(0, await ReportsAsync(project));
    }

    [Fact]
    public async Task BatchReportInvestments_CityEditorWithAProjectOutsideItsCity_IsPermissionDeniedAndStoresNothing()
    {
        var (wuhu, hefei) = (await StartedProjectAsync("340207"), await StartedProjectAsync("340104"));
        var editor = TestTokens.Bearer(TestTokens.Mint(Roles.CityEditor, "340200"));

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.BatchReportInvestmentsAsync(new BatchReportInvestmentsRequest
        {
            Parent = "projects/-",
            Requests = { Item(wuhu, "2024-01", 10_000_000), Item(hefei, "2024-01", 10_000_000) },
        }, editor, DateTime.UtcNow.AddSeconds(15)).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal((0, 0), (await ReportsAsync(wuhu), await ReportsAsync(hefei)));

        var own = await Client.BatchReportInvestmentsAsync(
            new BatchReportInvestmentsRequest { Parent = wuhu.Name, Requests = { new ReportInvestmentRequest { Period = "2024-01", CompletedInvestmentYuan = 1 } } },
            editor,
            DateTime.UtcNow.AddSeconds(15));
        Assert.Equal(wuhu.Name + "/investmentReports/2024-01", Assert.Single(own.InvestmentReports).Name);
    }
}
