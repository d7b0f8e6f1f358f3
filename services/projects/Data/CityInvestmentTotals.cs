using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Industry.Projects.Data;

/// <summary>
/// Keeps <see cref="CityMonthInvestment"/> equal to the sum of the stored reports per city and month (ADR 0014). It
/// reads what a <c>SaveChanges</c> is about to write from the change tracker, so no endpoint can forget it: reports
/// added, replaced or removed change their month by the difference, and a project that leaves its city (a county in
/// another city, or deleted with its reports) takes its stored reports along. Every change is an atomic
/// <c>INSERT … ON CONFLICT DO UPDATE SET total = total + delta</c> (PostgreSQL and SQLite alike), so concurrent reports
/// of one city never lose each other's amounts; each such write also bumps its project's version, which serialises
/// the writes about one project.
/// </summary>
internal static class CityInvestmentTotals
{
    private const string Into = "INSERT INTO city_month_investments (city_code, year, month, completed_investment_yuan) ";

    private const string OnConflictAdd = """

        ON CONFLICT (city_code, year, month) DO UPDATE
        SET completed_investment_yuan = city_month_investments.completed_investment_yuan + excluded.completed_investment_yuan
        """;

    /// <summary>{0} city, {1} project: the project's stored reports per month, taken out of the city.</summary>
    private const string SubtractProjectReports = Into
        + "SELECT {0}, year, month, -CAST(SUM(completed_investment_yuan) AS bigint) FROM investment_reports WHERE project_id = {1} GROUP BY year, month"
        + OnConflictAdd;

    /// <summary>{0} city, {1} project: the project's stored reports per month, added to the city.</summary>
    private const string AddProjectReports = Into
        + "SELECT {0}, year, month, CAST(SUM(completed_investment_yuan) AS bigint) FROM investment_reports WHERE project_id = {1} GROUP BY year, month"
        + OnConflictAdd;

    /// <summary>{0} year, {1} month, {2} yuan, {3} project: an amount added to the month in the project's stored city.</summary>
    private const string AddToProjectCity = Into
        + "SELECT city_code, {0}, {1}, {2} FROM projects WHERE id = {3}"
        + OnConflictAdd;

    /// <summary>What a pending <c>SaveChanges</c> changes in the totals, taken before it runs.</summary>
    public sealed record Changes(IReadOnlyList<CityMove> Moves, IReadOnlyList<ReportDelta> Deltas)
    {
        public bool IsEmpty => Moves.Count == 0 && Deltas.Count == 0;
    }

    /// <summary>A project's stored reports leave <paramref name="From"/> for <paramref name="To"/> (null: deleted).</summary>
    public sealed record CityMove(string ProjectId, string From, string? To);

    /// <summary>A report's month changes by <paramref name="Delta"/> yuan, in its project's (new) city.</summary>
    public sealed record ReportDelta(string ProjectId, int Year, int Month, long Delta);

    public static Changes Pending(ChangeTracker tracker)
    {
        var moves = new List<CityMove>();
        foreach (var entry in tracker.Entries<Project>())
        {
            var from = entry.OriginalValues.GetValue<string>(nameof(Project.CityCode));
            if (entry.State == EntityState.Deleted)
            {
                moves.Add(new CityMove(entry.Entity.Id, from, null));
            }
            else if (entry.State == EntityState.Modified && from != entry.Entity.CityCode)
            {
                moves.Add(new CityMove(entry.Entity.Id, from, entry.Entity.CityCode));
            }
        }

        var deltas = new List<ReportDelta>();
        foreach (var entry in tracker.Entries<InvestmentReport>())
        {
            if (Delta(entry) is var delta and not 0)
            {
                deltas.Add(new ReportDelta(entry.Entity.ProjectId, entry.Entity.Year, entry.Entity.Month, delta));
            }
        }

        return new Changes(moves, deltas);
    }

    /// <summary>
    /// What a tracked report changes in its month's stored amount: all of it when added or removed, the difference when
    /// replaced (also before change detection has marked it modified).
    /// </summary>
    public static long Delta(EntityEntry<InvestmentReport> entry) => entry.State switch
    {
        EntityState.Added => entry.Entity.CompletedInvestmentYuan,
        EntityState.Deleted => -entry.OriginalValues.GetValue<long>(nameof(InvestmentReport.CompletedInvestmentYuan)),
        _ => entry.Entity.CompletedInvestmentYuan - entry.OriginalValues.GetValue<long>(nameof(InvestmentReport.CompletedInvestmentYuan)),
    };

    /// <summary>Moves the stored reports' totals; runs before the save, while the reports and the old city are as stored.</summary>
    public static async Task MoveAsync(ProjectsDbContext db, IEnumerable<CityMove> moves, CancellationToken cancellationToken)
    {
        foreach (var move in moves)
        {
            await db.Database.ExecuteSqlRawAsync(SubtractProjectReports, [move.From, move.ProjectId], cancellationToken);
            if (move.To is not null)
            {
                await db.Database.ExecuteSqlRawAsync(AddProjectReports, [move.To, move.ProjectId], cancellationToken);
            }
        }
    }

    /// <summary>
    /// Adds the reports' differences in their project's city as stored after the save; a project deleted in the same
    /// save has no row left, so its reports (already taken out by <see cref="MoveAsync"/>) add nothing.
    /// </summary>
    public static async Task AddAsync(ProjectsDbContext db, IEnumerable<ReportDelta> deltas, CancellationToken cancellationToken)
    {
        foreach (var delta in deltas)
        {
            await db.Database.ExecuteSqlRawAsync(AddToProjectCity, [delta.Year, delta.Month, delta.Delta, delta.ProjectId], cancellationToken);
        }
    }
}
