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
    /// <summary>The projects behind schedule on <paramref name="today"/> (China), and whether more were than the list holds.</summary>
    public static async Task<(List<Proto.LaggingProject> Projects, bool Truncated)> LaggingProjectsAsync(this ProjectsDbContext db, DateOnly today, CancellationToken cancellationToken)
    {
        var plans = db.Plans.AsNoTracking();
        var tolerance = await plans.Where(p => p.Year == today.Year).Select(p => p.ScheduleLagTolerancePoints).SingleOrDefaultAsync(cancellationToken)
            ?? Plan.DefaultScheduleLagTolerancePoints;
        var rows = await db.Projects.AsNoTracking()
            .Where(ProjectPredicates.BehindSchedule(new ScheduleLagBasis(today, plans)))
            .Select(p => new
            {
                p.Id,
                p.ProjectCode,
                p.DisplayName,
                p.CityCode,
                p.CountyCode,
                p.EnterpriseUscc,
                p.EnterpriseDisplayName,
                p.State,
                p.PlannedStartDate,
                p.PlannedCompletionDate,
                p.CumulativeCompletedInvestmentYuan,
                p.TotalInvestmentYuan,
            })
            .ToListAsync(cancellationToken);

        var projects = rows.ConvertAll(p =>
        {
            var figures = ScheduleLag.Of(p.State, p.PlannedStartDate, p.PlannedCompletionDate, p.CumulativeCompletedInvestmentYuan, p.TotalInvestmentYuan, today, tolerance);
            var lagging = new Proto.LaggingProject
            {
                Project = Project.Collection + "/" + p.Id,
                ProjectCode = p.ProjectCode,
                DisplayName = p.DisplayName,
                CityCode = p.CityCode,
                CountyCode = p.CountyCode,
                EnterpriseUscc = p.EnterpriseUscc,
                EnterpriseDisplayName = p.EnterpriseDisplayName,
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

        return LaggingList.Of(projects, p => new LaggingKey(p.CityCode, p.PastPlannedCompletion, p.HasGapPoints ? p.GapPoints : null, p.ProjectCode, p.Project));
    }

    /// <summary>One decimal, as every percentage the API returns.</summary>
    private static double Tenth(double percent) => Math.Round(percent, 1, MidpointRounding.AwayFromZero);
}
