using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Industry.Projects.Data;

/// <summary>The plan's definitions (key project, under implementation) as SQL-translatable predicates, written once for every query that counts by them.</summary>
internal static class ProjectPredicates
{
    /// <summary>Key projects in the plan's sense (亿元以上): tier KEY or MAJOR.</summary>
    public static readonly Expression<Func<Project, bool>> KeyOrAbove = p => p.Tier == ProjectTier.Major || p.Tier == ProjectTier.Key;

    /// <summary>
    /// 实施: construction overlaps <paramref name="year"/>, whatever the tier: started on or before 31 December and not
    /// completed before 1 January, so both projects started in the year (新开工) and continuing ones (续建) count.
    /// </summary>
    public static Expression<Func<Project, bool>> UnderImplementationIn(int year)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        return p => p.ActualStartDate != null && p.ActualStartDate <= last
            && (p.ActualCompletionDate == null || p.ActualCompletionDate >= first);
    }

    /// <summary>
    /// 滞后 (<see cref="ScheduleLag"/>) on <see cref="ScheduleLagBasis.Today"/>, in SQL: under construction and either past
    /// the planned completion, or started on plan with a schedule share exceeding the investment share by more than the
    /// tolerance of the current year's plan (read by a subquery, so that the filter costs no extra round trip). Only
    /// the days of today in the schedule's span are computed: before the planned start the schedule share is 0 and no
    /// gap can exceed a tolerance of 0 or more; after the planned completion the first rule holds.
    /// </summary>
    public static Expression<Func<Project, bool>> BehindSchedule(ScheduleLagBasis basis)
    {
        var today = basis.Today;
        var day = today.DayNumber;
        var year = today.Year;
        var plans = basis.Plans;
        return p => p.State == ProjectState.UnderConstruction && p.PlannedCompletionDate != null
            && (p.PlannedCompletionDate < today
                || (p.PlannedStartDate != null && p.PlannedStartDate < today && p.PlannedStartDate < p.PlannedCompletionDate && p.TotalInvestmentYuan > 0
                    && (100.0 * (day - p.PlannedStartDate.Value.DayNumber) / (p.PlannedCompletionDate.Value.DayNumber - p.PlannedStartDate.Value.DayNumber))
                        - (100.0 * p.CumulativeCompletedInvestmentYuan / p.TotalInvestmentYuan)
                        > (plans.Where(plan => plan.Year == year).Select(plan => plan.ScheduleLagTolerancePoints).FirstOrDefault() ?? Plan.DefaultScheduleLagTolerancePoints)));
    }
}

/// <summary>
/// What <see cref="ProjectPredicates.BehindSchedule"/> is judged against: the day (China time, from the injected
/// clock) and the plans, whose row for the day's year sets the tolerance.
/// </summary>
internal sealed record ScheduleLagBasis(DateOnly Today, IQueryable<Plan> Plans)
{
    public static ScheduleLagBasis Of(ProjectsDbContext db, TimeProvider clock) => new(ChinaTime.Today(clock), db.Plans.AsNoTracking());
}
