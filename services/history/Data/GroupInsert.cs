using Industry.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Industry.History.Data;

/// <summary>
/// Adds the writer's group of entries and their event ids in its transaction. On PostgreSQL by two set-based statements
/// (<see cref="BulkRows"/>) in one round trip: EF Core's batch is one <c>INSERT … RETURNING</c> per row, and each of them
/// set up the routing into the month partitions and their eight indexes anew (ADR 0046: most of the writer's time per
/// group at 1,000,000 changes). Positions are drawn in the group's order, the order of the statement's arrays. SQLite
/// (one table, local runs) keeps EF Core's inserts.
/// </summary>
internal static class GroupInsert
{
    public static async Task AddAsync(HistoryDbContext db, DatabaseProvider provider, List<HistoryEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return;
        }

        var ids = entries.ConvertAll(e => new StoredEventId { EventId = e.EventId });
        if (provider != DatabaseProvider.Postgres)
        {
            db.Entries.AddRange(entries);
            db.EventIds.AddRange(ids);
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        var transaction = db.Database.CurrentTransaction ?? throw new InvalidOperationException("The history's entries are added in the writer's transaction.");
        await using var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction)transaction.GetDbTransaction())
        {
            BatchCommands =
            {
                BulkRows.Insert(db.Model.FindEntityType(typeof(StoredEventId))!, ids)!,
                BulkRows.Insert(db.Model.FindEntityType(typeof(HistoryEntry))!, entries)!,
            },
        };
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }
}
