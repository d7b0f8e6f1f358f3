using Google.Rpc;
using Grpc.Core;
using Industry.Projects.V1;

namespace Industry.IntegrationTests.Projects;

/// <summary>The filters of ListInvestmentReports and GetInvestmentStats on PostgreSQL.</summary>
public sealed class InvestmentFiltersApiTests(ProjectsServiceFixture service) : IClassFixture<ProjectsServiceFixture>
{
    private ProjectService.ProjectServiceClient Client => new(service.Channel);

    private ListTestData Data => new(Client);

    private static CallOptions Deadline => ListTestData.Deadline;

    [Fact]
    public async Task ListInvestmentReports_PeriodRange_PagesTheMonthsInsideWithFullCumulativeTotals()
    {
        var project = await StartedAsync(ListTestData.NewUscc(), 500_000_000, new DateOnly(2023, 10, 1));
        foreach (var period in new[] { "2023-11", "2023-12", "2024-01", "2024-02", "2024-03" })
        {
            await ReportAsync(project, period, 10_000_000);
        }

        var request = new ListInvestmentReportsRequest { Parent = project.Name, Filter = "period >= \"2023-12\" AND period < \"2024-03\"", PageSize = 2 };
        var first = await Client.ListInvestmentReportsAsync(request, Deadline);
        var second = await Client.ListInvestmentReportsAsync(new ListInvestmentReportsRequest(request) { PageToken = first.NextPageToken }, Deadline);

        Assert.Equal(["2024-02", "2024-01"], first.InvestmentReports.Select(r => r.Period));
        Assert.Equal([40_000_000L, 30_000_000L], first.InvestmentReports.Select(r => r.CumulativeCompletedInvestmentYuan)); // months outside still count
        Assert.Equal(["2023-12"], second.InvestmentReports.Select(r => r.Period));
        Assert.Empty(second.NextPageToken);
        var all = await Client.ListInvestmentReportsAsync(new ListInvestmentReportsRequest { Parent = project.Name, Filter = "period != \"2024-01\"" }, Deadline);
        Assert.Equal(["2024-03", "2024-02", "2023-12", "2023-11"], all.InvestmentReports.Select(r => r.Period));
    }

    [Fact]
    public async Task ListInvestmentReports_UpdateTime_SelectsTheReportsChangedSince()
    {
        var project = await StartedAsync(ListTestData.NewUscc(), 500_000_000, new DateOnly(2023, 10, 1));
        var october = await ReportAsync(project, "2023-10", 10_000_000);
        var november = await ReportAsync(project, "2023-11", 10_000_000);
        await Client.ReportInvestmentAsync(new ReportInvestmentRequest { Parent = project.Name, Period = "2023-10", CompletedInvestmentYuan = 12_000_000, Etag = october.Etag }, Deadline);

        var changed = await Client.ListInvestmentReportsAsync(new ListInvestmentReportsRequest { Parent = project.Name, Filter = $"update_time > \"{ListTestData.Rfc3339(november.UpdateTime)}\"" }, Deadline);

        Assert.Equal(["2023-10"], changed.InvestmentReports.Select(r => r.Period));
    }

