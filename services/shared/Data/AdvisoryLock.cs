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

        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException($"The advisory lock {key} is transaction-scoped: begin a transaction before taking it.");
        }

        return await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({key}) AS \"Value\"").SingleAsync(cancellationToken);
    }
}
