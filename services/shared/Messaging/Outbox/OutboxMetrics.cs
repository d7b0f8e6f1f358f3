using System.Diagnostics.Metrics;
using Industry.ServiceDefaults.Telemetry;

namespace Industry.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// The relay's lag and throughput: <c>industry.outbox.oldest_pending_age</c> (seconds; 0 when nothing is pending)
/// is the figure to alert on, since it grows whenever events stop flowing (broker down, relay stuck);
/// <c>industry.outbox.quarantined</c> counts the rows set aside, each waiting for an operator.
/// </summary>
internal sealed class OutboxMetrics
{
    private readonly Counter<long> _dispatched;
    private readonly Counter<long> _quarantined;
    private double _oldestPendingSeconds;

    public OutboxMetrics()
    {
        _dispatched = SuiteTelemetry.Meter.CreateCounter<long>("industry.outbox.dispatched", unit: "{event}", description: "Outbox rows published and confirmed by the broker.");
        _quarantined = SuiteTelemetry.Meter.CreateCounter<long>("industry.outbox.quarantined", unit: "{event}", description: "Outbox rows set aside after failing on their own account.");
        SuiteTelemetry.Meter.CreateObservableGauge(
            "industry.outbox.oldest_pending_age",
            () => Volatile.Read(ref _oldestPendingSeconds),
            unit: "s",
            description: "Age of the oldest outbox row not yet confirmed by the broker.");
    }

    public void Dispatched(int count) => _dispatched.Add(count);

    public void Quarantined(int count)
    {
        if (count > 0)
        {
            _quarantined.Add(count);
        }
    }

    public void RecordOldestPending(TimeSpan? age) => Volatile.Write(ref _oldestPendingSeconds, Math.Max(0, age?.TotalSeconds ?? 0));
}
