using Microsoft.EntityFrameworkCore;
using Proto = Industry.Projects.V1;

namespace Industry.Projects.Data;

/// <summary>
/// 滞后项目 as published: the projects behind schedule on a day (<see cref="ProjectPredicates.BehindSchedule"/>, the rule
/// the plan progress counts by) with their figures (<see cref="ScheduleLag"/>), in the order and within the bound of
/// <see cref="LaggingList"/>. Read by the provisional dispatch bulletin and once more at a month's close for its snapshot.
/// </summary>
internal static class LaggingProjectsReport
{
    /// <summary>
    /// The projects behind schedule on <paramref name="today"/> (China), at most <paramref name="max"/> of them, and
    /// whether more were. The database ranks them by <see cref="LaggingList"/>'s severity (with the gap unrounded) and
    /// returns the first <paramref name="max"/>, whose names are read apart: at national scale thousands are behind, and
    /// carrying them all into the service only to drop most cost a bulletin most of its time.
    /// </summary>
    public static async Task<(List<Proto.LaggingProject> Projects, bool Truncated)> LaggingProjectsAsync(this ProjectsDbContext db, DateOnly today, int max, CancellationToken cancellationToken)
    {
        var plans = db.Plans.AsNoTracking();
        var tolerance = await plans.Where(p => p.Year == today.Year).Select(p => p.ScheduleLagTolerancePoints).SingleOrDefaultAsync(cancellationToken)
            ?? Plan.DefaultScheduleLagTolerancePoints;
        var day = today.DayNumber;
        var rows = await db.Projects.AsNoTracking()
            .Where(ProjectPredicates.BehindSchedule(new ScheduleLagBasis(today, plans)))
            .OrderByDescending(p => p.PlannedCompletionDate < today)
            .ThenBy(p => p.PlannedStartDate == null || p.PlannedCompletionDate <= p.PlannedStartDate || p.TotalInvestmentYuan <= 0) // an absent gap last
            .ThenByDescending(p => p.PlannedStartDate == null || p.PlannedCompletionDate <= p.PlannedStartDate || p.TotalInvestmentYuan <= 0
                ? 0.0
                : (today <= p.PlannedStartDate ? 0.0
                    : today >= p.PlannedCompletionDate ? 100.0
                    : 100.0 * (day - p.PlannedStartDate.Value.DayNumber) / (p.PlannedCompletionDate!.Value.DayNumber - p.PlannedStartDate.Value.DayNumber))
                  - (100.0 * p.CumulativeCompletedInvestmentYuan / p.TotalInvestmentYuan))
            .ThenBy(p => p.ProjectCode)
            .ThenBy(p => p.Id)
            .Take(max + 1)
            .Select(p => new
            {
                p.Id,
                p.ProjectCode,
                p.CityCode,
                p.State,
                p.PlannedStartDate,
                p.PlannedCompletionDate,
                p.CumulativeCompletedInvestmentYuan,
                p.TotalInvestmentYuan,
            })
            .ToListAsync(cancellationToken);

        var ranked = rows.ConvertAll(p =>
        {
            var figures = ScheduleLag.Of(p.State, p.PlannedStartDate, p.PlannedCompletionDate, p.CumulativeCompletedInvestmentYuan, p.TotalInvestmentYuan, today, tolerance);
            var lagging = new Proto.LaggingProject
            {
                Project = Project.Collection + "/" + p.Id,
                ProjectCode = p.ProjectCode,
                CityCode = p.CityCode,
                PastPlannedCompletion = figures?.PastPlannedCompletion ?? false,
            };
            if (figures?.SchedulePercent is { } schedule)
            {
                lagging.SchedulePercent = Tenth(schedule);
            }

            if (figures?.InvestmentPercent is { } investment)
            {
                lagging.InvestmentPercent = Tenth(investment);
            }

            if (figures?.GapPoints is { } gap)
            {
                lagging.GapPoints = Tenth(gap);
            }

            return lagging;
        });

        var (kept, truncated) = LaggingList.Of(ranked, Key, max);
        var ids = kept.ConvertAll(p => p.Project[(Project.Collection.Length + 1)..]);
        var names = await db.Projects.AsNoTracking()
            .Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.DisplayName, p.CountyCode, p.EnterpriseUscc, p.EnterpriseDisplayName })
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        foreach (var (project, id) in kept.Zip(ids))
        {
            var named = names[id];
            (project.DisplayName, project.CountyCode, project.EnterpriseUscc, project.EnterpriseDisplayName) =
                (named.DisplayName, named.CountyCode, named.EnterpriseUscc, named.EnterpriseDisplayName);
        }

        return (kept, truncated);
    }

    /// <summary>What orders a listed project in a <see cref="LaggingList"/>.</summary>
    public static LaggingKey Key(Proto.LaggingProject project) =>
        new(project.CityCode, project.PastPlannedCompletion, project.HasGapPoints ? project.GapPoints : null, project.ProjectCode, project.Project);

    /// <summary>One decimal, as every percentage the API returns.</summary>
    private static double Tenth(double percent) => Math.Round(percent, 1, MidpointRounding.AwayFromZero);
}
