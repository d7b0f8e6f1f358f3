using Industry.Demo.Loading;
using Industry.Demo.Plan;
using Industry.Projects.V1;
using Industry.ServiceDefaults.Reference;

namespace Industry.Demo.UnitTests;

/// <summary>
/// The 2023 dispatch cycle (月度调度) the plan plays: missing reports that move no figure of the report, lagging
/// projects, and January–October closed.
/// </summary>
public sealed class DispatchCycleTests
{
    [Theory]
    [MemberData(nameof(Plans.Scales), MemberType = typeof(Plans))]
    public void MissingReports_EachMonthJanuaryToSeptember_AreOwedAndAbsent_TheirInvestmentInTheNextMonth(string scale)
    {
        var plan = Plans.Of(scale);
        var cycle = plan.DispatchCycle;

        Assert.Equal(Enumerable.Range(1, 9).Select(m => (2023, m, plan.Scale.Of(30))), cycle.MissingReports.GroupBy(r => r.Missed.Month).Select(g => (g.First().Missed.Year, g.Key, g.Count())));
        Assert.Equal(cycle.MissingReports.Count, cycle.MissingReports.Select(r => r.ProjectCode).Distinct().Count());
        Assert.All(cycle.MissingReports, r =>
        {
            var project = plan.Projects.Single(p => p.ProjectCode == r.ProjectCode);
            Assert.Contains(project, DemoDispatchFigures.Missing(plan, r.Missed.Year, r.Missed.Month));
            Assert.Contains(r.CarriedInto, project.Reports);
            Assert.Equal((r.Missed.Year, r.Missed.Month + 1), (r.CarriedInto.Year, r.CarriedInto.Month));
            Assert.InRange(r.CarriedInto.Month, 2, 10);
            Assert.True(r.CarriedInto.Yuan > r.Missed.Yuan, $"{r.ProjectCode} {r.CarriedInto.Period} carries {r.Missed.Period}");
        });
    }

    [Theory]
    [MemberData(nameof(Plans.Scales), MemberType = typeof(Plans))]
    public void MissingReports_LeaveEveryCitysAndProjectsInvestment_JanuaryToOctober_AsItWas(string scale)
    {
        var plan = Plans.Of(scale);
        var missed = plan.DispatchCycle.MissingReports.ToDictionary(r => r.ProjectCode);
        // The plan as it was before the cycle: each missed report back in its month, taken out of the next one's.
        var before = plan.Projects.Select(p => missed.TryGetValue(p.ProjectCode, out var m)
            ? p with { Reports = [.. p.Reports.Select(r => r == m.CarriedInto ? r with { Yuan = r.Yuan - m.Missed.Yuan } : r).Append(m.Missed)] }
            : p).ToList();

        Assert.Equal(ByCity(before, 2023), ByCity(plan.Projects, 2023));
        Assert.Equal(ByCity(before, 2022), ByCity(plan.Projects, 2022));
        Assert.Equal(before.Select(p => p.Reports.Sum(r => r.Yuan)), plan.Projects.Select(p => p.Reports.Sum(r => r.Yuan)));
        Assert.Equal(27.7, DemoFigures.Of(plan, 2023, throughMonth: 10).InvestmentGrowthPercent);

        static Dictionary<string, long> ByCity(IEnumerable<DemoProject> projects, int year) =>
            projects.GroupBy(p => Divisions.CityOf(p.CountyCode)!.Code)
                .ToDictionary(g => g.Key, g => g.Sum(p => p.Reports.Where(r => r.Year == year && r.Month <= 10).Sum(r => r.Yuan)));
    }

    [Theory]
    [MemberData(nameof(Plans.Scales), MemberType = typeof(Plans))]
    public void LaggingProjects_AtTheEndOf2023_AreSomeOfThoseUnderConstruction(string scale)
    {
        var plan = Plans.Of(scale);
        var end = new DateOnly(2023, 12, 31);
        var running = plan.Projects.Where(p => p.Transitions.LastOrDefault(t => t.Date <= end)?.State == ProjectState.UnderConstruction).ToList();

        var lagging = DemoDispatchFigures.BehindSchedule(plan.Projects, end);

        Assert.NotEmpty(lagging);
        Assert.Subset(running.ToHashSet(), lagging.ToHashSet());
        Assert.True(lagging.Count < running.Count, $"{lagging.Count} of {running.Count} behind");
        Assert.Contains(lagging, p => p.PlannedCompletion < end);
        Assert.Contains(lagging, p => p.PlannedCompletion >= end);
    }

    [Theory]
    [MemberData(nameof(Plans.Scales), MemberType = typeof(Plans))]
    public void LaggingProjects_OnceEveryPlannedCompletionHasPassed_AreAllThoseStillUnderConstruction(string scale)
    {
        var plan = Plans.Of(scale);
        var day = plan.Projects.Max(p => p.PlannedCompletion).AddDays(1);
        var running = plan.Projects.Where(p => p.Transitions.Count > 0 && p.Transitions[^1].State == ProjectState.UnderConstruction);

        Assert.Equal(running, DemoDispatchFigures.BehindSchedule(plan.Projects, day));
    }

    [Theory]
    [MemberData(nameof(Plans.Scales), MemberType = typeof(Plans))]
    public void ClosedMonths_AreJanuaryToOctober2023(string scale)
    {
        var cycle = Plans.Of(scale).DispatchCycle;

        Assert.Equal(["2023-01", "2023-02", "2023-03", "2023-04", "2023-05", "2023-06", "2023-07", "2023-08", "2023-09", "2023-10"], cycle.ClosedPeriods);
    }

    [Fact]
    public void ClosingRequestIds_AreUuid4_OnePerMonth_TheSameOnEveryRun()
    {
        var ids = Plans.Full.DispatchCycle.ClosedPeriods.Select(p => DemoRequests.Close(p).RequestId).ToList();

        Assert.All(ids, id => Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(ids, Plans.Of("tenth").DispatchCycle.ClosedPeriods.Select(p => DemoRequests.Close(p).RequestId));
    }
}
