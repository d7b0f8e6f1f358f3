using Microsoft.EntityFrameworkCore;
using Proto = Industry.Projects.V1;

namespace Industry.Projects.Data;

/// <summary>
/// The plan's progress of a year through a month, as published: computed on read by GetPlanProgress and the provisional
/// dispatch bulletin, and once more when a month is closed, to be stored as its snapshot. One computation, so that a
/// snapshot is what GetPlanProgress answered at the moment of the close.
/// </summary>
internal static class PlanProgressReport
{
    /// <summary>The progress of <paramref name="year"/> through <paramref name="month"/>; <paramref name="today"/> (China) bounds a running month and judges the schedule lag.</summary>
    public static async Task<Proto.PlanProgress> PlanProgressAsync(this ProjectsDbContext db, int year, int month, DateOnly today, CancellationToken cancellationToken)
    {
        var plan = await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Year == year, cancellationToken);
        var keyProjects = await db.KeyProjectsUnderImplementationAsync(year, cancellationToken);
        var investment = await db.CompletedInvestmentAsync(year, month, cancellationToken);
        var periodEnd = ProgressArithmetic.PeriodEnd(year, month, today);
        var behind = await db.BehindScheduleAsync(new ScheduleLagBasis(today, db.Plans.AsNoTracking()), cancellationToken);
        var starts = await db.PlannedStartsAsync(year, periodEnd, cancellationToken);
        var completions = await db.PlannedCompletionsAsync(year, periodEnd, cancellationToken);

        long Invested(string? city, int y) => investment.Where(i => i.Year == y && (city is null || i.CityCode == city)).Sum(i => i.CompletedYuan);

        var total = keyProjects.Sum(k => k.UnderImplementation);
        var progress = new Proto.PlanProgress
        {
            Year = year,
            ThroughMonth = month,
            KeyProjectsUnderImplementation = Targets.Against(total, plan?.TargetKeyProjectsUnderImplementation),
            KeyProjectsNewlyStarted = keyProjects.Sum(k => k.NewlyStarted),
            KeyProjectsContinuing = total - keyProjects.Sum(k => k.NewlyStarted),
            CompletedInvestmentYuan = Invested(null, year),
            PreviousYearCompletedInvestmentYuan = Invested(null, year - 1),
            TimeScheduleProgressPercent = ProgressArithmetic.TimeSchedulePercent(month),
            ProjectsBehindSchedule = behind.Sum(b => b.Count),
            ProjectsStarted = Targets.Against(starts.Sum(s => s.Done), starts.Sum(s => s.Planned)),
            ProjectsCompleted = Targets.Against(completions.Sum(c => c.Done), completions.Sum(c => c.Planned)),
        };
        if (YearOnYear.GrowthPercent(progress.CompletedInvestmentYuan, progress.PreviousYearCompletedInvestmentYuan) is { } growth)
        {
            progress.InvestmentGrowthPercent = growth;
        }

        if (plan?.TargetInvestmentGrowthPercent is { } targetGrowth)
        {
            progress.TargetInvestmentGrowthPercent = targetGrowth;
        }

        foreach (var city in Divisions.Cities)
        {
            var row = new Proto.CityPlanProgress
            {
                CityCode = city.Code,
                KeyProjectsUnderImplementation = Targets.Against(
                    keyProjects.SingleOrDefault(k => k.CityCode == city.Code)?.UnderImplementation ?? 0,
                    plan?.CityTargets.SingleOrDefault(t => t.CityCode == city.Code)?.TargetKeyProjectsUnderImplementation),
                CompletedInvestmentYuan = Invested(city.Code, year),
                PreviousYearCompletedInvestmentYuan = Invested(city.Code, year - 1),
                ProjectsBehindSchedule = behind.SingleOrDefault(b => b.CityCode == city.Code)?.Count ?? 0,
                ProjectsStarted = Against(starts.SingleOrDefault(s => s.CityCode == city.Code)),
                ProjectsCompleted = Against(completions.SingleOrDefault(c => c.CityCode == city.Code)),
            };
            if (YearOnYear.GrowthPercent(row.CompletedInvestmentYuan, row.PreviousYearCompletedInvestmentYuan) is { } cityGrowth)
            {
                row.InvestmentGrowthPercent = cityGrowth;
            }

            progress.Cities.Add(row);
        }

        return progress;

        static Common.V1.TargetProgress Against(PlanProgressQueries.CityPlanned? city) => Targets.Against(city?.Done ?? 0, city?.Planned ?? 0);
    }
}
