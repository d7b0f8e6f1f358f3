using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Industry.Projects.Data;

/// <summary>
/// Keeps <see cref="ProjectYearInvestment"/> equal to the stored approved reports summed per project, year and month
/// (ADR 0047). Like <see cref="CityInvestmentTotals"/> it reads a pending save from the change tracker, so no endpoint
/// can forget it; unlike them it recomputes the touched projects' rows from their reports after the save, in its
/// transaction: a project has a few dozen reports, its writes are serialised by its version, and a recomputation is
/// right whatever the change was (a report added, replaced, approved, returned or deleted; the project deleted, whose
/// rows the foreign key removes).
/// </summary>
internal static class ProjectInvestmentTotals
{
    /// <summary>
    /// {0} project, {1} the approved state: the project's rows from its approved reports, the same statement on
    /// PostgreSQL and SQLite. The migration that created the table and the benchmark's seed fill it for every project
    /// with copies of this statement, without the project condition: a migration stays as it ran (its own text, not a
    /// constant that may change later), and the seed cannot see this internal type. A change here belongs in the seed
    /// too (benchmarks/Industry.Benchmarks/Projects/ProjectsSeed.cs), and in a new migration when stored rows must follow.
    /// </summary>
    private const string Insert = """
        INSERT INTO project_year_investments (project_id, year, reported_months, last_reported_before, month01, month02, month03, month04, month05, month06, month07, month08, month09, month10, month11, month12)
        SELECT project_id, year, CAST(SUM(1 << (month - 1)) AS integer),
            COALESCE(MAX(year * 12 + MAX(month)) OVER (PARTITION BY project_id ORDER BY year ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0),
            CAST(SUM(CASE WHEN month = 1 THEN completed_investment_yuan ELSE 0 END) AS bigint),
            CAST(SUM(CASE WHEN month = 2 THEN completed_investment_yuan ELSE 0 END) AS bigint),
            CAST(SUM(CASE WHEN month = 3 THEN completed_investment_yuan ELSE 0 END) AS bigint),
            CAST(SUM(CASE WHEN month = 4 THEN completed_investment_yuan ELSE 0 END) AS bigint),
            CAST(SUM(CASE WHEN month = 5 THEN completed_investment_yuan ELSE 0 END) AS bigint),
            CAST(SUM(CASE WHEN month = 6 THEN completed_investment_yuan ELSE 0 END) AS bigint),
            CAST(SUM(CASE WHEN month = 7 THEN completed_investment_yuan ELSE 0 END) AS bigint),
            CAST(SUM(CASE WHEN month = 8 THEN completed_investment_yuan ELSE 0 END) AS bigint),
            CAST(SUM(CASE WHEN month = 9 THEN completed_investment_yuan ELSE 0 END) AS bigint),
            CAST(SUM(CASE WHEN month = 10 THEN completed_investment_yuan ELSE 0 END) AS bigint),
            CAST(SUM(CASE WHEN month = 11 THEN completed_investment_yuan ELSE 0 END) AS bigint),
            CAST(SUM(CASE WHEN month = 12 THEN completed_investment_yuan ELSE 0 END) AS bigint)
        FROM investment_reports
        WHERE project_id = {0} AND review_state = {1}
        GROUP BY project_id, year
        """;

    private const string Delete = "DELETE FROM project_year_investments WHERE project_id = {0}";

    /// <summary>The statements that bring the rows of every project whose reports a pending save changes up to date, to run after it.</summary>
    public static List<CityInvestmentTotals.Statement> Pending(ChangeTracker tracker) =>
        [.. tracker.Entries<Domain.InvestmentReport>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Entity.ProjectId)
            .Distinct(StringComparer.Ordinal)
            .SelectMany(project => new CityInvestmentTotals.Statement[]
            {
                new(Delete, project),
                new(Insert, project, (int)Domain.ReviewState.Approved),
            })];
}
