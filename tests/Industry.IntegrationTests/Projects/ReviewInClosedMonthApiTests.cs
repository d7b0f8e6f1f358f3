using Google.Rpc;
using Grpc.Core;
using Industry.Projects.V1;
using Industry.ServiceDefaults.Security;
using Industry.TestInfrastructure;

namespace Industry.IntegrationTests.Projects;

/// <summary>
/// Reviewing (审核) a report of a closed month (ADR 0026, amended): every role, in an open month and in a closed one,
/// approving and returning a Shushan county editor's SUBMITTED report over gRPC on PostgreSQL. In a closed month only a
/// province admin's correction with a reason goes through (raised as <c>InvestmentReportCorrected</c> too); everything
/// else is refused with a precise status and stores nothing. Closing a month is global, so this class has its own
/// database and every closed case its own month.
/// </summary>
public sealed class ReviewInClosedMonthApiTests(ProjectsServiceFixture service) : IClassFixture<ProjectsServiceFixture>
{
    private const string Shushan = "340104"; // 蜀山区, Hefei
    private const string OpenMonth = "2022-01";

    private static readonly Dictionary<string, Metadata?> Callers = new()
    {
        ["admin"] = null,
        ["hefei-editor"] = TestTokens.Bearer(TestTokens.Mint(Roles.CityEditor, "340100", subject: "hefei-editor")),
        ["wuhu-editor"] = TestTokens.Bearer(TestTokens.Mint(Roles.CityEditor, "340200", subject: "wuhu-editor")),
        ["shushan-editor"] = TestTokens.Bearer(TestTokens.CountyEditor(Shushan, "shushan-editor")),
        ["viewer"] = TestTokens.Bearer(TestTokens.Viewer),
    };

    private ProjectService.ProjectServiceClient Client => new(service.Channel);

