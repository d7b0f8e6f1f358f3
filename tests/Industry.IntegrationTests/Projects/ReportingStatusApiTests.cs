using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Industry.Projects.V1;
using Industry.TestInfrastructure;

namespace Industry.IntegrationTests.Projects;

/// <summary>
/// GetReportingStatus and ListMissingReports over gRPC on PostgreSQL (issue 18 items 1 and 2): who owes a month, who
/// reported on time or late, who is missing. Each test uses months and counties no other test's projects owe.
/// </summary>
public sealed class ReportingStatusApiTests(ProjectsServiceFixture service) : IClassFixture<ProjectsServiceFixture>
{
    private ProjectService.ProjectServiceClient Client => new(service.Channel);

    private ProjectData Data => new(Client);

    private static CallOptions Deadline => new(deadline: DateTime.UtcNow.AddSeconds(15));

    /// <summary>The current month in China, as the service sees it.</summary>
    private static DateOnly ChinaToday => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    [Fact]
    public async Task GetReportingStatus_PastMonth_CountsDueLateAndMissingPerCityAndCounty_AgainstThePlansDeadline()
    {
        await Client.UpdatePlanAsync(new UpdatePlanRequest { Plan = new Plan { Name = "plans/2024", ReportingDeadlineDay = 28 }, UpdateMask = new FieldMask { Paths = { "reporting_deadline_day" } } }, Deadline);
        var reported = await Data.ProjectAsync("340104", 300_000_000, new DateOnly(2024, 1, 1));
        await Data.ProjectAsync("340104", 300_000_000, new DateOnly(2024, 2, 1));             // owes March, never reports it
        await Data.ProjectAsync("340111", 300_000_000, new DateOnly(2024, 4, 1));             // starts after March
        await Data.ProjectAsync("340202", 300_000_000, new DateOnly(2023, 8, 1), new DateOnly(2024, 2, 10)); // completed before March
        var wuhu = await Data.ProjectAsync("340202", 300_000_000, new DateOnly(2023, 9, 1));
        await Data.ReportAsync(reported, "2024-03", 1_000_000); // reported now, long after 28 April 2024: late
        await Data.ReportAsync(wuhu, "2024-03", 1_000_000);

        var status = await Client.GetReportingStatusAsync(new GetReportingStatusRequest { Period = "2024-03" }, Deadline);

        Assert.Equal("2024-03", status.Period);
        Assert.Equal(new Google.Type.Date { Year = 2024, Month = 4, Day = 28 }, status.Deadline);
        Assert.True(status.DeadlinePassed);
        Assert.Equal((3, 0, 2, 1, 0), Counts(status.Province));
        Assert.Equal(16, status.Cities.Count);
        var hefei = status.Cities.Single(c => c.CityCode == "340100");
        Assert.Equal((2, 0, 1, 1, 0), Counts(hefei.Counts));
        Assert.Equal("340104", Assert.Single(hefei.Counties).CountyCode);
        Assert.Equal((1, 0, 1, 0, 0), Counts(status.Cities.Single(c => c.CityCode == "340200").Counts));
        Assert.Equal((0, 0, 0, 0, 0), Counts(status.Cities.Single(c => c.CityCode == "341000").Counts));
    }

    [Fact]
    public async Task CurrentMonth_ReportedIsOnTime_TheRestPending()
    {
        var period = $"{ChinaToday.Year:D4}-{ChinaToday.Month:D2}";
        // Started this month, so that they owe no month another test counts.
        var start = new DateOnly(ChinaToday.Year, ChinaToday.Month, 1);
        var onTime = await Data.ProjectAsync("340302", 300_000_000, start);
        var pending = await Data.ProjectAsync("340302", 300_000_000, start);
        await Data.ReportAsync(onTime, period, 1_000_000);

        var status = await Client.GetReportingStatusAsync(new GetReportingStatusRequest { Period = period }, Deadline);
        var missing = await Client.ListMissingReportsAsync(new ListMissingReportsRequest { Period = period, CountyCode = "340302" }, Deadline);

        Assert.False(status.DeadlinePassed);
        var bengbu = status.Cities.Single(c => c.CityCode == "340300").Counties.Single(c => c.CountyCode == "340302");
        Assert.Equal((2, 1, 0, 1, 0), Counts(bengbu.Counts));
        var entry = Assert.Single(missing.MissingReports);
        Assert.Equal((pending.Name, ReportStatus.Pending), (entry.Project, entry.Status));
    }

    [Fact]
    public async Task CountyEditorsReport_IsReportedAndAwaitsReviewUntilItsCityApprovesIt()
    {
        var period = $"{ChinaToday.Year:D4}-{ChinaToday.Month:D2}";
        var project = await Data.ProjectAsync("341102", 300_000_000, new DateOnly(ChinaToday.Year, ChinaToday.Month, 1));
        var county = new CallOptions(TestTokens.Bearer(TestTokens.CountyEditor("341102", "langya-editor")), DateTime.UtcNow.AddSeconds(15));
        var submitted = await Client.ReportInvestmentAsync(new ReportInvestmentRequest { Parent = project.Name, Period = period, CompletedInvestmentYuan = 1_000_000 }, county);

        var before = await LangyaAsync(period);
        await Client.ApproveInvestmentReportAsync(new ApproveInvestmentReportRequest { Name = submitted.Name, Etag = submitted.Etag }, Deadline);
        var after = await LangyaAsync(period);

        Assert.Equal((1, 1, 0, 0, 1), Counts(before));
        Assert.Equal((1, 1, 0, 0, 0), Counts(after));
    }

