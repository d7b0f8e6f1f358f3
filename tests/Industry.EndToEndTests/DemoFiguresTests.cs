using System.Text.Json;
using Industry.Clusters.V1;
using Industry.Demo.Loading;
using Industry.Demo.Plan;
using Industry.Overview.V1;
using Industry.Parks.V1;
using Industry.Projects.V1;
using Industry.ServiceDefaults.Reference;

namespace Industry.EndToEndTests;

/// <summary>
/// Issue #8: the demo data set, loaded through the gateway's public API, makes the API answer with the 2023 work
/// report's figures (<c>report-figures.csv</c>) and the 2024 targets; every other year's figures are what the plan counts.
/// </summary>
[Collection(DemoDefinition.Name)]
public sealed class DemoFiguresTests(DemoFixture demo)
{
    private ClusterService.ClusterServiceClient Clusters => new(demo.Suite.Gateway);

    private ProjectService.ProjectServiceClient Projects => new(demo.Suite.Gateway);

    private ParkService.ParkServiceClient Parks => new(demo.Suite.Gateway);

    [Fact]
    public async Task ProgressOf2023_ThroughTheGateway_IsTheReportsFigures()
    {
        var (clusters, projects, parks) = await ProgressAsync(2023, throughMonth: 10);

        DemoFigureAssertions.ReportYear(clusters, projects, parks, demo.Scale);
    }

    [Fact]
    public async Task ProvinceOverview2023_ThroughTheGateway_IsTheReportsFigures()
    {
        var overview = await new OverviewService.OverviewServiceClient(demo.Suite.Gateway)
            .GetProvinceOverviewAsync(new GetProvinceOverviewRequest { Year = 2023, ThroughMonth = 10 });

        Assert.Equal(
            (SectionState.Available, SectionState.Available, SectionState.Available, 10),
            (overview.Clusters.State, overview.Projects.State, overview.Parks.State, overview.ThroughMonth));
        DemoFigureAssertions.ReportYear(overview.Clusters.Progress, overview.Projects.Progress, overview.Parks.Progress, demo.Scale);
    }

    [Fact]
    public async Task ProvinceOverview2024_ThroughTheGateway_HasTheReportsTargets()
    {
        var overview = await new OverviewService.OverviewServiceClient(demo.Suite.Gateway)
            .GetProvinceOverviewAsync(new GetProvinceOverviewRequest { Year = 2024, ThroughMonth = 12 });

        DemoFigureAssertions.TargetYear(overview.Clusters.Progress, overview.Projects.Progress, overview.Parks.Progress, demo.Scale);
    }

    [Fact]
    public async Task ProgressOf2024_ThroughTheGateway_HasTheReportsTargets()
    {
        var (clusters, projects, parks) = await ProgressAsync(2024, throughMonth: 12);

        DemoFigureAssertions.TargetYear(clusters, projects, parks, demo.Scale);
    }

    [Theory]
    [InlineData(2022, 12)]
    [InlineData(2023, 10)]
    [InlineData(2023, 12)]
    [InlineData(2024, 12)]
    public async Task ProgressOfEveryYear_IsWhatThePlanCounts(int year, int throughMonth)
    {
        var (clusters, projects, parks) = await ProgressAsync(year, throughMonth);

        DemoFigureAssertions.PlanYear(clusters, projects, parks, DemoFigures.Of(demo.Plan, year, throughMonth));
        Assert.InRange(projects.KeyProjectsUnderImplementation.Actual, demo.Scale.Of(1200), int.MaxValue);
    }

    /// <summary>One case per growth statement the data set expresses (<c>report-growth.csv</c>), none written by hand.</summary>
    public static TheoryData<string> GrowthStatements => [.. ReportGrowth.AnsweredByTheApi.Select(g => g.Id)];

    [Theory]
    [MemberData(nameof(GrowthStatements))]
    public async Task GrowthStatement_ThroughTheGateway_IsTheReports(string id)
    {
        var statement = ReportGrowth.All.Single(g => g.Id == id);
        var current = DemoFigureAssertions.FromApi(await ProgressAsync(statement.Year, statement.ThroughMonth));
        var previous = DemoFigureAssertions.FromApi(await ProgressAsync(statement.Year - 1, statement.ThroughMonth));

        var growth = GrowthFigures.GrowthOf(statement, current, previous);
        var tolerance = GrowthFigures.Tolerance(statement, current, previous, demo.Scale);

        Assert.True(growth is { } g && Math.Abs(g - (double)statement.GrowthPercent) <= tolerance,
            $"{statement.Id} ({statement.Figure} {statement.Year} on {statement.Year - 1}): the report says {statement.GrowthPercent} %, the API's figures give {growth} % "
            + $"({GrowthFigures.ValueOf(statement.Figure, current)} on {GrowthFigures.ValueOf(statement.Figure, previous)}; tolerance {tolerance:F2} at scale {demo.Scale.Name})");
    }

