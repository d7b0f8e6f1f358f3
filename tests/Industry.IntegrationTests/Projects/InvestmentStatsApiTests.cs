using System.Reflection;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Industry.Projects.V1;

namespace Industry.IntegrationTests.Projects;

/// <summary>GetInvestmentStats against PostgreSQL: grouping, the year-earlier comparison and the totals.</summary>
public sealed class InvestmentStatsApiTests(ProjectsServiceFixture service) : IClassFixture<ProjectsServiceFixture>
{
    private ProjectService.ProjectServiceClient Client => new(service.Channel);

    private ProjectData Data => new(Client);

    private static CallOptions Deadline => new(deadline: DateTime.UtcNow.AddSeconds(15));

    [Fact]
    public async Task GetInvestmentStats_ByIndustry_SumsTheRangeAndComparesWithAYearEarlier()
    {
        var it = await Data.ProjectAsync("340104", 500_000_000, new DateOnly(2022, 1, 1));
        var auto = await Data.ProjectAsync("340207", 800_000_000, new DateOnly(2023, 1, 1), industry: "AUTO", gbt4754: "C3670");
        await Data.ReportAsync(it, "2022-02", 10_000_000);
        await Data.ReportAsync(it, "2023-02", 15_000_000);
        await Data.ReportAsync(it, "2023-07", 99_000_000); // outside the range
        await Data.ReportAsync(auto, "2023-03", 30_000_000);

        var stats = await Client.GetInvestmentStatsAsync(new GetInvestmentStatsRequest { GroupBy = InvestmentGroupBy.Industry, StartPeriod = "2023-01", EndPeriod = "2023-06" }, Deadline);

        Assert.Equal(["industries/AUTO", "industries/IT"], stats.Rows.Select(r => r.Key));
        var itRow = stats.Rows[1];
        Assert.Equal((1, 500_000_000L, 15_000_000L, 10_000_000L, 50.0), (itRow.ProjectCount, itRow.TotalInvestmentYuan, itRow.CompletedInvestmentYuan, itRow.PreviousYearCompletedInvestmentYuan, itRow.InvestmentGrowthPercent));
        Assert.False(stats.Rows[0].HasInvestmentGrowthPercent); // nothing a year earlier
        Assert.Equal((2, 45_000_000L), (stats.Total.ProjectCount, stats.Total.CompletedInvestmentYuan));
    }

