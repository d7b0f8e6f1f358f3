using Google.Rpc;
using Grpc.Core;
using Industry.Projects.V1;
using Industry.ServiceDefaults.Security;
using Industry.TestInfrastructure;

namespace Industry.IntegrationTests.Projects;

/// <summary>
/// 月度关账 and 调度通报 over gRPC on PostgreSQL: who may close, the refusals of bad months, a closed month's reports
/// refused to a city editor, and the bulletin that turns from provisional to published at the close and then holds.
/// Each test closes months of its own (2021): a closed month stays closed in the fixture's database.
/// </summary>
public sealed class ReportingPeriodsApiTests(ProjectsServiceFixture service) : IClassFixture<ProjectsServiceFixture>
{
    private static readonly Metadata HefeiEditor = TestTokens.Bearer(TestTokens.Mint(Roles.CityEditor, "340100", subject: "hefei-editor"));

    private ProjectService.ProjectServiceClient Client => new(service.Channel);

    private ProjectData Data => new(Client);

    private static CallOptions Deadline => new(deadline: DateTime.UtcNow.AddSeconds(15));

    [Fact]
    public async Task ClosePeriod_ByACityEditor_IsPermissionDeniedAndLeavesTheMonthOpen()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Client.ClosePeriodAsync(new ClosePeriodRequest { Name = "reportingPeriods/2021-01" }, HefeiEditor, DateTime.UtcNow.AddSeconds(15)).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        var period = await Client.GetReportingPeriodAsync(new GetReportingPeriodRequest { Name = "reportingPeriods/2021-01" }, Deadline);
        Assert.Equal((ReportingPeriodState.Open, string.Empty), (period.State, period.ProgressSnapshot));
    }

    [Theory]
    [InlineData("2024-13")]
    [InlineData("2024-1")]
    [InlineData("2099-01")]
    public async Task EveryMethod_WrongOrFutureMonth_IsInvalidArgumentOnTheName(string period)
    {
        Task[] calls =
        [
            Client.ClosePeriodAsync(new ClosePeriodRequest { Name = "reportingPeriods/" + period }, Deadline).ResponseAsync,
            Client.GetReportingPeriodAsync(new GetReportingPeriodRequest { Name = "reportingPeriods/" + period }, Deadline).ResponseAsync,
            Client.GetProgressSnapshotAsync(new GetProgressSnapshotRequest { Name = "progressSnapshots/" + period }, Deadline).ResponseAsync,
            Client.GetDispatchBulletinAsync(new GetDispatchBulletinRequest { Name = "dispatchBulletins/" + period }, Deadline).ResponseAsync,
        ];

        foreach (var call in calls)
        {
            var error = await Assert.ThrowsAsync<RpcException>(() => call);
            Assert.Equal((StatusCode.InvalidArgument, "name"), (error.StatusCode, Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field));
        }

        Assert.DoesNotContain(
            (await Client.ListReportingPeriodsAsync(new ListReportingPeriodsRequest { PageSize = 1000 }, Deadline)).ReportingPeriods,
            p => p.Period == period);
    }

    [Fact]
    public async Task ReportInvestment_ByACityEditorInAClosedMonth_IsPeriodClosedAndStoresNothing()
    {
        var project = await Data.ProjectAsync("340104", 300_000_000, new DateOnly(2021, 1, 1));
        var report = await Data.ReportAsync(project, "2021-02", 1_000_000);
        await Client.ClosePeriodAsync(new ClosePeriodRequest { Name = "reportingPeriods/2021-02" }, Deadline);

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.ReportInvestmentAsync(
            new ReportInvestmentRequest { Parent = project.Name, Period = "2021-02", CompletedInvestmentYuan = 9_000_000, Etag = report.Etag, CorrectionReason = "更正" },
            HefeiEditor,
            DateTime.UtcNow.AddSeconds(15)).ResponseAsync);

        Assert.Equal((StatusCode.FailedPrecondition, "PERIOD_CLOSED"), (error.StatusCode, error.GetRpcStatus()!.GetDetail<ErrorInfo>().Reason));
        Assert.Equal(report, await Client.GetInvestmentReportAsync(new GetInvestmentReportRequest { Name = report.Name }, Deadline));
    }

    [Fact]
    public async Task DispatchBulletin_ProvisionalWhileOpen_PublishedAtTheClose_ThenUnmovedByACorrection()
    {
        var growing = await Data.ProjectAsync("340104", 900_000_000, new DateOnly(2020, 1, 1)); // Hefei
        var shrinking = await Data.ProjectAsync("340207", 900_000_000, new DateOnly(2020, 1, 1)); // Wuhu
        await Data.ReportAsync(growing, "2020-03", 10_000_000);
        await Data.ReportAsync(shrinking, "2020-03", 10_000_000);
        await Data.ReportAsync(growing, "2021-03", 15_000_000);
        var wuhuMarch = await Data.ReportAsync(shrinking, "2021-03", 8_000_000);
        var request = new GetDispatchBulletinRequest { Name = "dispatchBulletins/2021-03" };

        var provisional = await Client.GetDispatchBulletinAsync(request, Deadline);
        var closed = await Client.ClosePeriodAsync(new ClosePeriodRequest { Name = "reportingPeriods/2021-03", RequestId = Guid.NewGuid().ToString() }, Deadline);
        var published = await Client.GetDispatchBulletinAsync(request, Deadline);
        await Client.ReportInvestmentAsync(
            new ReportInvestmentRequest { Parent = shrinking.Name, Period = "2021-03", CompletedInvestmentYuan = 30_000_000, Etag = wuhuMarch.Etag, CorrectionReason = "漏报更正" },
            Deadline);
        var afterCorrection = await Client.GetDispatchBulletinAsync(request, Deadline);

        Assert.True(provisional.Provisional);
        Assert.Equal((false, closed.ProgressSnapshot), (published.Provisional, published.ProgressSnapshot));
        Assert.Equal(["340100", "340200"], published.Cities.Take(2).Select(c => c.CityCode)); // +50% before -20%
        Assert.Equal([1, 2], published.Cities.Take(2).Select(c => c.InvestmentGrowthRank));
        Assert.Equal(provisional.Cities, published.Cities);
        Assert.Equal(published, afterCorrection);
        var snapshot = await Client.GetProgressSnapshotAsync(new GetProgressSnapshotRequest { Name = closed.ProgressSnapshot }, Deadline);
        Assert.Equal(8_000_000, snapshot.PlanProgress.Cities.Single(c => c.CityCode == "340200").CompletedInvestmentYuan);
        var current = await Client.GetPlanProgressAsync(new GetPlanProgressRequest { Year = 2021, ThroughMonth = 3 }, Deadline);
        Assert.Equal(30_000_000, current.Cities.Single(c => c.CityCode == "340200").CompletedInvestmentYuan);
    }

    [Fact]
    public async Task GetProgressSnapshot_OfAnOpenMonth_IsNotFound()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Client.GetProgressSnapshotAsync(new GetProgressSnapshotRequest { Name = "progressSnapshots/2021-04" }, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }
}