    [Theory]
    [InlineData(2023)]
    [InlineData(2024)]
    public async Task ClusterProgressPerCityAndIndustry_ThroughTheGateway_IsWhatTheRecordsCount(int year)
    {
        // Counted here from the records the data set sent, by GB/T 2260 (a county's city is its first four digits).
        static string City(string division) => division[..4] + "00";
        var granted = demo.Plan.Qualifications.Where(q => q.Year == year).ToLookup(q => (q.Uscc, q.Type));
        var clusterRows = demo.Plan.Clusters.Select(c => (City: City(c.LeadDivisionCode), Industry: "industries/" + c.Industry.Replace("industries/", string.Empty, StringComparison.Ordinal), Counts: (
            Advanced: c.Kind == ClusterKind.AdvancedManufacturing && c.Recognitions.Any(r => r.Year == year) ? 1 : 0,
            Provincial: c.Kind == ClusterKind.SmeCharacteristic ? c.Recognitions.Count(r => r.Level == ClusterLevel.Provincial && r.Year == year) : 0,
            National: c.Kind == ClusterKind.SmeCharacteristic ? c.Recognitions.Count(r => r.Level == ClusterLevel.National && r.Year == year) : 0,
            Innovative: 0, Specialized: 0, NewAboveSize: 0, AboveSize: 0)));
        var enterpriseRows = demo.Plan.Enterprises.Select(e => (City: City(e.CountyCode), Industry: "industries/" + e.Industry, Counts: (
            Advanced: 0, Provincial: 0, National: 0,
            Innovative: granted[(e.Uscc, QualificationType.InnovativeSme)].Count(),
            Specialized: granted[(e.Uscc, QualificationType.SpecializedSme)].Count(),
            NewAboveSize: e.AboveSizeYear == year ? 1 : 0,
            AboveSize: e.AboveSize && e.AboveSizeYear > 0 && e.AboveSizeYear <= year ? 1 : 0)));
        var rows = clusterRows.Concat(enterpriseRows).ToList();
        Dictionary<string, (int, int, int, int, int, int, int)> Sum(Func<(string City, string Industry), string> key) => rows
            .GroupBy(r => key((r.City, r.Industry)), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (g.Sum(r => r.Counts.Advanced), g.Sum(r => r.Counts.Provincial), g.Sum(r => r.Counts.National), g.Sum(r => r.Counts.Innovative), g.Sum(r => r.Counts.Specialized), g.Sum(r => r.Counts.NewAboveSize), g.Sum(r => r.Counts.AboveSize)), StringComparer.Ordinal);
        var byCity = Sum(r => r.City).Where(c => !c.Key.EndsWith("0000", StringComparison.Ordinal)).ToDictionary(StringComparer.Ordinal); // a province-led cluster has no city
        var byIndustry = Sum(r => r.Industry);
        var cityTargets = year == demo.Plan.Targets.Year ? demo.Plan.Targets.CityClusters.ToDictionary(c => c.CityCode, c => (int?)c.InnovativeSmes, StringComparer.Ordinal) : [];

        var progress = await Clusters.GetClusterProgressAsync(new GetClusterProgressRequest { Year = year });

        Assert.Equal(byCity.Where(c => c.Value != default || cityTargets.ContainsKey(c.Key)).Select(c => c.Key).Order(StringComparer.Ordinal), progress.Cities.Select(c => c.CityCode));
        Assert.All(progress.Cities, c => Assert.Equal(
            (byCity[c.CityCode], cityTargets.GetValueOrDefault(c.CityCode)),
            ((c.AdvancedManufacturingClusters.Actual, c.ProvincialSmeClusters.Actual, c.NationalSmeClusters.Actual, c.InnovativeSmes.Actual, c.SpecializedSmes.Actual, c.NewAboveSizeEnterprises.Actual, c.AboveSizeEnterprisesTotal),
             c.InnovativeSmes.HasTarget ? c.InnovativeSmes.Target : (int?)null)));
        Assert.Equal(byIndustry.Where(i => i.Value != default).Select(i => i.Key).Order(StringComparer.Ordinal), progress.Industries.Select(i => i.Industry));
        Assert.All(progress.Industries, i => Assert.Equal(
            byIndustry[i.Industry],
            (i.AdvancedManufacturingClusters, i.ProvincialSmeClusters, i.NationalSmeClusters, i.InnovativeSmes, i.SpecializedSmes, i.NewAboveSizeEnterprises, i.AboveSizeEnterprisesTotal)));
        Assert.Equal(progress.SpecializedSmes.Actual, progress.Cities.Sum(c => c.SpecializedSmes.Actual));
    }

