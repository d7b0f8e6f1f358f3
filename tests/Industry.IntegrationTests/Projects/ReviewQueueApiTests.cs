using Google.Rpc;
using Grpc.Core;
using Industry.Projects.V1;
using Industry.ServiceDefaults.Security;
using Industry.TestInfrastructure;

namespace Industry.IntegrationTests.Projects;

/// <summary>
/// The review queue (审核) over gRPC on PostgreSQL: <c>ListInvestmentReports</c> filtered on <c>review_state</c> and the
/// project's city, the list a city clerk works through ("SUBMITTED in my city"). Its own database, so that every
/// report listed is one of these tests'.
/// </summary>
public sealed class ReviewQueueApiTests(ProjectsServiceFixture service) : IClassFixture<ProjectsServiceFixture>
{
    private const string Shushan = "340104"; // 蜀山区, Hefei
    private const string Jinghu = "340202"; // 镜湖区, Wuhu

    private static readonly Metadata HefeiEditor = TestTokens.Bearer(TestTokens.Mint(Roles.CityEditor, "340100", subject: "hefei-editor"));
    private static readonly Metadata WuhuEditor = TestTokens.Bearer(TestTokens.Mint(Roles.CityEditor, "340200", subject: "wuhu-editor"));

    private ProjectService.ProjectServiceClient Client => new(service.Channel);

    [Fact]
    public async Task Filter_OnReviewStateAndCity_ListsEachStateAndACityEditorsOwnQueue()
    {
        var data = new ProjectData(Client);
        var hefei = await data.ProjectAsync(Shushan, 300_000_000, new DateOnly(2024, 1, 1));
        var wuhu = await data.ProjectAsync(Jinghu, 300_000_000, new DateOnly(2024, 1, 1));
        var shushanEditor = TestTokens.Bearer(TestTokens.CountyEditor(Shushan, "shushan-editor"));
        var hefeiSubmitted = await ReportAsync(hefei, "2024-02", shushanEditor);
        var hefeiApproved = await ReportAsync(hefei, "2024-03", HefeiEditor);
        var toReturn = await ReportAsync(hefei, "2024-04", shushanEditor);
        var hefeiReturned = await Client.ReturnInvestmentReportAsync(new ReturnInvestmentReportRequest { Name = toReturn.Name, Reason = "金额有误" }, As(HefeiEditor));
        var wuhuSubmitted = await ReportAsync(wuhu, "2024-02", TestTokens.Bearer(TestTokens.CountyEditor(Jinghu, "jinghu-editor")));

        Assert.Equal(Names(hefeiSubmitted, wuhuSubmitted), await ListAsync("review_state = REVIEW_STATE_SUBMITTED"));
        Assert.Equal(Names(hefeiApproved), await ListAsync("review_state = REVIEW_STATE_APPROVED"));
        Assert.Equal(Names(hefeiReturned), await ListAsync("review_state = REVIEW_STATE_RETURNED"));
        Assert.Equal(Names(hefeiSubmitted, hefeiReturned, wuhuSubmitted), await ListAsync("review_state != REVIEW_STATE_APPROVED"));

        // Each city's clerk, their own queue; and one project's queue under its own parent.
        Assert.Equal(Names(hefeiSubmitted), await ListAsync("review_state = REVIEW_STATE_SUBMITTED AND city_code = \"340100\"", HefeiEditor));
        Assert.Equal(Names(wuhuSubmitted), await ListAsync("review_state = REVIEW_STATE_SUBMITTED AND city_code = \"340200\"", WuhuEditor));
        Assert.Equal(Names(wuhuSubmitted), await ListAsync($"county_code = \"{Jinghu}\"", WuhuEditor));
        Assert.Equal(Names(hefeiSubmitted), await ListAsync("review_state = REVIEW_STATE_SUBMITTED", HefeiEditor, hefei.Name));
    }

    [Theory]
    [InlineData("review_state = SUBMITTED")]
    [InlineData("review_state = REVIEW_STATE_UNSPECIFIED")]
    [InlineData("review_state = \"REVIEW_STATE_SUBMITTED\"")]
    [InlineData("review_state = 1")]
    [InlineData("review_state > REVIEW_STATE_SUBMITTED")]
    [InlineData("city_code = 340100")]
    public async Task Filter_ABadReviewStateOrCity_IsInvalidArgumentOnTheFilterNamingTheField(string filter)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.ListInvestmentReportsAsync(
            new ListInvestmentReportsRequest { Parent = "projects/-", Filter = filter }, As(HefeiEditor)).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var violation = Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations);
        Assert.Equal("filter", violation.Field);
        Assert.StartsWith(filter.Split(' ')[0] + ":", violation.Description, StringComparison.Ordinal);
    }

    private static CallOptions As(Metadata? caller = null) => new(headers: caller, deadline: DateTime.UtcNow.AddSeconds(15));

    private static string Names(params InvestmentReport[] reports) => string.Join(' ', reports.Select(r => r.Name).Order(StringComparer.Ordinal));

    private async Task<string> ListAsync(string filter, Metadata? caller = null, string parent = "projects/-")
    {
        var page = await Client.ListInvestmentReportsAsync(new ListInvestmentReportsRequest { Parent = parent, Filter = filter, PageSize = 100 }, As(caller));
        return string.Join(' ', page.InvestmentReports.Select(r => r.Name).Order(StringComparer.Ordinal));
    }

    private async Task<InvestmentReport> ReportAsync(Project project, string period, Metadata caller) =>
        await Client.ReportInvestmentAsync(new ReportInvestmentRequest { Parent = project.Name, Period = period, CompletedInvestmentYuan = 1_000_000 }, As(caller));
}
