using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Industry.Clusters.Data;

/// <summary>
/// Keeps <see cref="AboveSizeYearChange"/> and <see cref="QualificationYearGrant"/> equal to what the stored enterprises
/// and their qualifications add up to (ADR 0048). Like the projects service's investment totals it reads a pending save
/// from the change tracker, so no endpoint can forget it: every enterprise the save touches has its stored contribution
/// taken out before the save and its new one put in after, in the save's transaction, by atomic
/// <c>INSERT … ON CONFLICT DO UPDATE SET n = n + delta</c> (PostgreSQL and SQLite alike), so an enterprise that changes
/// city or industry, leaves above size, is deleted or has a grant revoked is right whatever the change was, and
/// concurrent saves of one city never lose each other's counts. Each such save also bumps its enterprise's version
/// (qualifications change only through it), which serialises the saves about one enterprise: of two that took out the
/// same stored contribution, the second fails on the version and rolls back.
/// </summary>
internal static class EnterpriseYearCounts
{
    /// <summary>
    /// {0} sign, {1} the USCCs (<see cref="Match"/>): each enterprise counts as entered in its above-size year and as
    /// exited in its exit year; the year-end total changes by +1 in the year it entered and -1 in the year it stopped
    /// counting (its exit year). Without an exit year (a row from before exit years were recorded) the current status
    /// decides: above size counts from the year entered on, not above size never counts. The rows go in key order, so
    /// that concurrent saves lock them in the same order.
    /// </summary>
    private const string AboveSize = """
        INSERT INTO above_size_year_changes (year, city_code, industry_code, net_change, entered, exited)
        SELECT year, city_code, industry_code, {0} * CAST(SUM(net_change) AS integer), {0} * CAST(SUM(entered) AS integer), {0} * CAST(SUM(exited) AS integer)
        FROM (
            SELECT above_size_year AS year, city_code, industry_code,
                CASE WHEN above_size_exit_year > above_size_year OR (above_size_exit_year = 0 AND above_size) THEN 1 ELSE 0 END AS net_change,
                1 AS entered, 0 AS exited
            FROM enterprises WHERE uscc USCC AND above_size_year > 0
            UNION ALL
            SELECT above_size_exit_year, city_code, industry_code,
                CASE WHEN above_size_year > 0 AND above_size_exit_year > above_size_year THEN -1 ELSE 0 END, 0, 1
            FROM enterprises WHERE uscc USCC AND above_size_exit_year > 0
        ) AS changes
        GROUP BY year, city_code, industry_code
        ORDER BY year, city_code, industry_code
        ON CONFLICT (year, city_code, industry_code) DO UPDATE
        SET net_change = above_size_year_changes.net_change + excluded.net_change,
            entered = above_size_year_changes.entered + excluded.entered,
            exited = above_size_year_changes.exited + excluded.exited
        """;

    /// <summary>{0} sign, {1} the USCCs: the enterprises' grants, each in its year unless revoked in that same year.</summary>
    private const string Grants = """
        INSERT INTO qualification_year_grants (year, type, city_code, industry_code, granted)
        SELECT q.year, q.type, e.city_code, e.industry_code, {0} * CAST(COUNT(*) AS integer)
        FROM enterprise_qualifications AS q
        JOIN enterprises AS e ON e.uscc = q.uscc
        WHERE q.uscc USCC AND (q.revoke_year IS NULL OR q.revoke_year > q.year)
        GROUP BY q.year, q.type, e.city_code, e.industry_code
        ORDER BY q.year, q.type, e.city_code, e.industry_code
        ON CONFLICT (year, type, city_code, industry_code) DO UPDATE
        SET granted = qualification_year_grants.granted + excluded.granted
        """;

    /// <summary>Where the statements above match their enterprises: replaced by the provider's comparison, below.</summary>
    private const string Match = "USCC";

    private static readonly string[] PostgresStatements = [.. new[] { AboveSize, Grants }.Select(s => s.Replace(Match, "= ANY({1})", StringComparison.Ordinal))];

    private static readonly string[] SqliteStatements = [.. new[] { AboveSize, Grants }.Select(s => s.Replace(Match, "= {1}", StringComparison.Ordinal))];

    private static readonly string[] CountedProperties =
    [
        nameof(Enterprise.CityCode), nameof(Enterprise.IndustryCode), nameof(Enterprise.AboveSize),
        nameof(Enterprise.AboveSizeYear), nameof(Enterprise.AboveSizeExitYear),
    ];

    /// <summary>The enterprises whose figures a pending save may change: added or deleted, a counted field changed, or a qualification added, changed or deleted.</summary>
    public static string[] Touched(ChangeTracker tracker)
    {
        var enterprises = tracker.Entries<Enterprise>()
            .Where(e => e.State is EntityState.Added or EntityState.Deleted
                || (e.State == EntityState.Modified && CountedProperties.Any(p => e.Property(p).IsModified)))
            .Select(e => e.Entity.Uscc);
        var qualifications = tracker.Entries<Qualification>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Entity.Uscc);
        return [.. enterprises.Concat(qualifications).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>Takes the stored contributions of <paramref name="usccs"/> out, before the save writes them.</summary>
    public static Task TakeOutAsync(DbContext db, string[] usccs, CancellationToken cancellationToken) =>
        CountAsync(db, usccs, -1, cancellationToken);

    /// <summary>Puts the contributions of <paramref name="usccs"/> as saved back in.</summary>
    public static Task PutBackAsync(DbContext db, string[] usccs, CancellationToken cancellationToken) =>
        CountAsync(db, usccs, 1, cancellationToken);

    /// <summary>One statement per figure for the whole save on PostgreSQL (a batch creates up to 1,000 enterprises); one per enterprise on SQLite, which has no arrays.</summary>
    private static async Task CountAsync(DbContext db, string[] usccs, int sign, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            foreach (var statement in PostgresStatements)
            {
                await db.Database.ExecuteSqlRawAsync(statement, [sign, usccs], cancellationToken);
            }

            return;
        }

        foreach (var uscc in usccs)
        {
            foreach (var statement in SqliteStatements)
            {
                await db.Database.ExecuteSqlRawAsync(statement, [sign, uscc], cancellationToken);
            }
        }
    }
}
