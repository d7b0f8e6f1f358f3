using System.Diagnostics.Metrics;
using Industry.ServiceDefaults.Telemetry;

namespace Industry.ServiceDefaults.Messaging.Backlog;

/// <summary>
/// The gauges an operator alerts on (docs/deploy.md, "Metrics and alerts"), measured by <see cref="BacklogSampler"/>
/// on every replica from the database and the broker themselves, never from what this replica's relay last saw: a
/// replica that lost the relay lock to another one reports the same current figures as the lock holder. A measurement
/// older than <see cref="BacklogOptions.StaleAfter"/> (the database or the broker was unreachable) is not reported at
/// all, so a gauge is either current or absent, never an old value (an observable gauge's point that its callback did
/// not report is not exported, since OpenTelemetry 1.15.1).
/// </summary>
public sealed class BacklogGauges
{
    public const string OutboxPending = "industry.outbox.pending";
    public const string OutboxOldestPendingAge = "industry.outbox.oldest_pending_age";
    public const string OutboxQuarantinedRows = "industry.outbox.quarantined_rows";
    public const string QueueMessages = "industry.consumer.queue_messages";
    public const string ErrorQueueMessages = "industry.consumer.error_queue_messages";

    /// <summary>Tag naming the queue measured.</summary>
    public const string QueueTag = "queue";

    private readonly TimeProvider _clock;
    private readonly TimeSpan _staleAfter;
    private OutboxSample? _outbox;
    private QueueSample? _queues;

    public BacklogGauges(TimeProvider clock, BacklogOptions options)
    {
        _clock = clock;
        _staleAfter = options.StaleAfter;
        var meter = SuiteTelemetry.Meter;
        meter.CreateObservableGauge(OutboxPending, () => Outbox(s => s.Pending), unit: "{event}", description: "Outbox rows waiting to be published (quarantined rows excepted).");
        meter.CreateObservableGauge(OutboxOldestPendingAge, () => Outbox(s => s.OldestPendingAge.TotalSeconds), unit: "s", description: "Age of the oldest outbox row waiting to be published; 0 when none is.");
        meter.CreateObservableGauge(OutboxQuarantinedRows, () => Outbox(s => s.Quarantined), unit: "{event}", description: "Outbox rows quarantined now, each waiting for an operator (outbox list|release).");
        meter.CreateObservableGauge(QueueMessages, () => Queues(s => s.Ready), unit: "{message}", description: "Messages ready in each consumer queue: the consumer's backlog.");
        meter.CreateObservableGauge(ErrorQueueMessages, () => Queues(s => s.Errors), unit: "{message}", description: "Messages in each consumer's error queue, each waiting for an operator.");
    }

    internal void RecordOutbox(long pending, TimeSpan oldestPendingAge, long quarantined) =>
        Volatile.Write(ref _outbox, new OutboxSample(_clock.GetUtcNow(), pending, oldestPendingAge < TimeSpan.Zero ? TimeSpan.Zero : oldestPendingAge, quarantined));

    internal void RecordQueues(IReadOnlyDictionary<string, long> ready, IReadOnlyDictionary<string, long> errors) =>
        Volatile.Write(ref _queues, new QueueSample(_clock.GetUtcNow(), ready, errors));

    private IEnumerable<Measurement<double>> Outbox(Func<OutboxSample, double> value) =>
        Volatile.Read(ref _outbox) is { } sample && IsFresh(sample.Time) ? [new Measurement<double>(value(sample))] : [];

    private IEnumerable<Measurement<long>> Queues(Func<QueueSample, IReadOnlyDictionary<string, long>> select) =>
        Volatile.Read(ref _queues) is { } sample && IsFresh(sample.Time)
            ? select(sample).Select(q => new Measurement<long>(q.Value, new KeyValuePair<string, object?>(QueueTag, q.Key)))
            : [];

    private bool IsFresh(DateTimeOffset time) => _clock.GetUtcNow() - time <= _staleAfter;

    private sealed record OutboxSample(DateTimeOffset Time, long Pending, TimeSpan OldestPendingAge, long Quarantined);

    private sealed record QueueSample(DateTimeOffset Time, IReadOnlyDictionary<string, long> Ready, IReadOnlyDictionary<string, long> Errors);
}
