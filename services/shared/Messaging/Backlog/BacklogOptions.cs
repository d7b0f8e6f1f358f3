namespace Industry.ServiceDefaults.Messaging.Backlog;

/// <summary>How often the backlog gauges are measured, from the <c>Metrics</c> section.</summary>
public sealed class BacklogOptions
{
    public const string Section = "Metrics";

    /// <summary>
    /// Seconds between two measurements of the outbox and the consumer queues. Default 15, the usual scrape interval.
    /// A figure older than <see cref="StaleAfterIntervals"/> intervals is no longer reported.
    /// </summary>
    public int SampleIntervalSeconds { get; set; } = 15;

    /// <summary>A measurement this many intervals old is stale: the gauge reports nothing rather than an old value.</summary>
    public const int StaleAfterIntervals = 3;

    public TimeSpan SampleInterval => TimeSpan.FromSeconds(Math.Max(1, SampleIntervalSeconds));

    public TimeSpan StaleAfter => SampleInterval * StaleAfterIntervals;
}
