using Google.Rpc;
using Grpc.Core;
using Industry.Projects.V1;
using Industry.ServiceDefaults.Security;
using Industry.TestInfrastructure;

namespace Industry.IntegrationTests.Projects;

/// <summary>
/// The review of investment reports (审核, ADR 0026) over gRPC on PostgreSQL: a Shushan county editor's report waits
/// as SUBMITTED and counts in no figure until Hefei approves it; Hefei returns it with a reason and the county corrects
/// it. The outsiders (another county, another city, approving twice, a stale etag, no reason) are refused with a
/// precise status and store nothing, read back as a province admin.
/// </summary>
public sealed class InvestmentReportReviewApiTests(ProjectsServiceFixture service) : IClassFixture<ProjectsServiceFixture>
{
    private const string Shushan = "340104"; // 蜀山区, Hefei
    private const string Luyang = "340103"; // 庐阳区, Hefei

    private static int _serial = 260_000;

    private static readonly Metadata ShushanEditor = TestTokens.Bearer(TestTokens.CountyEditor(Shushan, "shushan-editor"));
    private static readonly Metadata LuyangEditor = TestTokens.Bearer(TestTokens.CountyEditor(Luyang, "luyang-editor"));
    private static readonly Metadata HefeiEditor = TestTokens.Bearer(TestTokens.Mint(Roles.CityEditor, "340100", subject: "hefei-editor"));
    private static readonly Metadata WuhuEditor = TestTokens.Bearer(TestTokens.Mint(Roles.CityEditor, "340200", subject: "wuhu-editor"));

    private ProjectService.ProjectServiceClient Client => new(service.Channel);

    private static CallOptions As(Metadata? caller = null) => new(headers: caller, deadline: DateTime.UtcNow.AddSeconds(15));

    [Fact]
    public async Task CountyEditorsReport_IsSubmittedAndCountsInNoFigureUntilItsCityApprovesIt()
    {
        var project = await StartedProjectAsync(Shushan);
        var progressBefore = await ProgressAsync();
        var statsBefore = await HefeiStatsAsync();

        var submitted = await ReportAsync(project, "2024-02", 4_000_000, ShushanEditor);

        Assert.Equal((ReviewState.Submitted, "shushan-editor", string.Empty, 0L), (submitted.ReviewState, submitted.UpdateActor, submitted.ReviewActor, submitted.CumulativeCompletedInvestmentYuan));
        Assert.Equal(0, (await GetProjectAsync(project)).CumulativeCompletedInvestmentYuan);
        Assert.Equal(progressBefore, await ProgressAsync());
        Assert.Equal(statsBefore, await HefeiStatsAsync());
        Assert.Equal(0, (await Client.GetInvestmentReportAsync(new GetInvestmentReportRequest { Name = submitted.Name }, As())).CumulativeCompletedInvestmentYuan);

        var approved = await Client.ApproveInvestmentReportAsync(new ApproveInvestmentReportRequest { Name = submitted.Name, Etag = submitted.Etag }, As(HefeiEditor));

        Assert.Equal((ReviewState.Approved, "hefei-editor", 4_000_000L), (approved.ReviewState, approved.ReviewActor, approved.CumulativeCompletedInvestmentYuan));
        Assert.NotNull(approved.ReviewTime);
        Assert.Equal(4_000_000, (await GetProjectAsync(project)).CumulativeCompletedInvestmentYuan);
        Assert.Equal(progressBefore + 4_000_000, await ProgressAsync());
        Assert.Equal(statsBefore + 4_000_000, await HefeiStatsAsync());
        Assert.Equal(1, await EventsAsync(project, "InvestmentReported"));
        Assert.Equal(1, await EventsAsync(project, "InvestmentReportApproved"));
    }

    [Fact]
    public async Task CityEditorsAndAdminsReports_AreApprovedAtOnce()
    {
        var project = await StartedProjectAsync(Shushan);

        var byCity = await ReportAsync(project, "2024-02", 1_000_000, HefeiEditor);
        var byAdmin = await ReportAsync(project, "2024-03", 2_000_000, null);

        Assert.Equal((ReviewState.Approved, "hefei-editor"), (byCity.ReviewState, byCity.ReviewActor));
        Assert.Equal((ReviewState.Approved, 3_000_000L), (byAdmin.ReviewState, byAdmin.CumulativeCompletedInvestmentYuan));
        Assert.Equal(3_000_000, (await GetProjectAsync(project)).CumulativeCompletedInvestmentYuan);
    }

