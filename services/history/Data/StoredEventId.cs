namespace Industry.History.Data;

/// <summary>
/// An event id the history has stored (ADR 0043): the one unique key over every month, since a partitioned table's
/// unique index must hold the partition key. Kept when a month is archived, so a late redelivery stays refused.
/// </summary>
public sealed class StoredEventId
{
    public required string EventId { get; init; }
}
