using Industry.Clusters.Domain;

namespace Industry.Clusters.Data;

/// <summary>Revenue reports read with their year-on-year base, in the same SQL statement.</summary>
internal static class RevenueQueries
{
    /// <summary>A report and the year-to-date revenue of the same period one year earlier (null when not reported).</summary>
    public sealed record Row(RevenueReport Report, long? PreviousYearRevenueYuan);

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
}
