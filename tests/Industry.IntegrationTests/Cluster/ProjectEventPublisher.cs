using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Industry.Common.V1;
using Industry.Projects.V1;
using Industry.ServiceDefaults.Messaging.Wire;
using RabbitMQ.Client;

namespace Industry.IntegrationTests.Cluster;

/// <summary>
/// Publishes project events by hand (plain RabbitMQ.Client, proto3 JSON on each event's exchange, as the projects
/// service's relay does), so that a test can replay, duplicate or reorder them.
/// </summary>
internal sealed class ProjectEventPublisher : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;

    private ProjectEventPublisher(IConnection connection, IChannel channel) => (_connection, _channel) = (connection, channel);

    public static async Task<ProjectEventPublisher> ConnectAsync(Uri broker)
    {
        var connection = await new ConnectionFactory { Uri = broker }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        return new ProjectEventPublisher(connection, channel);
    }

    /// <summary>A project as the events carry it.</summary>
    public static Project Project(
        string id,
        string cluster,
        long totalInvestmentYuan = 300_000_000,
        long completedInvestmentYuan = 0,
        ProjectState state = ProjectState.Reserve) => new()
        {
            Name = "projects/" + id,
            DisplayName = "年产10GWh动力电池项目 " + id,
            Cluster = cluster,
            State = state,
            Tier = totalInvestmentYuan >= 1_000_000_000 ? ProjectTier.Major
                : totalInvestmentYuan >= 100_000_000 ? ProjectTier.Key
                : ProjectTier.Guidance,
            TotalInvestmentYuan = totalInvestmentYuan,
            CumulativeCompletedInvestmentYuan = completedInvestmentYuan,
        };

    /// <summary>The envelope of an event about <paramref name="project"/> at <paramref name="version"/>, with a fresh event id.</summary>
    public static EventMetadata Metadata<TEvent>(Project project, long version)
        where TEvent : IMessage<TEvent> => new()
        {
            EventId = Guid.NewGuid().ToString(),
            EventType = EventCatalog.For<TEvent>().FullName,
            Source = "//projects.industry.anhui.gov.cn",
            OccurTime = Timestamp.FromDateTime(DateTime.UtcNow),
            Subject = project.Name,
            SubjectVersion = version,
            Actor = "test",
        };

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
