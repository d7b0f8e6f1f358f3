using Microsoft.EntityFrameworkCore;

namespace Industry.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// The outbox rows the relay set aside (ADR 0011, issue 17): listed and released by the operator's
/// <c>outbox list|release</c> command (<see cref="Hosting.OutboxCommand"/>).
/// </summary>
public static class OutboxQuarantine
{
    /// <summary>The start of <see cref="OutboxMessage.LastError"/> for a row whose event type the relay did not know.</summary>
    public const string UnknownEventType = "unknown event type";

    private const int ErrorLength = 500;

    /// <summary>Counts a failed attempt on the row's own account; true when that quarantined it.</summary>
    internal static async Task<bool> CountFailureAsync(DbContext db, OutboxMessage row, string error, int maxAttempts, DateTime now, CancellationToken cancellationToken)
    {
        var attempts = row.Attempts + 1;
        DateTime? quarantine = attempts >= maxAttempts ? now : null;
        var lastError = error.Length > ErrorLength ? error[..ErrorLength] : error;
        await db.Set<OutboxMessage>()
            .Where(m => m.Id == row.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, attempts).SetProperty(m => m.LastError, lastError).SetProperty(m => m.QuarantineTime, quarantine), cancellationToken);
        return quarantine is not null;
    }

    /// <summary>Releases the rows quarantined for an unknown event type that this version's catalogue knows.</summary>
    internal static async Task<int> ReleaseKnownTypesAsync(DbContext db, CancellationToken cancellationToken)
    {
        var types = await db.Set<OutboxMessage>().Where(m => m.QuarantineTime != null).Select(m => m.EventType).Distinct().ToListAsync(cancellationToken);
        var known = types.Where(t => Wire.EventCatalog.Find(t) is not null).ToList();
        return known.Count == 0
            ? 0
            : await Released(db.Set<OutboxMessage>().Where(m => m.QuarantineTime != null && known.Contains(m.EventType) && EF.Functions.Like(m.LastError!, UnknownEventType + "%")), cancellationToken);
    }

    public static Task<List<OutboxMessage>> ListAsync(DbContext db, CancellationToken cancellationToken) =>
        db.Set<OutboxMessage>().Where(m => m.QuarantineTime != null).OrderBy(m => m.Id).AsNoTracking().ToListAsync(cancellationToken);

    /// <summary>Puts a quarantined row (or every one, <paramref name="id"/> null) back in the relay's queue with its attempts reset.</summary>
    public static Task<int> ReleaseAsync(DbContext db, long? id, CancellationToken cancellationToken) =>
        Released(db.Set<OutboxMessage>().Where(m => m.QuarantineTime != null && (id == null || m.Id == id)), cancellationToken);

    private static Task<int> Released(IQueryable<OutboxMessage> rows, CancellationToken cancellationToken) =>
        rows.ExecuteUpdateAsync(
            s => s.SetProperty(m => m.QuarantineTime, (DateTime?)null).SetProperty(m => m.Attempts, 0).SetProperty(m => m.LastError, (string?)null),
            cancellationToken);
}