    [Fact]
    public async Task Returned_IsCorrectedByTheCountyAndApproved()
    {
        var project = await StartedProjectAsync(Shushan);
        var submitted = await ReportAsync(project, "2024-02", 4_000_000, ShushanEditor);

        var returned = await Client.ReturnInvestmentReportAsync(new ReturnInvestmentReportRequest { Name = submitted.Name, Reason = "  金额与项目台账不符  ", Etag = submitted.Etag }, As(HefeiEditor));
        Assert.Equal((ReviewState.Returned, "金额与项目台账不符", "hefei-editor"), (returned.ReviewState, returned.ReturnReason, returned.ReviewActor));
        Assert.Equal(1, await EventsAsync(project, "InvestmentReportReturned"));

        var corrected = await Client.ReportInvestmentAsync(new ReportInvestmentRequest { Parent = project.Name, Period = "2024-02", CompletedInvestmentYuan = 3_500_000, Etag = returned.Etag }, As(ShushanEditor));
        Assert.Equal((ReviewState.Submitted, string.Empty, 0L), (corrected.ReviewState, corrected.ReturnReason, (await GetProjectAsync(project)).CumulativeCompletedInvestmentYuan));

        await Client.ApproveInvestmentReportAsync(new ApproveInvestmentReportRequest { Name = corrected.Name, Etag = corrected.Etag }, As());
        Assert.Equal(3_500_000, (await GetProjectAsync(project)).CumulativeCompletedInvestmentYuan);
    }

    [Fact]
    public async Task CountyEditorOfAnotherCounty_ReportingOrDeleting_IsOutsideCallerCountyAndStoresNothing()
    {
        var project = await StartedProjectAsync(Shushan);
        var submitted = await ReportAsync(project, "2024-02", 1_000_000, ShushanEditor);
        var before = await SnapshotAsync(project, submitted);

        var report = await Assert.ThrowsAsync<RpcException>(() => Client.ReportInvestmentAsync(
            new ReportInvestmentRequest { Parent = project.Name, Period = "2024-03", CompletedInvestmentYuan = 1 }, As(LuyangEditor)).ResponseAsync);
        var batch = await Assert.ThrowsAsync<RpcException>(() => Client.BatchReportInvestmentsAsync(new BatchReportInvestmentsRequest
        {
            Parent = "projects/-",
            Requests = { new ReportInvestmentRequest { Parent = project.Name, Period = "2024-03", CompletedInvestmentYuan = 1 } },
        }, As(LuyangEditor)).ResponseAsync);
        var delete = await Assert.ThrowsAsync<RpcException>(() => Client.DeleteInvestmentReportAsync(
            new DeleteInvestmentReportRequest { Name = submitted.Name }, As(LuyangEditor)).ResponseAsync);
        var absent = await Assert.ThrowsAsync<RpcException>(() => Client.ReportInvestmentAsync(
            new ReportInvestmentRequest { Parent = "projects/p-absent", Period = "2024-03", CompletedInvestmentYuan = 1 }, As(LuyangEditor)).ResponseAsync);

        Assert.All([report, batch, delete, absent], e => Assert.Equal((StatusCode.PermissionDenied, "OUTSIDE_CALLER_COUNTY"), (e.StatusCode, Reason(e))));
        Assert.Equal(before, await SnapshotAsync(project, submitted));
    }

    [Fact]
    public async Task CountyEditor_EveryOtherWrite_IsRoleNotPermitted()
    {
        var project = await StartedProjectAsync(Shushan);
        var submitted = await ReportAsync(project, "2024-02", 1_000_000, ShushanEditor);
        var before = await SnapshotAsync(project, submitted);

        var calls = new Func<Task>[]
        {
            () => Client.ApproveInvestmentReportAsync(new ApproveInvestmentReportRequest { Name = submitted.Name }, As(ShushanEditor)).ResponseAsync,
            () => Client.ReturnInvestmentReportAsync(new ReturnInvestmentReportRequest { Name = submitted.Name, Reason = "自己退回" }, As(ShushanEditor)).ResponseAsync,
            () => Client.TransitionProjectAsync(new TransitionProjectRequest { Name = project.Name, State = ProjectState.Suspended, Reason = "停工" }, As(ShushanEditor)).ResponseAsync,
            () => Client.CreateProjectAsync(new CreateProjectRequest { Project = NewProject(Shushan) }, As(ShushanEditor)).ResponseAsync,
            () => Client.DeleteProjectAsync(new DeleteProjectRequest { Name = project.Name, Force = true }, As(ShushanEditor)).ResponseAsync,
        };
        foreach (var call in calls)
        {
            var error = await Assert.ThrowsAsync<RpcException>(call);
            Assert.Equal((StatusCode.PermissionDenied, "ROLE_NOT_PERMITTED"), (error.StatusCode, Reason(error)));
        }

        Assert.Equal(before, await SnapshotAsync(project, submitted));
    }