    /// <summary>Caller, approve or return, the report's month (<see cref="OpenMonth"/> or one closed for the case alone), the correction reason, the expected status and reason ("OK": stored).</summary>
    public static TheoryData<string, string, string, string, StatusCode, string> Cases => new()
    {
        { "hefei-editor", "approve", OpenMonth, string.Empty, StatusCode.OK, "OK" },
        { "hefei-editor", "approve", "2019-01", string.Empty, StatusCode.FailedPrecondition, "PERIOD_CLOSED" },
        { "hefei-editor", "approve", "2019-02", "关账后补审", StatusCode.FailedPrecondition, "PERIOD_CLOSED" },
        { "admin", "approve", OpenMonth, string.Empty, StatusCode.OK, "OK" },
        { "admin", "approve", OpenMonth, "关账后补审", StatusCode.InvalidArgument, "correction_reason" },
        { "admin", "approve", "2019-03", "   ", StatusCode.FailedPrecondition, "PERIOD_CLOSED" },
        { "admin", "approve", "2019-04", "关账后补审", StatusCode.OK, "OK" },
        { "wuhu-editor", "approve", "2019-05", "关账后补审", StatusCode.PermissionDenied, "OUTSIDE_CALLER_CITY" },
        { "shushan-editor", "approve", OpenMonth, string.Empty, StatusCode.PermissionDenied, "ROLE_NOT_PERMITTED" },
        { "shushan-editor", "approve", "2019-06", "关账后补审", StatusCode.PermissionDenied, "ROLE_NOT_PERMITTED" },
        { "viewer", "approve", OpenMonth, string.Empty, StatusCode.PermissionDenied, "ROLE_NOT_PERMITTED" },
        { "viewer", "approve", "2019-07", "关账后补审", StatusCode.PermissionDenied, "ROLE_NOT_PERMITTED" },
        { "hefei-editor", "return", OpenMonth, string.Empty, StatusCode.OK, "OK" },
        { "hefei-editor", "return", "2019-08", string.Empty, StatusCode.FailedPrecondition, "PERIOD_CLOSED" },
        { "hefei-editor", "return", "2019-09", "关账后退回", StatusCode.FailedPrecondition, "PERIOD_CLOSED" },
        { "admin", "return", OpenMonth, string.Empty, StatusCode.OK, "OK" },
        { "admin", "return", OpenMonth, "关账后退回", StatusCode.InvalidArgument, "correction_reason" },
        { "admin", "return", "2019-10", string.Empty, StatusCode.FailedPrecondition, "PERIOD_CLOSED" },
        { "admin", "return", "2019-11", "关账后退回", StatusCode.OK, "OK" },
        { "wuhu-editor", "return", "2019-12", "关账后退回", StatusCode.PermissionDenied, "OUTSIDE_CALLER_CITY" },
        { "shushan-editor", "return", OpenMonth, string.Empty, StatusCode.PermissionDenied, "ROLE_NOT_PERMITTED" },
        { "shushan-editor", "return", "2020-01", "关账后退回", StatusCode.PermissionDenied, "ROLE_NOT_PERMITTED" },
        { "viewer", "return", OpenMonth, string.Empty, StatusCode.PermissionDenied, "ROLE_NOT_PERMITTED" },
        { "viewer", "return", "2020-02", "关账后退回", StatusCode.PermissionDenied, "ROLE_NOT_PERMITTED" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Review_ByEveryRole_InAnOpenOrClosedMonth(string caller, string action, string month, string correction, StatusCode expected, string reason)
    {
        var project = await new ProjectData(Client).ProjectAsync(Shushan, 300_000_000, new DateOnly(2019, 1, 1));
        var submitted = await Client.ReportInvestmentAsync(
            new ReportInvestmentRequest { Parent = project.Name, Period = month, CompletedInvestmentYuan = 4_000_000 }, As(Callers["shushan-editor"]));
        var closed = month != OpenMonth;
        if (closed)
        {
            await Client.ClosePeriodAsync(new ClosePeriodRequest { Name = "reportingPeriods/" + month }, As());
        }

        var before = await SnapshotAsync(project, submitted);
        var call = action == "approve"
            ? Client.ApproveInvestmentReportAsync(new ApproveInvestmentReportRequest { Name = submitted.Name, Etag = submitted.Etag, CorrectionReason = correction }, As(Callers[caller])).ResponseAsync
            : Client.ReturnInvestmentReportAsync(new ReturnInvestmentReportRequest { Name = submitted.Name, Etag = submitted.Etag, Reason = "金额与台账不符", CorrectionReason = correction }, As(Callers[caller])).ResponseAsync;

        if (expected != StatusCode.OK)
        {
            var error = await Assert.ThrowsAsync<RpcException>(() => call);
            Assert.Equal((expected, reason), (error.StatusCode, expected == StatusCode.InvalidArgument ? Field(error) : Reason(error)));
            if (reason == "PERIOD_CLOSED")
            {
                Assert.Equal((submitted.Name, month), (Metadata(error)["resource"], Metadata(error)["period"]));
            }

            Assert.Equal(before, await SnapshotAsync(project, submitted));
            return;
        }

        var reviewed = await call;
        Assert.Equal(action == "approve" ? ReviewState.Approved : ReviewState.Returned, reviewed.ReviewState);
        Assert.Equal(correction, reviewed.CorrectionReason);
        Assert.Equal(action == "approve" ? 4_000_000 : 0, (await Client.GetProjectAsync(new GetProjectRequest { Name = project.Name }, As())).CumulativeCompletedInvestmentYuan);
        Assert.Equal(closed ? 1 : 0, await Rows.CountAsync(service.Database, "SELECT count(*) FROM outbox_messages WHERE subject = @value AND event_type = 'industry.projects.v1.InvestmentReportCorrected'", submitted.Name));
        Assert.Equal(1, await Rows.CountAsync(service.Database, $"SELECT count(*) FROM outbox_messages WHERE subject = @value AND event_type = 'industry.projects.v1.InvestmentReport{(action == "approve" ? "Approved" : "Returned")}'", project.Name));
    }

    private static CallOptions As(Metadata? caller = null) => new(headers: caller, deadline: DateTime.UtcNow.AddSeconds(15));

    private static string Reason(RpcException error) => error.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason ?? string.Empty;

    private static Google.Protobuf.Collections.MapField<string, string> Metadata(RpcException error) => error.GetRpcStatus()!.GetDetail<ErrorInfo>().Metadata;

    private static string Field(RpcException error) => Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field;

    /// <summary>What a refused call must leave as it was: the project, the report, the events about either, Hefei's month totals.</summary>
    private async Task<(string ProjectEtag, InvestmentReport Report, long Events, long CityTotal)> SnapshotAsync(Project project, InvestmentReport report)
    {
        var stored = await Client.GetInvestmentReportAsync(new GetInvestmentReportRequest { Name = report.Name }, As());
        var events = await Rows.CountAsync(service.Database, "SELECT count(*) FROM outbox_messages WHERE subject = @value OR subject LIKE @value || '/%'", project.Name);
        var total = (await Rows.ColumnAsync<long>(service.Database, "SELECT COALESCE(SUM(completed_investment_yuan), 0)::bigint FROM city_month_investments WHERE city_code = @value", "340100")).Single();
        var current = await Client.GetProjectAsync(new GetProjectRequest { Name = project.Name }, As());
        return (current.Etag, stored, events, total);
    }
}
