using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Industry.Projects.Data;

/// <summary>
/// Keeps <see cref="CityMonthInvestment"/> equal to the sum of the stored approved reports per city and month (ADR 0014,
/// ADR 0026). It
/// reads what a <c>SaveChanges</c> is about to write from the change tracker, so no endpoint can forget it: reports
/// added, replaced or removed change their month by the difference, and a project that leaves its city (a county in
/// another city, or deleted with its reports) takes its stored reports along. Every change is an atomic
/// <c>INSERT … ON CONFLICT DO UPDATE SET total = total + delta</c> (PostgreSQL and SQLite alike), so concurrent reports
/// of one city never lose each other's amounts; each such write also bumps its project's version, which serialises
/// the writes about one project.
/// </summary>
internal static class CityInvestmentTotals
{
    public const string Into = "INSERT INTO city_month_investments (city_code, year, month, completed_investment_yuan) ";

    public const string OnConflictAdd = """

        ON CONFLICT (city_code, year, month) DO UPDATE
        SET completed_investment_yuan = city_month_investments.completed_investment_yuan + excluded.completed_investment_yuan
        """;

    /// <summary>{0} city, {1} project, {2} sign, {3} the approved state: the project's stored approved reports per month, added to (1) or taken out of (-1) the city.</summary>
    private const string MoveProjectReports = Into
        + "SELECT {0}, year, month, {2} * CAST(SUM(completed_investment_yuan) AS bigint) FROM investment_reports WHERE project_id = {1} AND review_state = {3} GROUP BY year, month"
        + OnConflictAdd;

    /// <summary>{0} year, {1} month, {2} yuan, {3} project: an amount added to the month in the project's stored city.</summary>
    private const string AddToProjectCity = Into
        + "SELECT city_code, {0}, {1}, {2} FROM projects WHERE id = {3}"
        + OnConflictAdd;

    /// <summary>One upsert of the totals, with the arguments of its placeholders, as <c>ExecuteSqlRawAsync</c> takes them.</summary>
    public sealed record Statement(string Sql, params object[] Parameters);

    /// <summary>
    /// What a pending <c>SaveChanges</c> changes in the totals, taken before it runs: the statements to run
    /// <c>Before</c> it, while the reports and the old city are as stored (a project that leaves its city takes its
    /// stored reports out of it, and into the new one unless deleted), and <c>After</c> it (each report's difference in
    /// its project's city as stored then; a project deleted in the same save has no row left, so its reports, already
    /// taken out, add nothing).
    /// </summary>
    public static (List<Statement> Before, List<Statement> After) Pending(ChangeTracker tracker)
    {
        var before = new List<Statement>();
        foreach (var entry in tracker.Entries<Project>())
        {
            var from = entry.OriginalValues.GetValue<string>(nameof(Project.CityCode));
            var moved = entry.State == EntityState.Modified && from != entry.Entity.CityCode;
            if (moved || entry.State == EntityState.Deleted)
            {
                before.Add(new(MoveProjectReports, from, entry.Entity.Id, -1, (int)ReviewState.Approved));
            }

            if (moved)
            {
                before.Add(new(MoveProjectReports, entry.Entity.CityCode, entry.Entity.Id, 1, (int)ReviewState.Approved));
            }
        }

        var after = tracker.Entries<InvestmentReport>()
            .Select(entry => (entry.Entity, Delta: Delta(entry)))
            .Where(r => r.Delta != 0)
            .Select(r => new Statement(AddToProjectCity, r.Entity.Year, r.Entity.Month, r.Delta, r.Entity.ProjectId))
            .ToList();
        return (before, after);
    }

    /// <summary>
    /// What a tracked report changes in its month's counted amount (approved reports only, ADR 0026): all of it when
    /// added or removed, the difference when replaced, approved or sent back to review (also before change detection has
    /// marked it modified).
    /// </summary>
    public static long Delta(EntityEntry<InvestmentReport> entry) => entry.State switch
    {
        EntityState.Added => entry.Entity.CountedInvestmentYuan,
        EntityState.Deleted => -Stored(entry),
        _ => entry.Entity.CountedInvestmentYuan - Stored(entry),
    };

    /// <summary>What the report counts as stored (its original values).</summary>
    private static long Stored(EntityEntry<InvestmentReport> entry) => InvestmentReport.Counted(
        entry.OriginalValues.GetValue<ReviewState>(nameof(InvestmentReport.ReviewState)),
        entry.OriginalValues.GetValue<long>(nameof(InvestmentReport.CompletedInvestmentYuan)));
}
