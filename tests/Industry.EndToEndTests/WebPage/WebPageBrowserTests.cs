using System.Globalization;
using Industry.Common.V1;
using Industry.Overview.V1;
using Industry.Projects.V1;
using Industry.Reference.V1;
using Industry.TestInfrastructure;

namespace Industry.EndToEndTests.WebPage;

/// <summary>
/// The page in a real headless Chromium against the suite with the demo data (tenth scale by default, DemoFixture):
/// it loads without console errors, shows the figures the API answers, marks a section unavailable when its service is
/// stopped, works with a viewer's token and sends an expired or refused token back to sign-in.
/// </summary>
[Collection(DemoDefinition.Name)]
public sealed class WebPageBrowserTests(DemoFixture demo)
{
    private const int Year = 2024;
    private const int Month = 12;

    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    private Uri Gateway => demo.Suite.Suite.Gateway.HttpAddress;

    [Fact]
    public async Task Page_WithAViewersToken_ShowsTheApisFigures_WithoutConsoleErrors()
    {
        var overview = await new OverviewService.OverviewServiceClient(demo.Suite.Gateway)
            .GetProvinceOverviewAsync(new GetProvinceOverviewRequest { Year = Year, ThroughMonth = Month });

        var seen = await PageCheck.RunAsync(PageUrl(Gateway, TestTokens.Viewer), "overview");

        Assert.Empty(seen.ConsoleErrors);
        Assert.False(seen.SignIn);
        Assert.Empty(seen.Unavailable);
        Assert.DoesNotContain("token=", seen.Href, StringComparison.Ordinal); // moved out of the address bar
        Assert.True(seen.TokenInSession);
        Assert.False(seen.TokenInLocalStorage);
        Assert.Equal(string.Empty, seen.Cookies);
        Assert.False(seen.PhoneOverflow, "the page scrolls sideways on a phone");
        Assert.True(seen.Charts >= 5, $"{seen.Charts} charts drawn");

        var clusters = overview.Clusters.Progress;
        AssertFigure(seen, "headline-clusters/provincialSmeClusters", clusters.ProvincialSmeClusters);
        AssertFigure(seen, "headline-clusters/nationalSmeClusters", clusters.NationalSmeClusters);
        AssertFigure(seen, "headline-clusters/specializedSmes", clusters.SpecializedSmes);
        AssertFigure(seen, "headline-clusters/littleGiants", clusters.LittleGiants);
        AssertFigure(seen, "headline-clusters/innovativeSmes", clusters.InnovativeSmes);
        AssertFigure(seen, "headline-clusters/newAboveSize", clusters.NewAboveSizeEnterprises);
        Assert.Equal(Count(clusters.AboveSizeEnterprisesTotal), seen.Figures["headline-clusters/aboveSizeTotal"].Actual);

        var projects = overview.Projects.Progress;
        AssertFigure(seen, "headline-projects/keyProjects", projects.KeyProjectsUnderImplementation);
        AssertFigure(seen, "headline-projects/startRate", projects.ProjectsStarted);
        AssertFigure(seen, "headline-projects/completionRate", projects.ProjectsCompleted);
        Assert.Equal(Percent(projects.HasInvestmentGrowthPercent ? projects.InvestmentGrowthPercent : null), seen.Figures["headline-projects/investmentGrowth"].Actual);
        Assert.Equal(Yi(projects.CompletedInvestmentYuan), seen.Figures["headline-projects/completedInvestment"].Actual);
        Assert.Equal(Count(projects.ProjectsBehindSchedule), seen.Figures["headline-projects/behindSchedule"].Actual);

        var parks = overview.Parks.Progress;
        AssertFigure(seen, "headline-parks/parksCertified", parks.ParksCertified);
        AssertFigure(seen, "headline-parks/enterprisesTransformed", parks.EnterprisesTransformed);
        AssertFigure(seen, "headline-parks/workshopsFactoriesLeaders", parks.WorkshopsFactoriesLeaders);

        // Per city: the table under the bars holds what the bars draw, each city by its name from the divisions API.
        var cityNames = (await new ReferenceService.ReferenceServiceClient(demo.Suite.Gateway)
            .ListDivisionsAsync(new ListDivisionsRequest { Level = DivisionLevel.City, PageSize = 100 })).Divisions.ToDictionary(d => d.Code, d => d.DisplayName);
        var cityRows = seen.Tables["city-projects"];
        Assert.Equal(projects.Cities.Count, cityRows.Count);
        foreach (var (city, row) in projects.Cities.Zip(cityRows))
        {
            Assert.Equal(cityNames[city.CityCode], row[0]);
            Assert.Equal(Count(city.KeyProjectsUnderImplementation.Actual), row[1]);
            Assert.Equal(Yi(city.CompletedInvestmentYuan), row[4]);
            Assert.Equal(Percent(city.HasInvestmentGrowthPercent ? city.InvestmentGrowthPercent : null), row[5]);
        }

        Assert.Equal(parks.Cities.Count, seen.Tables["city-digital"].Count);
        var clusterRows = seen.Tables["city-clusters"];
        Assert.NotEmpty(clusterRows);
        Assert.Equal(clusters.Cities.Count, clusterRows.Count);
        foreach (var (city, row) in clusters.Cities.Zip(clusterRows))
        {
            Assert.Equal(
                [cityNames[city.CityCode], OfTarget(city.ProvincialSmeClusters), OfTarget(city.InnovativeSmes), OfTarget(city.SpecializedSmes), OfTarget(city.NewAboveSizeEnterprises),
                 Percent(city.InnovativeSmes.HasCompletionPercent ? city.InnovativeSmes.CompletionPercent : null), Count(city.AboveSizeEnterprisesTotal)],
                row);
        }

        // The monthly curve ends at the overview's own figure.
        Assert.Equal(Month, seen.Tables["monthly"].Count);
        Assert.Equal(Yi(projects.CompletedInvestmentYuan), seen.Tables["monthly"][^1][1]);

        // The lagging list is ListProjects' behind_schedule page, as large as it or the page size.
        var lagging = await new ProjectService.ProjectServiceClient(demo.Suite.Gateway)
            .ListProjectsAsync(new ListProjectsRequest { Filter = "behind_schedule = true", PageSize = 20, OrderBy = "total_investment_yuan desc" });
        Assert.Equal(lagging.Projects.Select(p => p.DisplayName), seen.Tables.GetValueOrDefault("lagging", []).Select(r => r[0]));

        // Every figure carries its definition, on hover and for screen readers.
        Assert.All(seen.Figures.Values, f => Assert.False(string.IsNullOrEmpty(f.Definition)));
        Assert.All(seen.Figures.Values, f => Assert.Equal(f.Definition, f.DescribedBy));
    }

