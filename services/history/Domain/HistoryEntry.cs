namespace Industry.History.Domain;

/// <summary>
/// One stored event (变更记录): who changed which record to which version, when, and the event's full body. Stored once
/// per event id, whatever the order and number of its deliveries; <see cref="Position"/> is the order of storing, which
/// <c>StreamEvents</c> replays in.
/// </summary>
public sealed class HistoryEntry
{
    /// <summary>The order of storing: grows by the database's sequence, committed in order (ADR 0038).</summary>
    public long Position { get; set; }

    /// <summary>The event id (UUID text), unique.</summary>
    public required string EventId { get; init; }

    public required string EventType { get; init; }

    public required string Source { get; init; }

    public required string Subject { get; init; }

    public long SubjectVersion { get; init; }

    public required string Actor { get; init; }

    public DateTime OccurTime { get; init; }

    /// <summary>When the writer stored it (under its lock, so it grows with <see cref="Position"/>); the month partition key on PostgreSQL.</summary>
    public DateTime StoreTime { get; set; }

    /// <summary>The subject's collections without ids: <c>projects</c>, <c>parks/transformations</c>.</summary>
    public required string ResourceType { get; init; }

    /// <summary>The record's city, empty when the body names none (plans).</summary>
    public required string CityCode { get; init; }

    public required string CountyCode { get; init; }

    /// <summary>The W3C <c>traceparent</c> of the change, when it was traced.</summary>
    public string? TraceParent { get; init; }

    /// <summary>The event in the proto3 JSON mapping, as the publishers write it (docs/events.md).</summary>
    public required string Body { get; init; }

    /// <summary>The trace id of <see cref="TraceParent"/> (<c>00-{trace id}-{span id}-{flags}</c>), or empty.</summary>
    public string TraceId => TraceParent?.Split('-') is [_, var traceId, _, _] ? traceId : string.Empty;
}