    [Fact]
    public async Task ListInvestmentReports_EveryProjectWithPeriod_PagesEachMatchingReportOnce()
    {
        var uscc = ListTestData.NewUscc();
        var first = await StartedAsync(uscc, 500_000_000, new DateOnly(2021, 1, 1));
        var second = await StartedAsync(uscc, 500_000_000, new DateOnly(2021, 1, 1));
        foreach (var project in new[] { first, second })
        {
            await ReportAsync(project, "2021-06", 1_000_000);
            await ReportAsync(project, "2021-07", 2_000_000);
        }

        var names = new List<string>();
        var token = string.Empty;
        do
        {
            var page = await Client.ListInvestmentReportsAsync(new ListInvestmentReportsRequest { Parent = "projects/-", Filter = "period = \"2021-07\"", PageSize = 1, PageToken = token }, Deadline);
            names.AddRange(page.InvestmentReports.Select(r => r.Name));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.All(names, n => Assert.EndsWith("/investmentReports/2021-07", n, StringComparison.Ordinal));
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.Subset(names.ToHashSet(), new HashSet<string> { first.Name + "/investmentReports/2021-07", second.Name + "/investmentReports/2021-07" });
    }

    [Theory]
    [InlineData("period = 2024-01", "", "filter")]
    [InlineData("period = \"2024-1\"", "", "filter")]
    [InlineData("state = PROJECT_STATE_RESERVE", "", "filter")]
    [InlineData("period = \"2024-01\"", "period = \"2024-02\"", "page_token")]
    public async Task ListInvestmentReports_BadFilterOrTokenOfAnotherFilter_IsInvalidArgument(string filter, string tokenFilter, string field)
    {
        var project = await StartedAsync(ListTestData.NewUscc(), 500_000_000, new DateOnly(2023, 10, 1));
        var token = string.Empty;
        if (tokenFilter.Length > 0)
        {
            await ReportAsync(project, "2023-11", 1);
            await ReportAsync(project, "2023-12", 1);
            token = (await Client.ListInvestmentReportsAsync(new ListInvestmentReportsRequest { Parent = "projects/-", PageSize = 1 }, Deadline)).NextPageToken;
        }

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.ListInvestmentReportsAsync(new ListInvestmentReportsRequest { Parent = "projects/-", Filter = filter, PageToken = token }, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(field, Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
    }

    [Fact]
    public async Task GetInvestmentStats_Filter_CountsOnlyTheMatchingProjectsInBothYears()
    {
        var uscc = ListTestData.NewUscc();
        var hefei = await StartedAsync(uscc, 500_000_000, new DateOnly(2022, 1, 1));
        var wuhu = await StartedAsync(uscc, 50_000_000, new DateOnly(2022, 1, 1), county: "340207");
        await ReportAsync(hefei, "2022-03", 10_000_000);
        await ReportAsync(hefei, "2023-03", 15_000_000);
        await ReportAsync(wuhu, "2022-03", 1_000_000);
        await ReportAsync(wuhu, "2023-03", 3_000_000);

        async Task<InvestmentStats> StatsAsync(string filter) => await Client.GetInvestmentStatsAsync(
            new GetInvestmentStatsRequest { GroupBy = InvestmentGroupBy.City, StartPeriod = "2023-01", EndPeriod = "2023-06", Filter = $"enterprise_uscc = \"{uscc}\"{filter}" }, Deadline);

        var both = await StatsAsync(string.Empty);
        var keyOnly = await StatsAsync(" AND tier != PROJECT_TIER_GUIDANCE");
        var none = await StatsAsync(" AND implementation_year = 2021");

        Assert.Equal(["340100", "340200"], both.Rows.Select(r => r.Key));
        Assert.Equal((2, 550_000_000L, 18_000_000L, 11_000_000L), (both.Total.ProjectCount, both.Total.TotalInvestmentYuan, both.Total.CompletedInvestmentYuan, both.Total.PreviousYearCompletedInvestmentYuan));
        var row = Assert.Single(keyOnly.Rows);
        Assert.Equal(("340100", 1, 15_000_000L, 10_000_000L, 50.0), (row.Key, row.ProjectCount, row.CompletedInvestmentYuan, row.PreviousYearCompletedInvestmentYuan, row.InvestmentGrowthPercent));
        Assert.Empty(none.Rows);
        Assert.Equal(0, none.Total.ProjectCount);
    }

    [Theory]
    [InlineData("tier != GUIDANCE")]
    [InlineData("period = \"2023-01\"")]
    [InlineData("implementation_year != 2023")]
    public async Task GetInvestmentStats_BadFilter_IsInvalidArgumentOnFilter(string filter)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.GetInvestmentStatsAsync(
            new GetInvestmentStatsRequest { GroupBy = InvestmentGroupBy.City, StartPeriod = "2023-01", EndPeriod = "2023-06", Filter = filter }, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("filter", Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
    }

    private async Task<Project> StartedAsync(string uscc, long total, DateOnly start, string county = "340104") =>
        await Data.MoveAsync(await Data.CreateAsync(uscc, p => (p.TotalInvestmentYuan, p.CountyCode) = (total, county)), ProjectState.UnderConstruction, start);

    private async Task<InvestmentReport> ReportAsync(Project project, string period, long yuan) =>
        await Client.ReportInvestmentAsync(new ReportInvestmentRequest { Parent = project.Name, Period = period, CompletedInvestmentYuan = yuan }, Deadline);
}
