using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Industry.Projects.Data;

/// <summary>Completed investment over a range of months grouped by one of the project's dimensions, in one SQL query.</summary>
internal static class InvestmentStatsQueries
{
    public sealed record Group(string Key, int ProjectCount, long TotalInvestmentYuan, long CompletedYuan);

    /// <summary>
    /// Per group: the projects (those matching <paramref name="projectFilter"/>, when given) with an approved report in
    /// the months <paramref name="start"/>..<paramref name="end"/>, the sum of their total investment, and their approved
    /// completed investment in those months (ADR 0026). Months are compared as year*12+month.
    /// </summary>
    public static Task<List<Group>> CompletedByAsync(this ProjectsDbContext db, Expression<Func<Project, string>> key, Expression<Func<Project, bool>>? projectFilter, ReportingPeriod start, ReportingPeriod end, CancellationToken cancellationToken)
    {
        int first = (start.Year * 12) + start.Month, last = (end.Year * 12) + end.Month;
        var projects = projectFilter is null ? db.Projects : db.Projects.Where(projectFilter);
        return db.InvestmentReports
            // The year bounds repeat what the month numbers imply, so that the (year, month) index gives a range scan.
            .Where(r => r.Year >= start.Year && r.Year <= end.Year && (r.Year * 12) + r.Month >= first && (r.Year * 12) + r.Month <= last)
            .Where(InvestmentReportListing.Counted)
            .GroupBy(r => r.ProjectId)
            .Select(g => new { ProjectId = g.Key, Completed = g.Sum(r => r.CompletedInvestmentYuan) })
            .Join(projects.Select(WithKey((Project p, string k) => new { p.Id, p.TotalInvestmentYuan, Key = k }, key)), x => x.ProjectId, p => p.Id, (x, p) => new { p.Key, p.TotalInvestmentYuan, x.Completed })
            .GroupBy(x => x.Key)
            .Select(g => new { g.Key, Count = g.Count(), Total = g.Sum(x => x.TotalInvestmentYuan), Completed = g.Sum(x => x.Completed) })
            .Select(g => new Group(g.Key, g.Count, g.Total, g.Completed))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Per month of <paramref name="start"/>..<paramref name="end"/> (key <c>YYYY-MM</c>): the projects (those matching
    /// <paramref name="projectFilter"/>, when given) with an approved report for the month, the sum of their total
    /// investment, and the month's approved completed investment.
    /// </summary>
    public static async Task<List<Group>> CompletedByMonthAsync(this ProjectsDbContext db, Expression<Func<Project, bool>>? projectFilter, ReportingPeriod start, ReportingPeriod end, CancellationToken cancellationToken)
    {
        int first = (start.Year * 12) + start.Month, last = (end.Year * 12) + end.Month;
        var projects = projectFilter is null ? db.Projects : db.Projects.Where(projectFilter);
        var months = await db.InvestmentReports
            .Where(r => r.Year >= start.Year && r.Year <= end.Year && (r.Year * 12) + r.Month >= first && (r.Year * 12) + r.Month <= last)
            .Where(InvestmentReportListing.Counted)
            .Join(projects, r => r.ProjectId, p => p.Id, (r, p) => new { r.Year, r.Month, p.TotalInvestmentYuan, r.CompletedInvestmentYuan })
            .GroupBy(x => new { x.Year, x.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count(), Total = g.Sum(x => x.TotalInvestmentYuan), Completed = g.Sum(x => x.CompletedInvestmentYuan) })
            .ToListAsync(cancellationToken);
        return [.. months.Select(m => new Group(new ReportingPeriod(m.Year, m.Month).ToString(), m.Count, m.Total, m.Completed))];
    }

    /// <summary><paramref name="shape"/> given <paramref name="key"/> of its project as its second argument, in one lambda that EF translates.</summary>
    private static Expression<Func<Project, T>> WithKey<T>(Expression<Func<Project, string, T>> shape, Expression<Func<Project, string>> key) =>
        Expression.Lambda<Func<Project, T>>(
            ReplacingExpressionVisitor.Replace(shape.Parameters[1], ReplacingExpressionVisitor.Replace(key.Parameters[0], shape.Parameters[0], key.Body), shape.Body),
            shape.Parameters[0]);
}