    // Each grouping against the same sums computed here from the raw ListProjects and ListInvestmentReports answers.
    [Theory]
    [InlineData(InvestmentGroupBy.County)]
    [InlineData(InvestmentGroupBy.Tier)]
    [InlineData(InvestmentGroupBy.Nature)]
    [InlineData(InvestmentGroupBy.Month)]
    [InlineData(InvestmentGroupBy.Source)]
    public async Task GetInvestmentStats_NewGroupings_AgreeWithTheRawReports(InvestmentGroupBy groupBy)
    {
        var guidance = await Data.ProjectAsync("340104", 50_000_000, new DateOnly(2017, 1, 1), nature: ProjectNature.Expansion, source: ProjectSource.InvestmentAttraction);
        var key = await Data.ProjectAsync("340104", 300_000_000, new DateOnly(2017, 1, 1));
        var major = await Data.ProjectAsync("340207", 2_000_000_000, new DateOnly(2017, 1, 1), nature: ProjectNature.Relocation, source: ProjectSource.WorldManufacturingConvention);
        await Data.ReportAsync(guidance, "2018-02", 1_000_000);
        await Data.ReportAsync(guidance, "2019-02", 3_000_000);
        await Data.ReportAsync(guidance, "2019-03", 2_000_000);
        await Data.ReportAsync(key, "2019-02", 5_000_000);
        await Data.ReportAsync(key, "2018-05", 7_000_000); // only a year earlier
        await Data.ReportAsync(major, "2019-05", 40_000_000);
        await Data.ReportAsync(major, "2019-09", 9_000_000); // outside the range

        var stats = await Client.GetInvestmentStatsAsync(new GetInvestmentStatsRequest { GroupBy = groupBy, StartPeriod = "2019-01", EndPeriod = "2019-06" }, Deadline);

        var projects = (await Client.ListProjectsAsync(new ListProjectsRequest { PageSize = 1000 }, Deadline)).Projects.ToDictionary(p => p.Name);
        var reports = (await Client.ListInvestmentReportsAsync(new ListInvestmentReportsRequest { Parent = "projects/-", PageSize = 1000, Filter = "period >= \"2018-01\" AND period <= \"2019-06\" AND review_state = REVIEW_STATE_APPROVED" }, Deadline)).InvestmentReports
            .Select(r => (Project: projects[r.Name[..r.Name.IndexOf("/investmentReports/", StringComparison.Ordinal)]], r.Period, r.CompletedInvestmentYuan))
            .Where(r => string.CompareOrdinal(r.Period[5..], "06") <= 0)
            .ToList();
        string KeyOf(Project p, string period) => groupBy switch
        {
            InvestmentGroupBy.County => p.CountyCode,
            InvestmentGroupBy.Tier => ProtoName(p.Tier),
            InvestmentGroupBy.Nature => ProtoName(p.Nature),
            InvestmentGroupBy.Source => ProtoName(p.Source),
            _ => "2019" + period[4..],
        };
        var current = reports.Where(r => r.Period.StartsWith("2019", StringComparison.Ordinal)).ToList();
        var expected = current.Concat(reports.Except(current)).Select(r => KeyOf(r.Project, r.Period)).Distinct()
            .Select(k => (
                Key: k,
                Projects: current.Where(r => KeyOf(r.Project, r.Period) == k).Select(r => r.Project).Distinct().ToList(),
                Completed: current.Where(r => KeyOf(r.Project, r.Period) == k).Sum(r => r.CompletedInvestmentYuan),
                Previous: reports.Except(current).Where(r => KeyOf(r.Project, r.Period) == k).Sum(r => r.CompletedInvestmentYuan)))
            .Select(g => (g.Key, g.Projects.Count, g.Projects.Sum(p => p.TotalInvestmentYuan), g.Completed, g.Previous))
            .ToHashSet();
        var answered = stats.Rows.Select(r => (r.Key, r.ProjectCount, r.TotalInvestmentYuan, r.CompletedInvestmentYuan, r.PreviousYearCompletedInvestmentYuan)).ToHashSet();
        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), answered.OrderBy(e => e.Key, StringComparer.Ordinal));
        var counted = current.Select(r => r.Project).Distinct().ToList();
        Assert.Equal((counted.Count, counted.Sum(p => p.TotalInvestmentYuan)), (stats.Total.ProjectCount, stats.Total.TotalInvestmentYuan));
        if (groupBy == InvestmentGroupBy.Month)
        {
            Assert.Equal(stats.Rows.Select(r => r.Key).Order(StringComparer.Ordinal), stats.Rows.Select(r => r.Key)); // chronological
        }
    }

    [Fact]
    public async Task GetInvestmentStats_BySourceWithASourceFilter_CountsOnlyThatSourcesProjects()
    {
        var convention = await Data.ProjectAsync("340104", 400_000_000, new DateOnly(2014, 1, 1), source: ProjectSource.WorldManufacturingConvention);
        var own = await Data.ProjectAsync("340104", 600_000_000, new DateOnly(2014, 1, 1), source: ProjectSource.OwnInvestment);
        await Data.ReportAsync(convention, "2015-03", 20_000_000);
        await Data.ReportAsync(own, "2015-03", 30_000_000);

        var stats = await Client.GetInvestmentStatsAsync(new GetInvestmentStatsRequest
        {
            GroupBy = InvestmentGroupBy.Source,
            StartPeriod = "2015-01",
            EndPeriod = "2015-12",
            Filter = "source = PROJECT_SOURCE_WORLD_MANUFACTURING_CONVENTION",
        }, Deadline);

        var row = Assert.Single(stats.Rows);
        Assert.Equal(("PROJECT_SOURCE_WORLD_MANUFACTURING_CONVENTION", 1, 20_000_000L), (row.Key, row.ProjectCount, row.CompletedInvestmentYuan));
    }

    // Ranges across years, which the per-project yearly rows (ADR 0047) answer by counting a project in the first year it
    // reports in the range: each against the same figures computed here from the raw reports.
    [Theory]
    [InlineData(InvestmentGroupBy.City, "2010-11", "2012-02")]
    [InlineData(InvestmentGroupBy.Month, "2010-11", "2012-02")]
    [InlineData(InvestmentGroupBy.County, "2011-03", "2011-03")]
    [InlineData(InvestmentGroupBy.Tier, "2011-12", "2012-01")]
    public async Task GetInvestmentStats_AcrossYears_CountsEachProjectOnceAndAgreesWithTheRawReports(InvestmentGroupBy groupBy, string start, string end)
    {
        var steady = await Data.ProjectAsync("340104", 600_000_000, new DateOnly(2008, 1, 1));
        var late = await Data.ProjectAsync("340207", 300_000_000, new DateOnly(2008, 1, 1));
        var idle = await Data.ProjectAsync("340102", 100_000_000, new DateOnly(2008, 1, 1));
        foreach (var period in new[] { "2009-11", "2009-12", "2010-11", "2010-12", "2011-03", "2011-12", "2012-01", "2012-02", "2012-03" })
        {
            await Data.ReportAsync(steady, period, 1_000_000 * int.Parse(period[5..], System.Globalization.CultureInfo.InvariantCulture));
        }

        await Data.ReportAsync(late, "2010-10", 7_000_000);  // just before the longest range
        await Data.ReportAsync(late, "2012-01", 8_000_000);
        await Data.ReportAsync(idle, "2011-03", 0);          // reported, nothing done: still a project of the range
        await Data.ReportAsync(idle, "2010-03", 2_000_000);  // a year earlier only

        var stats = await Client.GetInvestmentStatsAsync(new GetInvestmentStatsRequest { GroupBy = groupBy, StartPeriod = start, EndPeriod = end }, Deadline);

        var projects = (await Client.ListProjectsAsync(new ListProjectsRequest { PageSize = 1000 }, Deadline)).Projects.ToDictionary(p => p.Name);
        var reports = (await Client.ListInvestmentReportsAsync(new ListInvestmentReportsRequest { Parent = "projects/-", PageSize = 1000, Filter = "review_state = REVIEW_STATE_APPROVED" }, Deadline)).InvestmentReports
            .Select(r => (Project: projects[r.Name[..r.Name.IndexOf("/investmentReports/", StringComparison.Ordinal)]], r.Period, r.CompletedInvestmentYuan))
            .ToList();
        static string YearEarlier(string period) => $"{int.Parse(period[..4], System.Globalization.CultureInfo.InvariantCulture) - 1:D4}{period[4..]}";
        bool InRange(string period, string from, string to) => string.CompareOrdinal(period, from) >= 0 && string.CompareOrdinal(period, to) <= 0;
        var current = reports.Where(r => InRange(r.Period, start, end)).ToList();
        var previous = reports.Where(r => InRange(r.Period, YearEarlier(start), YearEarlier(end))).ToList();
        string KeyOf(Project p, string period, bool yearEarlier) => groupBy switch
        {
            InvestmentGroupBy.City => p.CityCode,
            InvestmentGroupBy.County => p.CountyCode,
            InvestmentGroupBy.Tier => ProtoName(p.Tier),
            _ => yearEarlier ? $"{int.Parse(period[..4], System.Globalization.CultureInfo.InvariantCulture) + 1:D4}{period[4..]}" : period,
        };
        var expected = current.Select(r => KeyOf(r.Project, r.Period, false)).Concat(previous.Select(r => KeyOf(r.Project, r.Period, true))).Distinct()
            .Select(k => (
                Key: k,
                Projects: current.Where(r => KeyOf(r.Project, r.Period, false) == k).Select(r => r.Project).Distinct().ToList(),
                Completed: current.Where(r => KeyOf(r.Project, r.Period, false) == k).Sum(r => r.CompletedInvestmentYuan),
                Previous: previous.Where(r => KeyOf(r.Project, r.Period, true) == k).Sum(r => r.CompletedInvestmentYuan)))
            .Select(g => (g.Key, g.Projects.Count, g.Projects.Sum(p => p.TotalInvestmentYuan), g.Completed, g.Previous))
            .OrderBy(e => e.Key, StringComparer.Ordinal);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, stats.Rows.Select(r => (r.Key, r.ProjectCount, r.TotalInvestmentYuan, r.CompletedInvestmentYuan, r.PreviousYearCompletedInvestmentYuan)).OrderBy(e => e.Key, StringComparer.Ordinal));
        var counted = current.Select(r => r.Project).Distinct().ToList();
        Assert.Equal((counted.Count, counted.Sum(p => p.TotalInvestmentYuan)), (stats.Total.ProjectCount, stats.Total.TotalInvestmentYuan));
    }

    [Theory]
    [InlineData(InvestmentGroupBy.Unspecified, "2023-01", "2023-06", "group_by")]
    [InlineData(InvestmentGroupBy.City, "2023-13", "2023-06", "start_period")]
    [InlineData(InvestmentGroupBy.City, "2023-06", "2023-01", "end_period")]
    [InlineData(InvestmentGroupBy.City, "2000-01", "2023-01", "end_period")]
    public async Task GetInvestmentStats_BadRequest_IsInvalidArgument(InvestmentGroupBy groupBy, string start, string end, string field)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.GetInvestmentStatsAsync(new GetInvestmentStatsRequest { GroupBy = groupBy, StartPeriod = start, EndPeriod = end }, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(field, error.Status.Detail, StringComparison.Ordinal);
    }

    private static string ProtoName<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        typeof(TEnum).GetField(value.ToString())!.GetCustomAttribute<OriginalNameAttribute>()!.Name;
}