    [Fact]
    public async Task Page_WithParksStopped_ShowsTheParksSectionsUnavailable_AndTheOthers()
    {
        var suite = demo.Suite.Suite;
        await using var gateway = ServiceProcess.Start("gateway", "gateway", "Industry.Gateway", SuiteProcesses.GatewayEnvironment(suite.Cluster, suite.Projects, null));
        await gateway.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));

        var seen = await PageCheck.RunAsync(PageUrl(gateway.HttpAddress, TestTokens.Viewer), "parks-stopped");

        Assert.Equal(["digital-cities", "headline-parks"], seen.Unavailable.Select(u => u.Section!).Order());
        Assert.All(seen.Unavailable, u => Assert.Contains("parks", u.Service, StringComparison.Ordinal));
        Assert.Contains("headline-clusters/provincialSmeClusters", seen.Figures.Keys);
        Assert.Contains("headline-projects/keyProjects", seen.Figures.Keys);
        Assert.Empty(seen.ConsoleErrors);
    }

    [Fact]
    public async Task Page_WithAnExpiredToken_AsksToSignIn_AndKeepsNoToken()
    {
        var expired = TestTokens.Mint("viewer", lifetime: TimeSpan.FromMinutes(-1));

        var seen = await PageCheck.RunAsync(PageUrl(Gateway, expired), "expired", waitForSignIn: true);

        Assert.True(seen.SignIn);
        Assert.Contains("过期", seen.SignInReason, StringComparison.Ordinal);
        Assert.False(seen.TokenInSession);
        Assert.Empty(seen.ConsoleErrors);
    }

    [Fact]
    public async Task Page_WithATokenTheGatewayRefuses_AsksToSignIn()
    {
        // Well-formed and unexpired, so only the gateway can tell: signed with another key.
        var forged = Industry.ServiceDefaults.Security.DevelopmentTokens.Mint(TestTokens.Options, "forger", "province_admin", null,
            TimeSpan.FromHours(1), signingKey: new byte[32]);

        var seen = await PageCheck.RunAsync(PageUrl(Gateway, forged), "refused", waitForSignIn: true);

        Assert.True(seen.SignIn);
        Assert.Contains("失效", seen.SignInReason, StringComparison.Ordinal);
        Assert.False(seen.TokenInSession);
        Assert.Empty(seen.Unavailable); // no section painted its refusal as an outage
    }

    private static string PageUrl(Uri gateway, string token) =>
        $"{gateway.GetLeftPart(UriPartial.Authority)}/?year={Year}&month={Month}#token={Uri.EscapeDataString(token)}";

    private static void AssertFigure(PageSeen seen, string key, TargetProgress expected)
    {
        var figure = seen.Figures[key];
        Assert.Equal(Count(expected.Actual), figure.Actual);
        Assert.Equal(expected.HasTarget ? Count(expected.Target) : null, figure.Target);
        Assert.Equal(expected.HasTarget ? Percent(expected.HasCompletionPercent ? expected.CompletionPercent : null) : null, figure.Percent);
    }

    private static string Count(int value) => value.ToString("N0", Chinese);

    private static string OfTarget(TargetProgress figure) => $"{Count(figure.Actual)} / {(figure.HasTarget ? Count(figure.Target) : "—")}";

    private static string Percent(double? value) => value is { } v ? v.ToString("N1", Chinese) + "%" : "—";

    private static string Yi(long yuan) => (yuan / 1e8).ToString("N2", Chinese);
}
