using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Industry.Common.V1;
using Industry.ServiceDefaults.Messaging.Wire;
using RabbitMQ.Client;

namespace Industry.TestInfrastructure;

/// <summary>
/// Publishes events by hand (plain RabbitMQ.Client, proto3 JSON on each event's exchange, as a service's relay does),
/// so that a test can replay, duplicate, reorder or poison them.
/// </summary>
public sealed class EventPublisher : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;

    private EventPublisher(IConnection connection, IChannel channel) => (_connection, _channel) = (connection, channel);

    public static async Task<EventPublisher> ConnectAsync(Uri broker)
    {
        var connection = await new ConnectionFactory { Uri = broker }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        return new EventPublisher(connection, channel);
    }

    /// <summary>
    /// The envelope of a <typeparamref name="TEvent"/> about <paramref name="subject"/> at <paramref name="version"/>,
    /// sent by the projects service on behalf of the actor <c>test</c>; a fresh event id unless told.
    /// </summary>
    public static EventMetadata Metadata<TEvent>(string subject, long version, Guid? eventId = null)
        where TEvent : IMessage<TEvent> => new()
        {
            EventId = (eventId ?? Guid.NewGuid()).ToString(),
            EventType = EventCatalog.For<TEvent>().FullName,
            Source = "//projects.industry.anhui.gov.cn",
            OccurTime = Timestamp.FromDateTime(DateTime.UtcNow),
            Subject = subject,
            SubjectVersion = version,
            Actor = "test",
        };

    /// <summary>Declares the event's exchange (as the publisher does, so either side may come first) and publishes to it.</summary>
    public async Task PublishAsync<TEvent>(TEvent @event)
        where TEvent : IMessage<TEvent>
    {
        var type = EventCatalog.For<TEvent>();
        var metadata = (EventMetadata)type.Descriptor.Fields[1].Accessor.GetValue(@event);
        await _channel.ExchangeDeclareAsync(type.ExchangeName, ExchangeType.Fanout, durable: true, autoDelete: false);
        var properties = new BasicProperties { MessageId = metadata.EventId, ContentType = "application/json", DeliveryMode = DeliveryModes.Persistent };
        await _channel.BasicPublishAsync(type.ExchangeName, string.Empty, mandatory: false, properties, System.Text.Encoding.UTF8.GetBytes(JsonFormatter.Default.Format(@event)));
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
