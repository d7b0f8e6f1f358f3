using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Industry.Common.V1;
using Industry.Projects.V1;
using RabbitMQ.Client;

namespace Industry.IntegrationTests.EventBackbone;

/// <summary>Publishes <c>PlanUpdated</c> events by hand (plain RabbitMQ.Client), to replay, duplicate or poison them.</summary>
public sealed class RawEventPublisher : IAsyncDisposable
{
    public const string Exchange = "industry.projects.v1.plan-updated";

    private readonly IConnection _connection;
    private readonly IChannel _channel;

    private RawEventPublisher(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    public static async Task<RawEventPublisher> ConnectAsync(Uri broker)
    {
        var connection = await new ConnectionFactory { Uri = broker }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        await channel.ExchangeDeclareAsync(Exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
        return new RawEventPublisher(connection, channel);
    }

    public static PlanUpdated Event(Guid id, int year, long version, int target) => new()
    {
        Metadata = new EventMetadata
        {
            EventId = id.ToString(),
            EventType = PlanUpdated.Descriptor.FullName,
            Source = "//projects.industry.anhui.gov.cn",
            OccurTime = Timestamp.FromDateTime(DateTime.UtcNow),
            Subject = $"plans/{year}",
            SubjectVersion = version,
            Actor = "test",
        },
        Plan = new Plan { Name = $"plans/{year}", Year = year, TargetKeyProjectsUnderImplementation = target },
    };

    public async Task PublishAsync(PlanUpdated @event)
    {
        var properties = new BasicProperties
        {
            MessageId = @event.Metadata.EventId,
            ContentType = "application/json",
            DeliveryMode = DeliveryModes.Persistent,
        };
        await _channel.BasicPublishAsync(Exchange, string.Empty, mandatory: false, properties, System.Text.Encoding.UTF8.GetBytes(JsonFormatter.Default.Format(@event)));
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
