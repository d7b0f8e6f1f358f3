using Microsoft.EntityFrameworkCore;

namespace Industry.Projects.Data;

/// <summary>
/// The figures of the plan's progress, each one SQL aggregation over indexes (never loading projects or reports into
/// memory): key projects under implementation per city, and completed investment per city for the first months of a
/// year and of the year before (kept per city and month by every save, ADR 0014); and the projects behind schedule and
/// planned to start or complete in the year, per city.
/// </summary>
internal static class PlanProgressQueries
{
    public sealed record CityKeyProjects(string CityCode, int UnderImplementation, int NewlyStarted);

    public sealed record CityInvestment(string CityCode, int Year, long CompletedYuan);

    public sealed record CityCount(string CityCode, int Count);

    /// <summary>Projects planned to do something (start, complete) in a year, and of those the ones that did it by the period's end.</summary>
    public sealed record CityPlanned(string CityCode, int Planned, int Done);

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

    /// <summary>Projects behind schedule on the basis's day (<see cref="ProjectPredicates.BehindSchedule"/>), per city.</summary>
    public static Task<List<CityCount>> BehindScheduleAsync(this ProjectsDbContext db, ScheduleLagBasis basis, CancellationToken cancellationToken) =>
        db.Projects
            .Where(ProjectPredicates.BehindSchedule(basis))
            .GroupBy(p => p.CityCode)
            .Select(g => new CityCount(g.Key, g.Count()))
            .ToListAsync(cancellationToken);

    /// <summary>开工率's counts: projects whose planned start is in <paramref name="year"/>, and of those the ones actually started by <paramref name="periodEnd"/>, per city.</summary>
    public static Task<List<CityPlanned>> PlannedStartsAsync(this ProjectsDbContext db, int year, DateOnly periodEnd, CancellationToken cancellationToken)
    {
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        return db.Projects
            .Where(p => p.PlannedStartDate >= first && p.PlannedStartDate <= last)
            .GroupBy(p => p.CityCode)
            .Select(g => new CityPlanned(g.Key, g.Count(), g.Count(p => p.ActualStartDate <= periodEnd)))
            .ToListAsync(cancellationToken);
    }

    /// <summary>竣工率's counts: projects whose planned completion is in <paramref name="year"/>, and of those the ones actually completed by <paramref name="periodEnd"/>, per city.</summary>
    public static Task<List<CityPlanned>> PlannedCompletionsAsync(this ProjectsDbContext db, int year, DateOnly periodEnd, CancellationToken cancellationToken)
    {
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        return db.Projects
            .Where(p => p.PlannedCompletionDate >= first && p.PlannedCompletionDate <= last)
            .GroupBy(p => p.CityCode)
            .Select(g => new CityPlanned(g.Key, g.Count(), g.Count(p => p.ActualCompletionDate <= periodEnd)))
            .ToListAsync(cancellationToken);
    }
}
