using System.Diagnostics.Metrics;
using Industry.ServiceDefaults.Telemetry;

namespace Industry.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// The relay's throughput: <c>industry.outbox.dispatched</c> counts the rows published, <c>industry.outbox.quarantined</c>
/// the rows set aside. The backlog (pending rows, the oldest one's age, the rows quarantined now) is measured from the
/// database by every replica, whichever holds the relay lock (<see cref="Backlog.BacklogGauges"/>).
/// </summary>
internal sealed class OutboxMetrics
{
    private readonly Counter<long> _dispatched;
    private readonly Counter<long> _quarantined;

    public OutboxMetrics()
    {
        _dispatched = SuiteTelemetry.Meter.CreateCounter<long>("industry.outbox.dispatched", unit: "{event}", description: "Outbox rows published and confirmed by the broker.");
        _quarantined = SuiteTelemetry.Meter.CreateCounter<long>("industry.outbox.quarantined", unit: "{event}", description: "Outbox rows set aside after failing on their own account.");

        // Served as 0 from the start, so that rate() and increase() see the first rows instead of a series that appears.
        _dispatched.Add(0);
        _quarantined.Add(0);
    }

    public void Dispatched(int count) => _dispatched.Add(count);

    public void Quarantined(int count)
    {
        if (count > 0)
        {
            _quarantined.Add(count);
        }
    }
}
