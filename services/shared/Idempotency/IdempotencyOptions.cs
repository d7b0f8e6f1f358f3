namespace Industry.ServiceDefaults.Idempotency;

/// <summary>Settings of request idempotency, from the <c>Idempotency</c> section.</summary>
public sealed class IdempotencyOptions
{
    public const string Section = "Idempotency";

    /// <summary>
    /// How long a <c>request_id</c> is honoured: its row is deleted after this long, and a later repeat runs as a new
    /// request. Default 168 hours (7 days, the outbox's retention too); AIP-155 leaves the period to the API.
    /// </summary>
    public int RetentionHours { get; set; } = 168;
}
