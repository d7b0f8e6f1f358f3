using Microsoft.EntityFrameworkCore;

namespace Industry.Projects.Data;

/// <summary>
/// The reporting calendar's reads (ADR 0024): a month's counts per county, the projects missing its report, and the
/// month's deadline day, each one SQL statement over the projects' start-date index and the reports' month index.
/// </summary>
internal static class ReportingStatusQueries
{
    /// <summary>One county's counts of a month: projects owing it, of them those reported on time and late, and of those the reports still awaiting their city's review.</summary>
    public sealed record CountyCounts(string CityCode, string CountyCode, int Due, int OnTime, int Late, int AwaitingReview);

    /// <summary>The reporting deadline day of <paramref name="year"/>'s months: its plan's, or the default without a plan.</summary>
    public static async Task<int> ReportingDeadlineDayAsync(this ProjectsDbContext db, int year, CancellationToken cancellationToken) =>
        await db.Plans.Where(p => p.Year == year).Select(p => p.ReportingDeadlineDay).SingleOrDefaultAsync(cancellationToken)
        ?? Plan.DefaultReportingDeadlineDay;

    /// <summary>Per county, the projects owing <paramref name="period"/>'s report and how many first reported it before <paramref name="deadlineEndUtc"/> or after.</summary>
    public static Task<List<CountyCounts>> ReportingCountsAsync(this ProjectsDbContext db, ReportingPeriod period, DateTime deadlineEndUtc, CancellationToken cancellationToken) =>
        // One report per project and month at most (the key), so the left join keeps one row per owing project.
        (from p in db.Projects.Where(ReportingCalendar.Owing(period))
         join r in db.InvestmentReports.Where(r => r.Year == period.Year && r.Month == period.Month) on p.Id equals r.ProjectId into reports
         from r in reports.DefaultIfEmpty()
         select new { p.CityCode, p.CountyCode, Reported = (DateTime?)r.CreateTime, State = (ReviewState?)r.ReviewState })
        .GroupBy(x => new { x.CityCode, x.CountyCode })
        .Select(g => new CountyCounts(
            g.Key.CityCode,
            g.Key.CountyCode,
            g.Count(),
            g.Count(x => x.Reported < deadlineEndUtc),
            g.Count(x => x.Reported >= deadlineEndUtc),
            g.Count(x => x.State == ReviewState.Submitted)))
        .ToListAsync(cancellationToken);

    /// <summary>The projects owing <paramref name="period"/>'s report without one.</summary>
    public static IQueryable<Project> MissingReport(this ProjectsDbContext db, ReportingPeriod period) =>
        db.Projects.Where(ReportingCalendar.Owing(period))
            .Where(p => !db.InvestmentReports.Any(r => r.ProjectId == p.Id && r.Year == period.Year && r.Month == period.Month));
}