    [Fact]
    public async Task InvestmentSeries2023_ThroughTheGateway_IsWhatTheReportsSum_MonthByMonthAndPerCity()
    {
        const int Year = 2023, Through = 10;
        // Summed here from the reports the data set sent, per city by GB/T 2260 (a county's city is its first four digits).
        var reports = demo.Plan.Projects.SelectMany(p => p.Reports.Select(r => (City: p.CountyCode[..4] + "00", r.Year, r.Month, r.Yuan))).ToList();
        long Cumulative(string? city, int year, int month) => reports.Where(r => (city is null || r.City == city) && r.Year == year && r.Month <= month).Sum(r => r.Yuan);
        var cities = reports.Where(r => (r.Year == Year || r.Year == Year - 1) && r.Month <= Through && r.Yuan != 0).Select(r => r.City).Distinct().Order(StringComparer.Ordinal).ToList();

        var series = await Projects.GetInvestmentSeriesAsync(new GetInvestmentSeriesRequest { Year = Year, ThroughMonth = Through });

        Assert.Equal((Year, Through), (series.Year, series.ThroughMonth));
        Assert.Equal(Enumerable.Range(1, Through).Select(m => (m, Cumulative(null, Year, m), Cumulative(null, Year - 1, m))),
            series.Months.Select(m => (m.Month, m.CumulativeInvestmentYuan, m.PreviousYearCumulativeInvestmentYuan)));
        Assert.Equal(DemoFigureAssertions.Expected("P2", demo.Scale), (decimal)series.Months[^1].CumulativeGrowthPercent); // the report's 27.7 at October
        Assert.Equal(cities, series.Cities.Select(c => c.CityCode));
        Assert.All(series.Cities, c => Assert.Equal(
            Enumerable.Range(1, Through).Select(m => (Cumulative(c.CityCode, Year, m) - Cumulative(c.CityCode, Year, m - 1), Cumulative(c.CityCode, Year, m), Cumulative(c.CityCode, Year - 1, m))),
            c.Months.Select(m => (m.CompletedInvestmentYuan, m.CumulativeInvestmentYuan, m.PreviousYearCumulativeInvestmentYuan))));
    }

    [Fact]
    public async Task SpeechValleyRevenue2023_IsTheReports_WithItsGrowth()
    {
        var name = $"clusters/{DemoPlanBuilder.SpeechValleyId}";
        var report = await Clusters.GetRevenueReportAsync(new GetRevenueReportRequest { Name = name + "/revenueReports/2023-12" });
        var stats = await Clusters.GetClusterStatsAsync(new GetClusterStatsRequest { Name = name + "/stats" });

        Assert.Equal(DemoFigureAssertions.Expected("C13", demo.Scale) * 100_000_000, report.YearToDateRevenueYuan);
        Assert.Equal((2_200, 25.0), (report.EnterpriseCount, report.YearOverYearGrowthPercent));
        Assert.Equal(report.Name, stats.LatestRevenueReport.Name);
    }

    [Fact]
    public async Task SpeechValleyRevenueTarget2024_IsTheReports_AgainstNoRevenueOf2024Yet()
    {
        var name = $"clusters/{DemoPlanBuilder.SpeechValleyId}";
        var targets = await Clusters.GetClusterTargetsAsync(new GetClusterTargetsRequest { Name = "clusterTargets/2024" });
        var progress = await Clusters.GetClusterProgressAsync(new GetClusterProgressRequest { Year = 2024 });

        var target = Assert.Single(targets.ClusterRevenueTargets);
        Assert.Equal((name, DemoFigureAssertions.Expected("C14", demo.Scale) * 100_000_000), (target.Cluster, (decimal)target.RevenueYuan));
        var row = Assert.Single(progress.ClusterRevenues);
        Assert.Equal((name, target.RevenueYuan, 0L, string.Empty), (row.Cluster, row.TargetRevenueYuan, row.RevenueYuan, row.Period));
    }

