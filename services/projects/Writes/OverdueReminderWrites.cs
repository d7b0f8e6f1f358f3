using System.Text.Json;
using Industry.Projects.Data;
using Industry.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Proto = Industry.Projects.V1;

namespace Industry.Projects.Writes;

/// <summary>
/// 催报: one batch of the reminder job (<see cref="Messaging.OverdueReminderJob"/>) as one write: the projects still
/// missing a month's report after its deadline and not yet reminded, each recorded in <see cref="OverdueReminder"/> with
/// its <c>InvestmentReportOverdue</c> in the same transaction (ADR 0024).
/// </summary>
internal sealed class OverdueReminderWrites(ProjectsDbContext db, DatabaseInfo database)
{
    /// <summary>Advisory-lock key of the reminder job ("remind" in ASCII); one per database, so per service.</summary>
    private const long LockKey = 0x72656D696E64;

    /// <summary>
    /// Reminds at most <paramref name="batchSize"/> projects, by id after <paramref name="afterId"/>, of
    /// <paramref name="period"/>'s report due on <paramref name="deadline"/>. On PostgreSQL the write first takes the
    /// job's transaction-scoped advisory lock: when another replica holds it, nothing is done and the batch says so.
    /// </summary>
    public async Task<RemindedBatch> RemindAsync(Write write, ReportingPeriod period, DateOnly deadline, int batchSize, string afterId)
    {
        // The lock begins the write's transaction on PostgreSQL; SQLite's (one replica, its lock granted) begins with the
        // first change, not holding its database's write lock through the query below.
        if (database.Provider == DatabaseProvider.Postgres)
        {
            var locked = false;
            await write.ExecuteAsync(async ct => locked = await AdvisoryLock.TryTakeForTransactionAsync(db, database.Provider, LockKey, ct));
            if (!locked)
            {
                return RemindedBatch.Busy;
            }
        }

        var missing = await db.MissingReport(period)
            .Where(p => string.Compare(p.Id, afterId) > 0)
            .OrderBy(p => p.Id)
            .Take(batchSize)
            .Select(p => new { p.Id, p.Version, p.ProjectCode, p.DisplayName, p.CityCode, p.CountyCode, p.EnterpriseDisplayName })
            .AsNoTracking()
            .ToListAsync(write.CancellationToken);

        // Those already reminded are looked up by key for this batch alone, not anti-joined in the query above: the
        // table grows by thousands of rows within a round, faster than its statistics, and a plan made on "empty"
        // probed it by a scan per project (a second per batch at 50,000 projects).
        var ids = missing.ConvertAll(p => p.Id);
        var reminded = (await db.OverdueReminders
            .Where(r => r.Year == period.Year && r.Month == period.Month && ids.Contains(r.ProjectId))
            .Select(r => r.ProjectId)
            .ToListAsync(write.CancellationToken)).ToHashSet(StringComparer.Ordinal);

        var due = missing.FindAll(p => !reminded.Contains(p.Id));
        await RecordAsync(write, period, [.. due.Select(p => p.Id)]);
        var deadlineDate = ((DateOnly?)deadline).ToProtoDate();
        foreach (var project in due)
        {
            var name = Project.Collection + "/" + project.Id;
            // The project did not change: the reminder is about it at its current version.
            write.Raise(
                new Proto.InvestmentReportOverdue
                {
                    Project = name,
                    Period = period.ToString(),
                    Deadline = deadlineDate,
                    CityCode = project.CityCode,
                    CountyCode = project.CountyCode,
                    ProjectCode = project.ProjectCode,
                    DisplayName = project.DisplayName,
                    EnterpriseDisplayName = project.EnterpriseDisplayName,
                },
                name,
                project.Version);
        }

        return new RemindedBatch(Locked: true, due.Count, missing.Count, missing.Count > 0 ? missing[^1].Id : afterId);
    }

    /// <summary>
    /// Records the batch's reminders in one statement in the write's transaction: as tracked entities they were a sixth
    /// of the job's time (thousands of change-tracker entries and insert commands per batch for rows nobody reads back).
    /// </summary>
    private async Task RecordAsync(Write write, ReportingPeriod period, string[] projectIds)
    {
        if (projectIds.Length == 0)
        {
            return;
        }

        var (year, month, now) = (period.Year, period.Month, write.Now);
        await write.ExecuteAsync(ct => database.Provider == DatabaseProvider.Postgres
            ? db.Database.ExecuteSqlAsync(
                $"INSERT INTO overdue_reminders (project_id, year, month, remind_time) SELECT id, {year}, {month}, {now} FROM unnest({projectIds}) AS id",
                ct)
            : db.Database.ExecuteSqlAsync(
                $"INSERT INTO overdue_reminders (project_id, year, month, remind_time) SELECT value, {year}, {month}, {now} FROM json_each({JsonSerializer.Serialize(projectIds)})",
                ct));
    }
}

/// <summary>What one batch of reminders did.</summary>
/// <param name="Locked">False when another replica held the job's lock (nothing was done).</param>
/// <param name="Count">Reminders raised.</param>
/// <param name="Scanned">Projects missing the report that the batch looked at (reminded before or now).</param>
/// <param name="LastId">The last project looked at, where the next batch goes on.</param>
internal sealed record RemindedBatch(bool Locked, int Count, int Scanned, string LastId)
{
    public static RemindedBatch Busy { get; } = new(false, 0, 0, string.Empty);
}
