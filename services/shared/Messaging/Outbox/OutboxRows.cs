using Industry.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Industry.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// Many outbox rows at once, in the caller's transaction: on PostgreSQL by one set-based statement (<see cref="BulkRows"/>,
/// ADR 0029), elsewhere (SQLite, the local run) through the DbContext. For the writes that raise thousands of events.
/// </summary>
public static class OutboxRows
{
    /// <summary>One PostgreSQL statement inserting <paramref name="rows"/>; null when there are none.</summary>
    public static NpgsqlBatchCommand? InsertCommand(DbContext db, IReadOnlyList<OutboxMessage> rows) =>
        BulkRows.Insert(db.Model.FindEntityType(typeof(OutboxMessage))!, rows);

    /// <summary>Inserts <paramref name="rows"/> in the transaction the caller began; leaves nothing tracked.</summary>
    public static async Task InsertAsync(DbContext db, IReadOnlyList<OutboxMessage> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        if (db.Database.IsNpgsql())
        {
            var transaction = db.Database.CurrentTransaction ?? throw new InvalidOperationException("Outbox rows are inserted in the caller's transaction.");
            await using var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction)transaction.GetDbTransaction())
            {
                BatchCommands = { InsertCommand(db, rows)! },
            };
            await batch.ExecuteNonQueryAsync(cancellationToken);
            return;
        }

        db.Set<OutboxMessage>().AddRange(rows);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
