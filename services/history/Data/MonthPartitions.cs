using Industry.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace Industry.History.Data;

/// <summary>
/// Makes sure the month partitions an insert needs exist (PostgreSQL; ADR 0043): the month of the store time and the
/// next one, so the first write of a month finds its partition already made and the DDL is done a month ahead. Called
/// by the one writer inside its transaction, before the insert: an insert never fails for a missing month, and there
/// is no default partition (one that held rows would block creating their month later). The months whose partitions
/// were committed are kept in memory, so the database is asked once per month and process. One writer calls it, so no lock.
/// </summary>
internal sealed class MonthPartitions(DatabaseInfo database)
{
    /// <summary>The months ahead of the store time's that are created with it.</summary>
    public const int MonthsAhead = 1;

    private readonly HashSet<DateTime> _ensured = [];

    /// <summary>Creates the partitions of <paramref name="storeTime"/>'s month and the next, in the caller's transaction, unless known to exist.</summary>
    public async Task EnsureAsync(HistoryDbContext db, DateTime storeTime, CancellationToken cancellationToken)
    {
        var month = MonthOf(storeTime);
        if (database.Provider != DatabaseProvider.Postgres || _ensured.Contains(month))
        {
            return;
        }

        await db.Database.ExecuteSqlAsync($"SELECT history_ensure_month_partitions({month}, {MonthsAhead + 1})", cancellationToken);
    }

    /// <summary>
    /// Remembers that the transaction which ensured <paramref name="storeTime"/>'s month committed. Not before: a group
    /// that rolled back took its new partition with it, and the next group must make it again.
    /// </summary>
    public void Committed(DateTime storeTime) => _ensured.Add(MonthOf(storeTime));

    private static DateTime MonthOf(DateTime time) => new(time.Year, time.Month, 1, 0, 0, 0, DateTimeKind.Utc);
}
