namespace Industry.ServiceDefaults.Idempotency;

/// <summary>
/// A request that carried a <c>request_id</c> (AIP-155) and succeeded: its fingerprint and its response, kept so that a
/// repeat of the same request returns the same response without running again (ADR 0013). Written in the same
/// transaction as the request's change; purged after <see cref="IdempotencyOptions.RetentionHours"/>.
/// </summary>
public sealed class IdempotentRequest
{
    /// <summary>The full gRPC method, e.g. <c>/industry.projects.v1.ProjectService/CreateProject</c>.</summary>
    public string Method { get; set; } = string.Empty;

    /// <summary>
    /// The caller's token <c>sub</c>: a <c>request_id</c> names a request of one caller, so no other caller can replay
    /// (or learn, or block) it (ADR 0013).
    /// </summary>
    public string Subject { get; set; } = string.Empty;

    /// <summary>The caller's <c>request_id</c>.</summary>
    public Guid RequestId { get; set; }

    /// <summary>SHA-256 of the request without its <c>request_id</c>: a repeat must match it.</summary>
    public byte[] RequestHash { get; set; } = [];

    /// <summary>The first response, in the protobuf binary encoding.</summary>
    public byte[] Response { get; set; } = [];

    public DateTime CreateTime { get; set; }
}
