using Grpc.Core;
using Industry.Projects.V1;

namespace Industry.IntegrationTests.Projects;

/// <summary>GetCityRanking against PostgreSQL: each ranking against the figures of the answers it ranks.</summary>
public sealed class CityRankingApiTests(ProjectsServiceFixture service) : IClassFixture<ProjectsServiceFixture>
{
    private ProjectService.ProjectServiceClient Client => new(service.Channel);

    private ProjectData Data => new(Client);

    private static CallOptions Deadline => new(deadline: DateTime.UtcNow.AddSeconds(15));

    [Theory]
    [InlineData(CityRankingFigure.InvestmentGrowth)]
    [InlineData(CityRankingFigure.TargetCompletion)]
    [InlineData(CityRankingFigure.ReportingDiscipline)]
    public async Task GetCityRanking_RanksTheFiguresOfTheAnswersItRanks(CityRankingFigure ranking)
    {
        await SeedAsync();

        var answer = await Client.GetCityRankingAsync(new GetCityRankingRequest { Period = "2024-06", Ranking = ranking }, Deadline);

        var figures = ranking == CityRankingFigure.ReportingDiscipline
            ? (await Client.GetReportingStatusAsync(new GetReportingStatusRequest { Period = "2024-06" }, Deadline)).Cities
                .Select(c => (c.CityCode, Figure: c.Counts.DueCount == 0 ? (double?)null : Math.Round(c.Counts.OnTimeCount * 100.0 / c.Counts.DueCount, 1, MidpointRounding.AwayFromZero)))
            : (await Client.GetPlanProgressAsync(new GetPlanProgressRequest { Year = 2024, ThroughMonth = 6 }, Deadline)).Cities
                .Select(c => (c.CityCode, Figure: ranking == CityRankingFigure.InvestmentGrowth
                    ? (c.HasInvestmentGrowthPercent ? c.InvestmentGrowthPercent : (double?)null)
                    : (c.KeyProjectsUnderImplementation.HasCompletionPercent ? c.KeyProjectsUnderImplementation.CompletionPercent : null)));
        var expected = figures.ToList();
        Assert.Equal((ranking, "2024-06"), (answer.Ranking, answer.Period));
        Assert.Equal(expected.Select(e => e.CityCode).Order(StringComparer.Ordinal), answer.Cities.Select(c => c.CityCode).Order(StringComparer.Ordinal));
        Assert.Contains(answer.Cities, c => c.Rank > 0);
        foreach (var city in answer.Cities)
        {
            var figure = expected.Single(e => e.CityCode == city.CityCode).Figure;
            Assert.Equal(figure, city.HasFigurePercent ? city.FigurePercent : null);
            // Competition rank: one more than the number of cities with a strictly better figure.
            var rank = figure is { } f ? 1 + expected.Count(e => e.Figure > f) : 0;
            Assert.Equal(rank, city.Rank);
        }

        // Ranked cities best first, then the unranked, each by city code.
        var order = answer.Cities.Select(c => (Unranked: c.Rank == 0, c.Rank, c.CityCode)).ToList();
        Assert.Equal(order.OrderBy(o => o.Unranked).ThenBy(o => o.Rank).ThenBy(o => o.CityCode, StringComparer.Ordinal), order);
    }

    [Fact]
    public async Task GetCityRanking_OfAClosedMonth_RanksItsPublishedFigures_AsItsBulletin_NotALaterCorrection()
    {
        // A month of its own (2018-05): Hefei +50 %, Wuhu -20 % at the close; Wuhu corrected to +200 % afterwards.
        var hefei = await Data.ProjectAsync("340104", 900_000_000, new DateOnly(2017, 1, 1));
        var wuhu = await Data.ProjectAsync("340207", 900_000_000, new DateOnly(2017, 1, 1));
        await Data.ReportAsync(hefei, "2017-05", 10_000_000);
        await Data.ReportAsync(wuhu, "2017-05", 10_000_000);
        await Data.ReportAsync(hefei, "2018-05", 15_000_000);
        var wuhuMay = await Data.ReportAsync(wuhu, "2018-05", 8_000_000);
        await Client.ClosePeriodAsync(new ClosePeriodRequest { Name = "reportingPeriods/2018-05", RequestId = Guid.NewGuid().ToString() }, Deadline);
        await Client.ReportInvestmentAsync(
            new ReportInvestmentRequest { Parent = wuhu.Name, Period = "2018-05", CompletedInvestmentYuan = 30_000_000, Etag = wuhuMay.Etag, CorrectionReason = "漏报更正" },
            Deadline);

        var ranking = await Client.GetCityRankingAsync(new GetCityRankingRequest { Period = "2018-05", Ranking = CityRankingFigure.InvestmentGrowth }, Deadline);
        var bulletin = await Client.GetDispatchBulletinAsync(new GetDispatchBulletinRequest { Name = "dispatchBulletins/2018-05" }, Deadline);

        Assert.Equal([("340100", 1, 50.0), ("340200", 2, -20.0)], ranking.Cities.Take(2).Select(c => (c.CityCode, c.Rank, c.FigurePercent)));
        Assert.Equal(
            bulletin.Cities.Select(c => (c.CityCode, c.InvestmentGrowthRank)).Order(),
            ranking.Cities.Select(c => (c.CityCode, c.Rank)).Order());
    }

    [Theory]
    [InlineData(CityRankingFigure.Unspecified, "2024-06", "ranking")]
    [InlineData((CityRankingFigure)99, "2024-06", "ranking")]
    [InlineData(CityRankingFigure.InvestmentGrowth, "2024-13", "period")]
    [InlineData(CityRankingFigure.ReportingDiscipline, "2999-01", "period")]
    public async Task GetCityRanking_BadRequest_IsInvalidArgument(CityRankingFigure ranking, string period, string field)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.GetCityRankingAsync(new GetCityRankingRequest { Period = period, Ranking = ranking }, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(field, error.Status.Detail, StringComparison.Ordinal);
    }

    // Two cities with the same growth (a shared rank), one growing more, one without a previous year.
    // Targets: Hefei and Wuhu 1 key project each (equal completion), Bengbu 4; Huainan none.
    private async Task SeedAsync()
    {
        await Client.UpdatePlanAsync(new UpdatePlanRequest
        {
            Plan = new Plan
            {
                Name = "plans/2024",
                TargetKeyProjectsUnderImplementation = 10,
                CityTargets = { new PlanCityTarget { CityCode = "340100", TargetKeyProjectsUnderImplementation = 1 }, new PlanCityTarget { CityCode = "340200", TargetKeyProjectsUnderImplementation = 1 }, new PlanCityTarget { CityCode = "340300", TargetKeyProjectsUnderImplementation = 4 } },
            },
            AllowMissing = true,
        }, Deadline);
        var hefei = await Data.ProjectAsync("340104", 500_000_000, new DateOnly(2022, 1, 1));
        var wuhu = await Data.ProjectAsync("340207", 500_000_000, new DateOnly(2022, 1, 1));
        var bengbu = await Data.ProjectAsync("340302", 500_000_000, new DateOnly(2022, 1, 1));
        var huainan = await Data.ProjectAsync("340402", 500_000_000, new DateOnly(2024, 1, 1));
        foreach (var (project, previous, current) in new[] { (hefei, 10_000_000L, 12_000_000L), (wuhu, 5_000_000L, 6_000_000L), (bengbu, 10_000_000L, 20_000_000L) })
        {
            await Data.ReportAsync(project, "2023-03", previous);
            await Data.ReportAsync(project, "2024-03", current);
        }

        await Data.ReportAsync(huainan, "2024-06", 1_000_000);
    }
}
