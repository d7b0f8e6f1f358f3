namespace Industry.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// The last version of a deleted resource (ADR 0011). Consumers skip an event whose subject version is not above the
/// one they applied, so a resource deleted at version 7 and created again under the same name must go on from 8, not
/// restart at 1; its re-creation would otherwise be ignored by every consumer. One row per name ever deleted.
/// </summary>
public sealed class SubjectTombstone
{
    /// <summary>The resource name, as in the events' <c>subject</c>.</summary>
    public string Subject { get; set; } = string.Empty;

    /// <summary>The version of the resource's last event (its deletion).</summary>
    public long Version { get; set; }

    public DateTime DeleteTime { get; set; }
}
