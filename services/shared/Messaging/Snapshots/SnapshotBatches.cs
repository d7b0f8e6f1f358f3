using Industry.ServiceDefaults.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Industry.ServiceDefaults.Messaging.Snapshots;

/// <summary>
/// The batches of one republication: each reads its rows and writes their snapshots to the outbox in one transaction
/// (by one statement on PostgreSQL), then forgets them, so memory holds one batch however many rows there are, and
/// the relay publishes committed batches while later ones are read.
/// </summary>
internal sealed class SnapshotBatches(DbContext db, EventOutbox outbox, string actor, int size)
{
    public DbContext Db => db;

    /// <summary>Rows per batch.</summary>
    public int Size => size;

    /// <summary>Runs <paramref name="read"/> and stores its snapshots in one transaction; returns the rows read and the snapshots raised.</summary>
    public async Task<(int Read, int Raised)> RunAsync(Func<Task<(int Read, IReadOnlyList<Snapshot> Snapshots)>> read, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (count, snapshots) = await read();
        var rows = snapshots.Select(s => outbox.Row(s.Event, s.Subject, s.Version, actor)).ToList();
        await OutboxRows.InsertAsync(db, rows, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return (count, rows.Count);
    }
}
