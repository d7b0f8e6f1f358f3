namespace Industry.ServiceDefaults.Messaging.Outbox;

/// <summary>The outbox's reads, each shaped to the partial index that serves it (MessagingModel).</summary>
public static class OutboxQueries
{
    /// <summary>
    /// Rows still to publish: neither dispatched nor set aside. Word for word the filter of
    /// <c>ix_outbox_messages_pending</c>; PostgreSQL uses a partial index only for a query that implies its predicate.
    /// </summary>
    public static IQueryable<OutboxMessage> Pending(this IQueryable<OutboxMessage> rows) =>
        rows.Where(m => m.DispatchTime == null && m.QuarantineTime == null);

    /// <summary>The relay's next round: the first <paramref name="size"/> pending rows in id order (the publish order).</summary>
    public static IQueryable<OutboxMessage> NextBatch(this IQueryable<OutboxMessage> rows, int size) =>
        rows.Pending().OrderBy(m => m.Id).Take(size);
}
