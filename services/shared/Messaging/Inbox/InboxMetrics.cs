using System.Diagnostics.Metrics;
using Industry.ServiceDefaults.Telemetry;

namespace Industry.ServiceDefaults.Messaging.Inbox;

/// <summary>
/// The consumers' figures, each tagged with the consumer's inbox name: <c>industry.inbox.applied</c> and
/// <c>industry.inbox.failed</c> count consume attempts that committed or threw (a retried message counts each attempt);
/// <c>industry.inbox.event_age</c> is how old an event was when it was applied, the consumer's lag behind the writer;
/// <c>industry.inbox.group_size</c> is events applied per inbox transaction, near 1 under light load and growing
/// towards <c>RabbitMq:InboxBatchSize</c> when the consumer is busy and group commit is what keeps it up.
/// </summary>
public sealed class InboxMetrics
{
    public const string GroupSizeInstrument = "industry.inbox.group_size";

    /// <summary>Tag naming the consumer.</summary>
    public const string ConsumerTag = "consumer";

    /// <summary>Seconds: from a blink (the usual case) to the hours a long outage leaves behind.</summary>
    private static readonly double[] AgeBuckets = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 900, 1800, 3600];

    private readonly Histogram<int> _groupSize = SuiteTelemetry.Meter.CreateHistogram<int>(
        GroupSizeInstrument, unit: "{event}", description: "Events applied in one inbox transaction.");

    private readonly Counter<long> _applied = SuiteTelemetry.Meter.CreateCounter<long>(
        "industry.inbox.applied", unit: "{event}", description: "Events consumed and committed (duplicates and stale versions skipped included).");

    private readonly Counter<long> _failed = SuiteTelemetry.Meter.CreateCounter<long>(
        "industry.inbox.failed", unit: "{event}", description: "Consume attempts that failed (retried, then moved to the error queue).");

    private readonly Histogram<double> _eventAge = SuiteTelemetry.Meter.CreateHistogram(
        "industry.inbox.event_age", unit: "s", description: "Time from an event's occur_time to its commit by the consumer.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = AgeBuckets });

    internal void Committed(string consumer, int count) => _groupSize.Record(count, new KeyValuePair<string, object?>(ConsumerTag, consumer));

    internal void Applied(string consumer, TimeSpan eventAge)
    {
        var tag = new KeyValuePair<string, object?>(ConsumerTag, consumer);
        _applied.Add(1, tag);
        _eventAge.Record(Math.Max(0, eventAge.TotalSeconds), tag);
    }

    internal void Failed(string consumer) => _failed.Add(1, new KeyValuePair<string, object?>(ConsumerTag, consumer));
}
