using Grpc.Core;
using Industry.Projects.Data;
using Microsoft.EntityFrameworkCore;
using Proto = Industry.Projects.V1;

namespace Industry.Projects.Api;

/// <summary>Progress against the year's plan: key projects under implementation and completed investment, per city.</summary>
internal sealed partial class ProjectsApi
{
    public override async Task<Proto.PlanProgress> GetPlanProgress(Proto.GetPlanProgressRequest request, ServerCallContext context)
    {
        var today = ChinaTime.Today(clock);
        var (year, month) = ResolvePeriod(request.Year, request.ThroughMonth, today);
        var ct = context.CancellationToken;

        var plan = await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Year == year, ct);
        var keyProjects = await db.KeyProjectsUnderImplementationAsync(year, ct);
        var investment = await db.CompletedInvestmentAsync(year, month, ct);
        var periodEnd = ProgressArithmetic.PeriodEnd(year, month, today);
        var behind = await db.BehindScheduleAsync(ScheduleLagBasis.Of(db, clock), ct);
        var starts = await db.PlannedStartsAsync(year, periodEnd, ct);
        var completions = await db.PlannedCompletionsAsync(year, periodEnd, ct);

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

    /// <summary>The year and last month to count: month 0 means the whole of a past year, or the current month of this one.</summary>
    internal static (int Year, int Month) ResolvePeriod(int year, int throughMonth, DateOnly today)
    {
        if (year < 2000 || year > today.Year)
        {
            throw ServiceException.InvalidArgument("year", $"must be from 2000 to the current year {today.Year}.");
        }

        if (throughMonth is < 0 or > 12)
        {
            throw ServiceException.InvalidArgument("through_month", "must be 1-12, or 0 for the year so far.");
        }

        var month = throughMonth == 0 ? (year < today.Year ? 12 : today.Month) : throughMonth;
        return year == today.Year && month > today.Month
            ? throw ServiceException.InvalidArgument("through_month", $"{year}-{month:D2} is in the future.")
            : (year, month);
    }
}
