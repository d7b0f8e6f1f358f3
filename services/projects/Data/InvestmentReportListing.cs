using System.Linq.Expressions;
using Industry.ServiceDefaults.Filtering;
using Microsoft.EntityFrameworkCore;

namespace Industry.Projects.Data;

/// <summary>
/// What <c>ListInvestmentReports</c> filters by: <c>period</c> (a <c>"YYYY-MM"</c> string), <c>update_time</c>,
/// <c>review_state</c> and the project's <c>city_code</c> and <c>county_code</c> (a city's review queue, 审核); a
/// report's cumulative total.
/// </summary>
internal static class InvestmentReportListing
{
    /// <summary>The filter, its city and county judged on <paramref name="projects"/> (the reports' projects, by id).</summary>
    public static FilterSchema<InvestmentReport> Filter(IQueryable<Project> projects) => Columns
        .With("city_code", OfProject(projects, p => p.CityCode))
        .With("county_code", OfProject(projects, p => p.CountyCode));

    private static readonly FilterSchema<InvestmentReport> Columns = new FilterSchema<InvestmentReport>()
        .Custom("period", Period)
        .Timestamp("update_time", r => r.UpdateTime)
        .Enum("review_state", r => r.ReviewState, "REVIEW_STATE_");

    /// <summary>The reports that count in progress figures: approved ones (a county editor's wait for their city's review).</summary>
    public static readonly Expression<Func<InvestmentReport, bool>> Counted = r => r.ReviewState == ReviewState.Approved;

    /// <summary>The project's stored approved (counted, ADR 0026) investment through <paramref name="period"/>, by SQL over the report key.</summary>
    public static Task<long> CumulativeThroughAsync(this ProjectsDbContext db, string projectId, ReportingPeriod period, CancellationToken cancellationToken) =>
        db.InvestmentReports
            .Where(r => r.ProjectId == projectId && (r.Year < period.Year || (r.Year == period.Year && r.Month <= period.Month)))
            .Where(Counted)
            .SumAsync(r => r.CompletedInvestmentYuan, cancellationToken);

    /// <summary>
    /// A project's column compared as <see cref="FilterSchema{T}.Text"/> does: a report carries no city or county of its
    /// own (a project may move between counties), so the term is an <c>EXISTS</c> on its project by key.
    /// </summary>
    private static Func<FilterTerm, Expression<Func<InvestmentReport, bool>>> OfProject(IQueryable<Project> projects, Expression<Func<Project, string>> column) => term =>
    {
        var matching = projects.Where(ColumnComparisons.Compare<Project>(column, term.Operator, QueryExpressions.Parameter(term.QuotedValue("\"340100\""))));
        return r => matching.Any(p => p.Id == r.ProjectId);
    };

    /// <summary>
    /// The period is stored as year and month (the key's last columns), so a comparison with a month is one on the pair.
    /// Ordered comparisons repeat the bound on the year, which an index range scan can use.
    /// </summary>
    private static Expression<Func<InvestmentReport, bool>> Period(FilterTerm term)
    {
        var period = ReportingPeriod.TryParse(term.QuotedValue("\"2023-01\""))
            ?? throw term.Invalid($"'{term.Value}' is not a month \"YYYY-MM\" from 2000-01 to 2100-12.");
        int year = period.Year, month = period.Month;
        return term.Operator switch
        {
            FilterOperator.Equal => r => r.Year == year && r.Month == month,
            FilterOperator.NotEqual => r => r.Year != year || r.Month != month,
            FilterOperator.LessThan => r => r.Year <= year && (r.Year < year || r.Month < month),
            FilterOperator.LessThanOrEqual => r => r.Year <= year && (r.Year < year || r.Month <= month),
            FilterOperator.GreaterThan => r => r.Year >= year && (r.Year > year || r.Month > month),
            _ => r => r.Year >= year && (r.Year > year || r.Month >= month),
        };
    }
}