    [Fact]
    public async Task CountyEditor_DeletesItsSubmittedReport_ButNotAnApprovedOne()
    {
        var project = await StartedProjectAsync(Shushan);
        var submitted = await ReportAsync(project, "2024-02", 1_000_000, ShushanEditor);
        var approved = await ReportAsync(project, "2024-03", 2_000_000, HefeiEditor);
        var before = await SnapshotAsync(project, approved);

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.DeleteInvestmentReportAsync(new DeleteInvestmentReportRequest { Name = approved.Name }, As(ShushanEditor)).ResponseAsync);
        Assert.Equal((StatusCode.FailedPrecondition, "REPORT_ALREADY_APPROVED"), (error.StatusCode, Reason(error)));
        Assert.Equal(before, await SnapshotAsync(project, approved));

        await Client.DeleteInvestmentReportAsync(new DeleteInvestmentReportRequest { Name = submitted.Name, Etag = submitted.Etag }, As(ShushanEditor));
        Assert.Equal(2_000_000, (await GetProjectAsync(project)).CumulativeCompletedInvestmentYuan);
    }

    [Fact]
    public async Task CountyEditor_ReplacingAnApprovedReport_IsFailedPreconditionAndStoresNothing()
    {
        var project = await StartedProjectAsync(Shushan);
        var approved = await ReportAsync(project, "2024-02", 2_000_000, HefeiEditor);
        var before = await SnapshotAsync(project, approved);

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.ReportInvestmentAsync(
            new ReportInvestmentRequest { Parent = project.Name, Period = "2024-02", CompletedInvestmentYuan = 1, Etag = approved.Etag }, As(ShushanEditor)).ResponseAsync);

        Assert.Equal((StatusCode.FailedPrecondition, "REPORT_ALREADY_APPROVED"), (error.StatusCode, Reason(error)));
        Assert.Equal(before, await SnapshotAsync(project, approved));
    }

    [Fact]
    public async Task CityEditorOfAnotherCity_ApprovingOrReturning_IsOutsideCallerCityAndStoresNothing()
    {
        var project = await StartedProjectAsync(Shushan);
        var submitted = await ReportAsync(project, "2024-02", 1_000_000, ShushanEditor);
        var before = await SnapshotAsync(project, submitted);

        var approve = await Assert.ThrowsAsync<RpcException>(() => Client.ApproveInvestmentReportAsync(new ApproveInvestmentReportRequest { Name = submitted.Name }, As(WuhuEditor)).ResponseAsync);
        var reject = await Assert.ThrowsAsync<RpcException>(() => Client.ReturnInvestmentReportAsync(new ReturnInvestmentReportRequest { Name = submitted.Name, Reason = "不是本市的" }, As(WuhuEditor)).ResponseAsync);

        Assert.All([approve, reject], e => Assert.Equal((StatusCode.PermissionDenied, "OUTSIDE_CALLER_CITY"), (e.StatusCode, Reason(e))));
        Assert.Equal(before, await SnapshotAsync(project, submitted));
    }

    [Fact]
    public async Task Approving_TwiceOrWithAStaleEtag_IsRefusedAndStoresNothing()
    {
        var project = await StartedProjectAsync(Shushan);
        var submitted = await ReportAsync(project, "2024-02", 1_000_000, ShushanEditor);
        var corrected = await Client.ReportInvestmentAsync(new ReportInvestmentRequest { Parent = project.Name, Period = "2024-02", CompletedInvestmentYuan = 900_000, Etag = submitted.Etag }, As(ShushanEditor));
        var before = await SnapshotAsync(project, corrected);

        // The city reviewed the first figures; the county has corrected them since.
        var stale = await Assert.ThrowsAsync<RpcException>(() => Client.ApproveInvestmentReportAsync(new ApproveInvestmentReportRequest { Name = submitted.Name, Etag = submitted.Etag }, As(HefeiEditor)).ResponseAsync);
        Assert.Equal(StatusCode.Aborted, stale.StatusCode);
        Assert.Equal(before, await SnapshotAsync(project, corrected));

        var approved = await Client.ApproveInvestmentReportAsync(new ApproveInvestmentReportRequest { Name = corrected.Name, Etag = corrected.Etag }, As(HefeiEditor));
        var afterApproval = await SnapshotAsync(project, approved);
        var twice = await Assert.ThrowsAsync<RpcException>(() => Client.ApproveInvestmentReportAsync(new ApproveInvestmentReportRequest { Name = approved.Name, Etag = approved.Etag }, As(HefeiEditor)).ResponseAsync);
        var returnApproved = await Assert.ThrowsAsync<RpcException>(() => Client.ReturnInvestmentReportAsync(new ReturnInvestmentReportRequest { Name = approved.Name, Reason = "晚了" }, As(HefeiEditor)).ResponseAsync);

        Assert.All([twice, returnApproved], e => Assert.Equal((StatusCode.FailedPrecondition, "REPORT_NOT_SUBMITTED"), (e.StatusCode, Reason(e))));
        Assert.Equal(afterApproval, await SnapshotAsync(project, approved));
        Assert.Equal(900_000, (await GetProjectAsync(project)).CumulativeCompletedInvestmentYuan);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)] // 1,001 characters
    public async Task Returning_WithoutAReasonOrATooLongOne_IsInvalidArgumentAndStoresNothing(string? reason)
    {
        var project = await StartedProjectAsync(Shushan);
        var submitted = await ReportAsync(project, "2024-02", 1_000_000, ShushanEditor);
        var before = await SnapshotAsync(project, submitted);

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.ReturnInvestmentReportAsync(
            new ReturnInvestmentReportRequest { Name = submitted.Name, Reason = reason ?? new string('退', 1001) }, As(HefeiEditor)).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["reason"], error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field));
        Assert.Equal(before, await SnapshotAsync(project, submitted));
    }

    private static string Reason(RpcException error) => error.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason ?? string.Empty;

    private static Project NewProject(string county) => new()
    {
        DisplayName = "智能制造技改项目",
        ProjectCode = $"2024-{county}-39-03-{Interlocked.Increment(ref _serial):D6}",
        EnterpriseUscc = "91340000711771143J",
        EnterpriseDisplayName = "某电子信息有限公司",
        CountyCode = county,
        Industry = "industries/IT",
        Gbt4754Class = "C3971",
        Nature = ProjectNature.NewBuild,
        TotalInvestmentYuan = 300_000_000,
    };

    /// <summary>A ¥300M project of <paramref name="county"/> that started on 1 January 2024 (created by a province admin).</summary>
    private async Task<Project> StartedProjectAsync(string county)
    {
        var project = await Client.CreateProjectAsync(new CreateProjectRequest { Project = NewProject(county) }, As());
        return await Client.TransitionProjectAsync(new TransitionProjectRequest
        {
            Name = project.Name,
            State = ProjectState.UnderConstruction,
            Date = new Google.Type.Date { Year = 2024, Month = 1, Day = 1 },
        }, As());
    }

    private async Task<InvestmentReport> ReportAsync(Project project, string period, long yuan, Metadata? caller) =>
        await Client.ReportInvestmentAsync(new ReportInvestmentRequest { Parent = project.Name, Period = period, CompletedInvestmentYuan = yuan }, As(caller));

    private async Task<Project> GetProjectAsync(Project project) => await Client.GetProjectAsync(new GetProjectRequest { Name = project.Name }, As());

    /// <summary>Completed investment of 2024 through February, the whole province (GetPlanProgress).</summary>
    private async Task<long> ProgressAsync() =>
        (await Client.GetPlanProgressAsync(new GetPlanProgressRequest { Year = 2024, ThroughMonth = 2 }, As())).CompletedInvestmentYuan;

    /// <summary>Hefei's completed investment in February 2024 (GetInvestmentStats by city).</summary>
    private async Task<long> HefeiStatsAsync() =>
        (await Client.GetInvestmentStatsAsync(new GetInvestmentStatsRequest { GroupBy = InvestmentGroupBy.City, StartPeriod = "2024-02", EndPeriod = "2024-02" }, As()))
            .Rows.SingleOrDefault(r => r.Key == "340100")?.CompletedInvestmentYuan ?? 0;

    private Task<long> EventsAsync(Project project, string type) =>
        Rows.CountAsync(service.Database, $"SELECT count(*) FROM outbox_messages WHERE subject = @value AND event_type = 'industry.projects.v1.{type}'", project.Name);

    /// <summary>What a refused call must leave as it was: the project, the report, the project's events, Hefei's month totals.</summary>
    private async Task<(string ProjectEtag, string ReportEtag, long Events, long CityTotal)> SnapshotAsync(Project project, InvestmentReport report)
    {
        var stored = await Client.GetInvestmentReportAsync(new GetInvestmentReportRequest { Name = report.Name }, As());
        var events = await Rows.CountAsync(service.Database, "SELECT count(*) FROM outbox_messages WHERE subject = @value", project.Name);
        var total = (await Rows.ColumnAsync<long>(service.Database, "SELECT COALESCE(SUM(completed_investment_yuan), 0)::bigint FROM city_month_investments WHERE city_code = @value", "340100")).Single();
        return ((await GetProjectAsync(project)).Etag, stored.Etag, events, total);
    }
}
