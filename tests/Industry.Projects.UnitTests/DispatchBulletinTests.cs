using Industry.Projects.Api;
using Industry.Projects.Domain;
using Industry.ServiceDefaults.Reporting;
using Proto = Industry.Projects.V1;

namespace Industry.Projects.UnitTests;

/// <summary>调度通报: the cities ranked by investment growth and by completion of their target.</summary>
public sealed class DispatchBulletinTests
{
    [Fact]
    public void Ranks_HighestFirst_EqualFiguresShareARank_MissingFiguresAreUnranked()
    {
        var ranks = DispatchRanking.Ranks([("340200", 10.0), ("340100", 25.5), ("340300", null), ("340400", 10.0), ("340500", -3.0)]);

        Assert.Equal(
            [("340100", 1), ("340200", 2), ("340400", 2), ("340500", 4), ("340300", 0)],
            ranks.OrderBy(r => r.Value == 0).ThenBy(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal).Select(r => (r.Key, r.Value)));
    }

    [Fact]
    public void From_OrdersTheCitiesByGrowthRank_AndRanksTargetCompletionApart()
    {
        var progress = new Proto.PlanProgress
        {
            Cities =
            {
                City("340100", 110, 100, actual: 30, target: 40),  // +10%, 75%
                City("340200", 150, 100, actual: 50, target: 40),  // +50%, 125%
                City("340300", 80, 0, actual: 5, target: null),    // no growth, no target
                City("340400", 90, 100, actual: 20, target: 20),   // -10%, 100%
            },
        };
        progress.Cities[1].ProjectsBehindSchedule = 7;

        var bulletin = DispatchBulletins.From(new ReportingPeriod(2024, 3), new Proto.ProgressSnapshot { PlanProgress = progress }, progressSnapshot: null);

        Assert.Equal(("dispatchBulletins/2024-03", true), (bulletin.Name, bulletin.Provisional));
        Assert.Equal(["340200", "340100", "340400", "340300"], bulletin.Cities.Select(c => c.CityCode));
        Assert.Equal([1, 2, 3, 0], bulletin.Cities.Select(c => c.InvestmentGrowthRank));
        Assert.Equal([1, 3, 2, 0], bulletin.Cities.Select(c => c.TargetCompletionRank));
        Assert.Equal([7, 0, 0, 0], bulletin.Cities.Select(c => c.LaggingProjectCount)); // the plan progress's, city by city
        Assert.All(bulletin.Cities, c => Assert.False(c.HasMissingReportCount || c.HasLateReportCount)); // figures without a reporting status: a month closed before it was kept
        Assert.False(DispatchBulletins.From(new ReportingPeriod(2024, 3), new Proto.ProgressSnapshot { PlanProgress = progress }, "progressSnapshots/2024-03").Provisional);
    }

    [Fact]
    public void From_TakesEachCitysMissingAndLateCountsFromTheReportingStatus_AndTheLaggingListAsItIs()
    {
        var figures = new Proto.ProgressSnapshot
        {
            PlanProgress = new Proto.PlanProgress { Cities = { City("340100", 110, 100, actual: 1, target: null), City("340200", 90, 100, actual: 1, target: null) } },
            ReportingStatus = new Proto.ReportingStatus
            {
                Cities =
                {
                    new Proto.CityReportingStatus { CityCode = "340100", Counts = new() { DueCount = 10, OnTimeCount = 5, LateCount = 3, MissingCount = 2 } },
                    new Proto.CityReportingStatus { CityCode = "340200", Counts = new() { DueCount = 4, OnTimeCount = 4 } },
                },
            },
            LaggingProjects = { new Proto.LaggingProject { Project = "projects/a", CityCode = "340100" }, new Proto.LaggingProject { Project = "projects/b", CityCode = "340200" } },
            LaggingProjectsTruncated = true,
        };

        var bulletin = DispatchBulletins.From(new ReportingPeriod(2024, 3), figures, "progressSnapshots/2024-03");

        Assert.Equal([("340100", 2, 3), ("340200", 0, 0)], bulletin.Cities.Select(c => (c.CityCode, c.MissingReportCount, c.LateReportCount)));
        Assert.All(bulletin.Cities, c => Assert.True(c.HasMissingReportCount && c.HasLateReportCount));
        Assert.Equal(figures.LaggingProjects, bulletin.LaggingProjects);
        Assert.True(bulletin.LaggingProjectsTruncated);
    }

    [Fact]
    public void From_NamesTheHundredFurthestBehind_ByCity_AndSaysTheListIsShort()
    {
        // 150 behind in two cities: 20 past their planned completion, the rest by gaps 10.0 … 139.0 points.
        var lagging = Enumerable.Range(0, 150).Select(i => new Proto.LaggingProject
        {
            Project = $"projects/p{i:D3}",
            ProjectCode = $"code-{i:D3}",
            CityCode = i % 2 == 0 ? "340200" : "340100",
            PastPlannedCompletion = i < 20,
            GapPoints = i < 20 ? 0 : i,
        }).Reverse().ToList();
        var figures = new Proto.ProgressSnapshot { PlanProgress = new Proto.PlanProgress(), LaggingProjects = { lagging } };

        var bulletin = DispatchBulletins.From(new ReportingPeriod(2024, 3), figures, progressSnapshot: null);

        Assert.Equal(DispatchBulletins.MaxLaggingProjects, bulletin.LaggingProjects.Count);
        Assert.True(bulletin.LaggingProjectsTruncated);
        Assert.Equal(20, bulletin.LaggingProjects.Count(p => p.PastPlannedCompletion));
        Assert.Equal(70, bulletin.LaggingProjects.Where(p => !p.PastPlannedCompletion).Min(p => p.GapPoints)); // 149 … 70 kept, 69 … 20 left out
        Assert.Equal(bulletin.LaggingProjects.Select(p => p.CityCode).Order(StringComparer.Ordinal), bulletin.LaggingProjects.Select(p => p.CityCode));
    }

    private static Proto.CityPlanProgress City(string code, long invested, long previous, int actual, int? target)
    {
        var row = new Proto.CityPlanProgress
        {
            CityCode = code,
            CompletedInvestmentYuan = invested,
            PreviousYearCompletedInvestmentYuan = previous,
            KeyProjectsUnderImplementation = Targets.Against(actual, target),
        };
        if (YearOnYear.GrowthPercent(invested, previous) is { } growth)
        {
            row.InvestmentGrowthPercent = growth;
        }

        return row;
    }
}
