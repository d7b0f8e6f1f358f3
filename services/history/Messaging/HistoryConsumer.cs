using Google.Protobuf;
using Industry.ServiceDefaults.Messaging;
using Industry.ServiceDefaults.Messaging.Wire;
using MassTransit;

namespace Industry.History.Messaging;

/// <summary>
/// Keeps every delivery of one event type (<see cref="HistoryMessagingExtensions"/> registers one per type of the
/// contracts): hands it to the <see cref="EventLogWriter"/> and acknowledges once it is committed, a duplicate included.
/// Unlike the other services' inbox consumers it skips no older version: history keeps every version, in version order.
/// </summary>
internal sealed class HistoryConsumer<TEvent>(EventLogWriter writer, TimeProvider clock) : IConsumer<TEvent>
    where TEvent : class, IMessage<TEvent>
{
    public Task Consume(ConsumeContext<TEvent> context)
    {
        var traceParent = context.Headers.Get<string>(CloudEventHeaders.TraceParent);
        var entry = EventRecording.From(context.Message, context.MessageId, traceParent, clock.GetUtcNow().UtcDateTime);
        return writer.StoreAsync(entry, context.CancellationToken);
    }
}

/// <summary>
/// Names the queue of <see cref="HistoryConsumer{TEvent}"/> after the exchange it consumes,
/// <c>history-industry.projects.v1.project-updated</c>: one queue per event type, stable across renames of the class.
/// </summary>
internal sealed class HistoryConsumerDefinition<TEvent> : ConsumerDefinition<HistoryConsumer<TEvent>>
    where TEvent : class, IMessage<TEvent>
{
    public HistoryConsumerDefinition(RabbitMqOptions options) =>
        EndpointName = $"{(string.IsNullOrWhiteSpace(options.EndpointPrefix) ? "history" : options.EndpointPrefix)}-{EventCatalog.For<TEvent>().ExchangeName}";
}
