namespace Industry.ServiceDefaults.Messaging.Outbox;

/// <summary>The relay's settings, from the <c>Outbox</c> section.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Run the relay in this process. Default true; a test may switch it off to leave rows pending.</summary>
    public bool RelayEnabled { get; set; } = true;

    /// <summary>
    /// Rows read and published per round: the relay never holds more than this in memory. Default 200. Larger rounds
    /// relay somewhat faster (each round pays a read, a wait for the last confirm and an update), but with 1000 the
    /// service's peak memory while draining a 100,000-row backlog rose from about 250 to 308 MB (docs/benchmarks.md).
    /// </summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>
    /// Resources read, and snapshot rows written, per transaction of a <c>RepublishState</c> (ADR 0042). Default 1000:
    /// big enough for the one-statement insert to pay, small enough to hold a few MB whatever the table's size.
    /// </summary>
    public int SnapshotBatchSize { get; set; } = 1000;

    /// <summary>Pause when the outbox is empty. Default 200 ms.</summary>
    public int PollIntervalMilliseconds { get; set; } = 200;

    /// <summary>Longest pause between attempts while the broker is unreachable (exponential backoff from 0.5 s). Default 30 s.</summary>
    public int MaxBackoffSeconds { get; set; } = 30;

    /// <summary>How long one publish may wait for the broker's confirm before the round is retried. Default 15 s.</summary>
    public int PublishTimeoutSeconds { get; set; } = 15;

    /// <summary>
    /// Failed publishes a row may cause on its own account (an unknown event type; a publish that fails while the broker
    /// confirms the rest of its round) before the relay quarantines it (<c>outbox list|release</c>). Default 5.
    /// </summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Dispatched outbox rows and processed inbox rows are deleted after this long. Default 7 days.</summary>
    public int RetentionHours { get; set; } = 168;
}
