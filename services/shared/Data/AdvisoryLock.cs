using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace Industry.ServiceDefaults.Data;

/// <summary>
/// PostgreSQL advisory locks: the one way a job that several replicas run (the outbox relay, a scheduled job) lets one
/// replica at a time do a round. A key is a 64-bit number per job, unique within the database (ASCII of the job's name).
/// </summary>
public static class AdvisoryLock
{
    /// <summary>
    /// Tries to take <paramref name="key"/> for the current transaction, without waiting: true when taken (it is
    /// released at the commit or rollback, so a crashed replica never keeps it), false when another session holds it.
    /// SQLite always grants it without a statement: a database file has one replica by definition.
    /// </summary>
    /// <exception cref="InvalidOperationException">On PostgreSQL outside a transaction, where the lock would end with the statement.</exception>
    public static async Task<bool> TryTakeForTransactionAsync(DbContext db, DatabaseProvider provider, long key, CancellationToken cancellationToken)
    {
        if (provider != DatabaseProvider.Postgres)
        {
            return true;
        }

        RequireTransaction(db, key.ToString(CultureInfo.InvariantCulture));
        return await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({key}) AS \"Value\"").SingleAsync(cancellationToken);
    }

    /// <summary>
    /// Waits for the two-key lock (<paramref name="space"/>, <paramref name="key"/>) for the current transaction, shared
    /// or exclusive: how writes order themselves around something that has no row to lock (a month being closed against
    /// the writes of its reports). Two-key locks never collide with the one-key locks above. SQLite: nothing to take, its
    /// database lock already serializes writers.
    /// </summary>
    /// <exception cref="InvalidOperationException">On PostgreSQL outside a transaction.</exception>
    public static async Task TakeForTransactionAsync(DbContext db, DatabaseProvider provider, int space, int key, bool shared, CancellationToken cancellationToken)
    {
        if (provider != DatabaseProvider.Postgres)
        {
            return;
        }

        RequireTransaction(db, string.Create(CultureInfo.InvariantCulture, $"({space}, {key})"));
        _ = shared
            ? await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock_shared({space}, {key})", cancellationToken)
            : await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({space}, {key})", cancellationToken);
    }

    private static void RequireTransaction(DbContext db, string key)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException($"The advisory lock {key} is transaction-scoped: begin a transaction before taking it.");
        }
    }
}
