namespace Industry.ServiceDefaults.Messaging.Inbox;

/// <summary>A message a consumer has processed: a redelivery of the same message id is skipped (ADR 0011).</summary>
public sealed class InboxMessage
{
    public string Consumer { get; set; } = string.Empty;

    public Guid MessageId { get; set; }

    public DateTime ReceiveTime { get; set; }
}

/// <summary>
/// The newest version of a resource a consumer has applied: an event about an older version arrives late (after a
/// retry or a failover) and is ignored, since every event carries the full state after its change.
/// </summary>
public sealed class InboxSubjectVersion
{
    public string Consumer { get; set; } = string.Empty;

    public string Subject { get; set; } = string.Empty;

    public long Version { get; set; }
}
