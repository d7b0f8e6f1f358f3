using Microsoft.EntityFrameworkCore;

namespace Industry.Projects.Data;

/// <summary>
/// The figures of the plan's progress, each one SQL aggregation over indexes (never loading projects or reports into
/// memory): key projects under implementation per city, and completed investment per city for the first months of a
/// year and of the year before (kept per city and month by every save, ADR 0014).
/// </summary>
internal static class PlanProgressQueries
{
    public sealed record CityKeyProjects(string CityCode, int UnderImplementation, int NewlyStarted);

    public sealed record CityInvestment(string CityCode, int Year, long CompletedYuan);

    /// <summary>Key (¥100M+) projects under implementation in <paramref name="year"/> (<see cref="ProjectPredicates.UnderImplementationIn"/>), per city.</summary>
    public static Task<List<CityKeyProjects>> KeyProjectsUnderImplementationAsync(this ProjectsDbContext db, int year, CancellationToken cancellationToken)
    {
        var first = new DateOnly(year, 1, 1);
        return db.Projects
            .Where(ProjectPredicates.KeyOrAbove)
            .Where(ProjectPredicates.UnderImplementationIn(year))
            .GroupBy(p => p.CityCode)
            .Select(g => new CityKeyProjects(g.Key, g.Count(), g.Count(p => p.ActualStartDate >= first)))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Completed investment of all projects in months 1..<paramref name="throughMonth"/> of a year and the year before,
    /// per city: from the running totals (at most 16 cities × 24 months of rows), not from the reports themselves.
    /// </summary>
    public static Task<List<CityInvestment>> CompletedInvestmentAsync(this ProjectsDbContext db, int year, int throughMonth, CancellationToken cancellationToken) =>
        db.CityMonthInvestments
            .Where(c => (c.Year == year || c.Year == year - 1) && c.Month <= throughMonth)
            .GroupBy(c => new { c.CityCode, c.Year })
            .Select(g => new CityInvestment(g.Key.CityCode, g.Key.Year, g.Sum(c => c.CompletedInvestmentYuan)))
            .ToListAsync(cancellationToken);
}
