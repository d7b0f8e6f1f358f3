using Microsoft.EntityFrameworkCore;

namespace Industry.Clusters.Data;

/// <summary>Revenue reports read with their year-on-year base.</summary>
internal static class RevenueQueries
{
    /// <summary>The report of a cluster for a period (at most one), untracked.</summary>
    public static IQueryable<RevenueReport> ReportsOf(this ClusterDbContext db, string clusterId, ReportingPeriod period) =>
        db.RevenueReports.AsNoTracking().Where(r => r.ClusterId == clusterId && r.Year == period.Year && r.Month == period.Month);

    /// <summary>The year-to-date revenue the cluster reported for the same period a year earlier, or null.</summary>
    public static Task<long?> PreviousYearRevenueAsync(this ClusterDbContext db, string clusterId, ReportingPeriod period, CancellationToken cancellationToken) =>
        db.ReportsOf(clusterId, period.YearEarlier).Select(r => (long?)r.YearToDateRevenueYuan).SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The latest report of <paramref name="year"/> of each of <paramref name="clusterIds"/> that reported in it, by cluster
    /// id: a year-to-date revenue, so the latest month is the year's figure so far. One statement over the clusters' reports
    /// of the year (at most twelve each).
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, RevenueReport>> LatestOfYearAsync(this ClusterDbContext db, IReadOnlyCollection<string> clusterIds, int year, CancellationToken cancellationToken)
    {
        if (clusterIds.Count == 0)
        {
            return new Dictionary<string, RevenueReport>();
        }

        var reports = await db.RevenueReports.AsNoTracking().Where(r => clusterIds.Contains(r.ClusterId) && r.Year == year).ToListAsync(cancellationToken);
        return reports.GroupBy(r => r.ClusterId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.MaxBy(r => r.Month)!, StringComparer.Ordinal);
    }

    /// <summary>The year-earlier figures of a page of reports (null where none was reported), read in one statement, by their key.</summary>
    public static async Task<Func<RevenueReport, long?>> PreviousYearRevenuesAsync(this ClusterDbContext db, IReadOnlyList<RevenueReport> page, CancellationToken cancellationToken)
    {
        var clusters = page.Select(r => r.ClusterId).Distinct().ToList();
        var years = page.Select(r => r.Year - 1).Distinct().ToList();
        var earlier = await db.RevenueReports.AsNoTracking()
            .Where(p => clusters.Contains(p.ClusterId) && years.Contains(p.Year))
            .Select(p => new { p.ClusterId, p.Year, p.Month, p.YearToDateRevenueYuan })
            .ToDictionaryAsync(p => (p.ClusterId, p.Year, p.Month), p => p.YearToDateRevenueYuan, cancellationToken);
        return r => earlier.TryGetValue((r.ClusterId, r.Year - 1, r.Month), out var previous) ? previous : null;
    }
}