    private async Task<ReportingCounts> LangyaAsync(string period) =>
        (await Client.GetReportingStatusAsync(new GetReportingStatusRequest { Period = period }, Deadline))
            .Cities.Single(c => c.CityCode == "341100").Counties.Single(c => c.CountyCode == "341102").Counts;

    [Fact]
    public async Task ListMissingReports_PagesByName_FiltersByCityAndCounty()
    {
        var projects = new List<Project>();
        for (var i = 0; i < 5; i++)
        {
            projects.Add(await Data.ProjectAsync("340181", 300_000_000, new DateOnly(2023, 6, 1), new DateOnly(2023, 6, 30)));
        }

        await Data.ReportAsync(projects[2], "2023-06", 1_000_000);
        var expected = projects.Where((_, i) => i != 2).Select(p => p.Name).Order(StringComparer.Ordinal).ToList();

        var names = new List<string>();
        var pages = 0;
        var request = new ListMissingReportsRequest { Period = "2023-06", CityCode = "340100", CountyCode = "340181", PageSize = 2 };
        do
        {
            var page = await Client.ListMissingReportsAsync(request, Deadline);
            Assert.All(page.MissingReports, m => Assert.Equal((ReportStatus.Missing, "2023-06", "340100", "340181"), (m.Status, m.Period, m.CityCode, m.CountyCode)));
            names.AddRange(page.MissingReports.Select(m => m.Project));
            request.PageToken = page.NextPageToken;
            pages++;
        }
        while (request.PageToken.Length > 0);

        Assert.Equal(expected, names);
        Assert.Equal(2, pages);
        var first = (await Client.ListMissingReportsAsync(new ListMissingReportsRequest { Period = "2023-06", CityCode = "340100" }, Deadline)).MissingReports[0];
        var project = projects.Single(p => p.Name == first.Project);
        Assert.Equal((project.ProjectCode, project.DisplayName, project.EnterpriseUscc, project.EnterpriseDisplayName), (first.ProjectCode, first.DisplayName, first.EnterpriseUscc, first.EnterpriseDisplayName));
        Assert.Empty((await Client.ListMissingReportsAsync(new ListMissingReportsRequest { Period = "2023-06", CityCode = "340200" }, Deadline)).MissingReports);
    }

    [Fact]
    public async Task ListMissingReports_TokenOfAnotherCounty_IsInvalidArgument()
    {
        for (var i = 0; i < 2; i++)
        {
            await Data.ProjectAsync("340403", 300_000_000, new DateOnly(2023, 5, 1), new DateOnly(2023, 5, 31));
        }

        var page = await Client.ListMissingReportsAsync(new ListMissingReportsRequest { Period = "2023-05", CountyCode = "340403", PageSize = 1 }, Deadline);
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.ListMissingReportsAsync(
            new ListMissingReportsRequest { Period = "2023-05", CountyCode = "340404", PageToken = page.NextPageToken }, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("page_token", error.Status.Detail, StringComparison.Ordinal);
    }

    public static TheoryData<string> BadPeriods => ["2024-13", "2024-1", "2024-00", "24-01", "1999-12", "2024/03", " ", new string('9', 10_000), Next()];

    [Fact]
    public async Task NoPeriod_IsLastMonth()
    {
        var last = ChinaToday.AddMonths(-1);
        var expected = $"{last.Year:D4}-{last.Month:D2}";

        var status = await Client.GetReportingStatusAsync(new GetReportingStatusRequest(), Deadline);
        var missing = await Client.ListMissingReportsAsync(new ListMissingReportsRequest { CountyCode = "341003" }, Deadline);

        Assert.Equal(expected, status.Period);
        Assert.All(missing.MissingReports, m => Assert.Equal(expected, m.Period));
    }

    [Theory]
    [MemberData(nameof(BadPeriods))]
    public async Task BadPeriod_IsInvalidArgumentOnBothMethods(string period)
    {
        var status = await Assert.ThrowsAsync<RpcException>(() => Client.GetReportingStatusAsync(new GetReportingStatusRequest { Period = period }, Deadline).ResponseAsync);
        var missing = await Assert.ThrowsAsync<RpcException>(() => Client.ListMissingReportsAsync(new ListMissingReportsRequest { Period = period }, Deadline).ResponseAsync);

        Assert.All([status, missing], e => Assert.Equal(StatusCode.InvalidArgument, e.StatusCode));
        Assert.All([status, missing], e => Assert.Contains("period", e.Status.Detail, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("999999", "", "city_code")]
    [InlineData("340104", "", "city_code")]        // a county as the city
    [InlineData("", "340100", "county_code")]      // a city as the county
    [InlineData("340100", "340202", "county_code")] // a Wuhu county under Hefei
    public async Task ListMissingReports_BadPlace_IsInvalidArgument(string city, string county, string field)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.ListMissingReportsAsync(
            new ListMissingReportsRequest { Period = "2024-03", CityCode = city, CountyCode = county }, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(field, error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListMissingReports_NegativePageSize_IsInvalidArgument()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.ListMissingReportsAsync(
            new ListMissingReportsRequest { Period = "2024-03", PageSize = -1 }, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    private static (int Due, int OnTime, int Late, int Missing, int AwaitingReview) Counts(ReportingCounts c) =>
        (c.DueCount, c.OnTimeCount, c.LateCount, c.MissingCount, c.AwaitingReviewCount);

    /// <summary>Next month in China: in the future.</summary>
    private static string Next()
    {
        var next = ChinaToday.AddMonths(1);
        return $"{next.Year:D4}-{next.Month:D2}";
    }
}
