using System.Linq.Expressions;
using Industry.ServiceDefaults.Filtering;

namespace Industry.Clusters.Data;

/// <summary>What <c>ListRevenueReports</c> filters on (the period) and its one order: by cluster, then the latest period first.</summary>
internal static class RevenueReportListing
{
    public static readonly FilterSchema<RevenueReport> Filter = new FilterSchema<RevenueReport>().Custom("period", Period);

    /// <summary>(cluster, year, month) is the key, so nothing needs to follow the month.</summary>
    public static readonly SortSchema<RevenueReport> Order = new SortSchema<RevenueReport>(r => r.ClusterId, "cluster, year desc, month desc")
        .Field("cluster", r => r.ClusterId)
        .Field("year", r => r.Year)
        .Field("month", r => r.Month, unique: true);

    /// <summary><c>period &gt;= "2023-01"</c>: a month "YYYY-MM", compared as months, with the six operators.</summary>
    private static Expression<Func<RevenueReport, bool>> Period(FilterTerm term)
    {
        var text = term.QuotedValue("\"2023-01\"");
        var period = ReportingPeriod.TryParse(text) ?? throw term.Invalid($"'{text}' is not a month \"YYYY-MM\".");
        return ColumnComparisons.Compare<RevenueReport, int>(r => (r.Year * 12) + r.Month, term.Operator, period.Ordinal);
    }
}