    [Fact]
    public async Task ProgressAsJson_ThroughTheGatewaysRestPaths_IsTheSame()
    {
        using var clusters = await JsonAsync("/v1/clusterProgress/2023");
        using var projects = await JsonAsync("/v1/planProgress/2023?throughMonth=10");
        using var parks = await JsonAsync("/v1/digitalProgress/2023");

        Assert.Equal(DemoFigureAssertions.Expected("C5", demo.Scale), clusters.RootElement.GetProperty("aboveSizeEnterprisesTotal").GetDecimal());
        Assert.Equal(DemoFigureAssertions.Expected("P2", demo.Scale), projects.RootElement.GetProperty("investmentGrowthPercent").GetDecimal());
        Assert.Equal(DemoFigureAssertions.Expected("D3", demo.Scale), parks.RootElement.GetProperty("enterprisesTransformed").GetProperty("actual").GetDecimal());
    }

    [Fact]
    public async Task ClusterStats_CountTheClustersProjects_FromTheProjectEvents()
    {
        // The cluster with the most projects: its statistics come from the projects service's events.
        var cluster = demo.Plan.Projects.Where(p => p.ClusterId is not null).GroupBy(p => p.ClusterId!).MaxBy(g => g.Count())!;
        var projects = cluster.Where(p => p.Transitions.All(t => t.State != ProjectState.Cancelled)).ToList();
        var expected = (projects.Count, projects.Count(p => p.IsKey), projects.Sum(p => p.TotalInvestmentYuan), projects.Sum(p => p.Reports.Sum(r => r.Yuan)));

        var stats = await EventuallyAsync(
            () => Clusters.GetClusterStatsAsync(new GetClusterStatsRequest { Name = $"clusters/{cluster.Key}/stats" }).ResponseAsync,
            s => (s.RenovationProjectCount, s.KeyRenovationProjectCount, s.RenovationTotalInvestmentYuan, s.RenovationCompletedInvestmentYuan) == expected);

        Assert.Equal(expected, (stats.RenovationProjectCount, stats.KeyRenovationProjectCount, stats.RenovationTotalInvestmentYuan, stats.RenovationCompletedInvestmentYuan));
        Assert.Equal(demo.Plan.Clusters.Single(c => c.Id == cluster.Key).Members.Count, stats.MemberCount);
    }

    [Fact]
    public async Task ParkStats_CoverTheParksTransformedEnterprises_ReportedAndFromCompletedDigitalProjects()
    {
        var park = demo.Plan.Projects.First(p => p.DigitalTransformation && p.ParkId is not null && p.ActualCompletion is not null).ParkId!;
        var transformed = demo.Plan.Transformations.Count(t => t.ParkId == park)
            + demo.Plan.Projects.Where(p => p.DigitalTransformation && p.ParkId == park && p.ActualCompletion is not null).Select(p => p.EnterpriseUscc).Distinct().Count();

        var stats = await Parks.GetParkStatsAsync(new GetParkStatsRequest { Name = $"parks/{park}/stats" });

        Assert.Equal(transformed, stats.TransformedEnterprises);
        Assert.Equal(demo.Plan.Parks.Single(p => p.Id == park).AboveSizeEnterpriseCount, stats.AboveSizeEnterprises);
        Assert.Equal(Math.Round((double)transformed / stats.AboveSizeEnterprises * 100, 1, MidpointRounding.AwayFromZero), stats.CoveragePercent);
    }

    [Fact]
    public async Task LoadingAgain_FindsTheSetLoaded_AndChangesNothing()
    {
        Assert.False(demo.Load.AlreadyLoaded);
        var before = await Clusters.GetClusterProgressAsync(new GetClusterProgressRequest { Year = 2023 });

        var again = await DemoLoader.LoadAsync(demo.Suite.Gateway, demo.Scale, progress: null, CancellationToken.None);

        Assert.True(again.AlreadyLoaded);
        Assert.Equal(before, await Clusters.GetClusterProgressAsync(new GetClusterProgressRequest { Year = 2023 }));
    }

    private async Task<(ClusterProgress Clusters, PlanProgress Projects, DigitalProgress Parks)> ProgressAsync(int year, int throughMonth)
    {
        var clusters = Clusters.GetClusterProgressAsync(new GetClusterProgressRequest { Year = year }).ResponseAsync;
        var projects = Projects.GetPlanProgressAsync(new GetPlanProgressRequest { Year = year, ThroughMonth = throughMonth }).ResponseAsync;
        var parks = Parks.GetDigitalProgressAsync(new GetDigitalProgressRequest { Year = year }).ResponseAsync;
        return (await clusters, await projects, await parks);
    }

    private async Task<JsonDocument> JsonAsync(string path)
    {
        using var response = await demo.Suite.GatewayHttp.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Calls until the answer satisfies <paramref name="done"/> (events take a moment), or returns the last answer after 60 s.</summary>
    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> call, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var answer = await call();
            if (done(answer) || DateTime.UtcNow > deadline)
            {
                return answer;
            }

            await Task.Delay(250);
        }
    }
}
