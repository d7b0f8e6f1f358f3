using Industry.Projects.Data;
using Industry.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace Industry.Projects.Writes;

/// <summary>
/// 关账锁: orders a month's close against the writes of its reports, on PostgreSQL. A report's write holds the month's
/// advisory lock shared from before it checks that the month is open until it commits; a close holds it exclusively from
/// before it checks that the month is open until it commits. So a report committed before the close took its lock is in
/// the snapshot (the close's statements run at READ COMMITTED after the lock, and see it), and one that waited for the
/// lock then finds the month closed and is refused; a second close waits for the first and is refused as closed, not as
/// a key collision. SQLite, which serves development and single-writer tests only, is left to its database lock.
/// </summary>
internal static class PeriodLocks
{
    /// <summary>The advisory locks' first key ("clos" in ASCII); the second is <c>year·100 + month</c> (<see cref="AdvisoryLock"/>).</summary>
    private const int Space = 0x636C6F73;

    /// <summary>Waits until no close of <paramref name="period"/> is in progress and keeps any from starting until the write commits.</summary>
    public static Task LockPeriodForReportAsync(this Write write, ProjectsDbContext db, ReportingPeriod period) =>
        LockAsync(write, db, period, shared: true);

    /// <summary>Waits until no other write of <paramref name="period"/>'s reports or close is in progress and keeps any from starting until the write commits.</summary>
    public static Task LockPeriodForCloseAsync(this Write write, ProjectsDbContext db, ReportingPeriod period) =>
        LockAsync(write, db, period, shared: false);

    // On SQLite the write's transaction is not begun early for a lock that takes nothing.
    private static Task LockAsync(Write write, ProjectsDbContext db, ReportingPeriod period, bool shared) =>
        db.Database.IsNpgsql()
            ? write.ExecuteAsync(ct => AdvisoryLock.TakeForTransactionAsync(db, DatabaseProvider.Postgres, Space, Key(period), shared, ct))
            : Task.CompletedTask;

    private static int Key(ReportingPeriod period) => (period.Year * 100) + period.Month;
}
