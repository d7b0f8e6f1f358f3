using System.Diagnostics.Metrics;
using Industry.ServiceDefaults.Telemetry;

namespace Industry.ServiceDefaults.Messaging.Inbox;

/// <summary>
/// <c>industry.inbox.group_size</c>: events applied per inbox transaction. Near 1 under light load; growing towards
/// <c>RabbitMq:InboxBatchSize</c> means the consumer is busy and group commit is what keeps it up.
/// </summary>
public sealed class InboxMetrics
{
    public const string GroupSizeInstrument = "industry.inbox.group_size";

    private readonly Histogram<int> _groupSize = SuiteTelemetry.Meter.CreateHistogram<int>(
        GroupSizeInstrument, unit: "{event}", description: "Events applied in one inbox transaction.");

    /// <summary>Tag naming the consumer class.</summary>
    public const string ConsumerTag = "consumer";

    internal void Committed(string consumer, int count) => _groupSize.Record(count, new KeyValuePair<string, object?>(ConsumerTag, consumer));
}
