using Microsoft.EntityFrameworkCore;

namespace Industry.Clusters.Data;

/// <summary>Revenue reports read with their year-on-year base.</summary>
internal static class RevenueQueries
{
    /// <summary>A report and the year-to-date revenue of the same period one year earlier (null when not reported).</summary>
    public sealed record Row(RevenueReport Report, long? PreviousYearRevenueYuan);

    /// <summary>The report of a cluster for a period (at most one), untracked.</summary>
    public static IQueryable<RevenueReport> ReportsOf(this ClusterDbContext db, string clusterId, ReportingPeriod period) =>
        db.RevenueReports.AsNoTracking().Where(r => r.ClusterId == clusterId && r.Year == period.Year && r.Month == period.Month);

    /// <summary>The year-to-date revenue the cluster reported for the same period a year earlier, or null.</summary>
    public static Task<long?> PreviousYearRevenueAsync(this ClusterDbContext db, string clusterId, ReportingPeriod period, CancellationToken cancellationToken) =>
        db.ReportsOf(clusterId, period.YearEarlier).Select(r => (long?)r.YearToDateRevenueYuan).SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Each report with its year-earlier figure, found by a correlated subquery on the primary key (same cluster and
    /// month, year - 1): one statement, whatever the page size. Apply it last, after filtering, ordering and paging.
    /// </summary>
    public static IQueryable<Row> WithPreviousYear(this IQueryable<RevenueReport> reports, ClusterDbContext db) =>
        reports.Select(r => new Row(
            r,
            db.RevenueReports
                .Where(p => p.ClusterId == r.ClusterId && p.Year == r.Year - 1 && p.Month == r.Month)
                .Select(p => (long?)p.YearToDateRevenueYuan)
                .FirstOrDefault()));

    /// <summary>The year-earlier figures of a page of reports, in one statement, by their key.</summary>
    public static async Task<List<Row>> WithPreviousYearAsync(this ClusterDbContext db, IReadOnlyList<RevenueReport> page, CancellationToken cancellationToken)
    {
        var clusters = page.Select(r => r.ClusterId).Distinct().ToList();
        var years = page.Select(r => r.Year - 1).Distinct().ToList();
        var earlier = await db.RevenueReports.AsNoTracking()
            .Where(p => clusters.Contains(p.ClusterId) && years.Contains(p.Year))
            .Select(p => new { p.ClusterId, p.Year, p.Month, p.YearToDateRevenueYuan })
            .ToDictionaryAsync(p => (p.ClusterId, p.Year, p.Month), p => p.YearToDateRevenueYuan, cancellationToken);
        return [.. page.Select(r => new Row(r, earlier.TryGetValue((r.ClusterId, r.Year - 1, r.Month), out var previous) ? previous : null))];
    }
}
