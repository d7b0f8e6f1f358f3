namespace Industry.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// One event waiting to be published, written in the same database transaction as the state change that raised it
/// (ADR 0011). The relay publishes rows in id order and sets <see cref="DispatchTime"/> only after the broker confirmed.
/// </summary>
public sealed class OutboxMessage
{
    /// <summary>Database sequence: the relay's order.</summary>
    public long Id { get; set; }

    /// <summary>The event id: <c>metadata.event_id</c>, the AMQP <c>message_id</c> and the CloudEvents <c>id</c>.</summary>
    public Guid MessageId { get; set; }

    /// <summary>Proto full name, e.g. <c>industry.projects.v1.ProjectCreated</c>.</summary>
    public string EventType { get; set; } = string.Empty;

    /// <summary>The resource name the event is about (CloudEvents <c>subject</c>).</summary>
    public string Subject { get; set; } = string.Empty;

    public long SubjectVersion { get; set; }

    public string Actor { get; set; } = string.Empty;

    public DateTime OccurTime { get; set; }

    /// <summary>The event in the proto3 JSON mapping, exactly as it will be published.</summary>
    public string Body { get; set; } = string.Empty;

    /// <summary>W3C trace context of the request that raised the event, so the publish and the consumers join its trace.</summary>
    public string? TraceParent { get; set; }

    public string? TraceState { get; set; }

    /// <summary>When the broker confirmed the publish; null while pending.</summary>
    public DateTime? DispatchTime { get; set; }

    /// <summary>Publish attempts that failed on the row's own account (not a broker outage).</summary>
    public int Attempts { get; set; }

    /// <summary>Why the last of those attempts failed.</summary>
    public string? LastError { get; set; }

    /// <summary>When the relay set the row aside after <see cref="OutboxOptions.MaxAttempts"/>; null while it is relayed.</summary>
    public DateTime? QuarantineTime { get; set; }
}
