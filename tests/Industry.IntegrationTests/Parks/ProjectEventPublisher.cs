using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Industry.Common.V1;
using Industry.Projects.V1;
using RabbitMQ.Client;

namespace Industry.IntegrationTests.Parks;

/// <summary>Publishes the projects service's <c>ProjectStateChanged</c> by hand (plain RabbitMQ.Client), to replay, duplicate or reorder it.</summary>
public sealed class ProjectEventPublisher : IAsyncDisposable
{
    public const string Exchange = "industry.projects.v1.project-state-changed";

    private readonly IConnection _connection;
    private readonly IChannel _channel;

    private ProjectEventPublisher(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    public static async Task<ProjectEventPublisher> ConnectAsync(Uri broker)
    {
        var connection = await new ConnectionFactory { Uri = broker }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        await channel.ExchangeDeclareAsync(Exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
        return new ProjectEventPublisher(connection, channel);
    }

    /// <summary>
    /// The event of <paramref name="project"/> (<c>projects/{id}</c>) at <paramref name="version"/> after moving to
    /// <paramref name="state"/>, completed on <paramref name="completed"/>, built in <paramref name="county"/> (Hefei's 蜀山区
    /// unless told; the city follows from it, as the projects service derives it).
    /// </summary>
    public static ProjectStateChanged Event(string project, long version, ProjectState state, string park, string uscc, bool digital = true, DateOnly? completed = null, string county = "340104")
    {
        var date = completed ?? new DateOnly(2024, 6, 30);
        return new ProjectStateChanged
        {
            Metadata = new EventMetadata
            {
                EventId = Guid.NewGuid().ToString(),
                EventType = ProjectStateChanged.Descriptor.FullName,
                Source = "//projects.industry.anhui.gov.cn",
                OccurTime = Timestamp.FromDateTime(DateTime.UtcNow),
                Subject = project,
                SubjectVersion = version,
                Actor = "test",
            },
            Project = new Project
            {
                Name = project,
                CountyCode = county,
                CityCode = Industry.ServiceDefaults.Reference.Divisions.CityOf(county)?.Code ?? string.Empty,
                EnterpriseUscc = uscc,
                EnterpriseDisplayName = "安徽数字化改造示范有限公司",
                Park = park,
                DigitalTransformation = digital,
                State = state,
                ActualCompletionDate = state is ProjectState.Completed or ProjectState.InProduction
                    ? new Google.Type.Date { Year = date.Year, Month = date.Month, Day = date.Day }
                    : null,
            },
            PreviousState = state == ProjectState.InProduction ? ProjectState.Completed : ProjectState.UnderConstruction,
        };
    }

    public async Task PublishAsync(ProjectStateChanged @event)
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
