using System.Text;
using Industry.ServiceDefaults.Hosting;
using Industry.ServiceDefaults.Messaging.Wire;
using RabbitMQ.Client;

namespace Industry.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// The relay's own connection and channel to the broker, with publisher confirms (ADR 0045): it publishes a row's
/// stored body to its event's exchange with the wire of docs/events.md, and returns once the broker confirmed it.
/// Plain RabbitMQ.Client rather than MassTransit's publish pipeline, whose per-message send contexts, pipes and header
/// dictionaries made up about 40 % of the import's allocations. The connection is opened on first use and again after
/// it was lost (a broker restart): the relay's next round after its backoff reconnects, so no automatic recovery runs
/// behind the relay's back. Used by one round at a time.
/// </summary>
internal sealed class RelayChannel(RabbitMqOptions broker, OutboxOptions outbox, ServiceIdentity identity) : IAsyncDisposable
{
    /// <summary>
    /// The trace header MassTransit's consumers take their parent span from: a MassTransit consumer of the event joins
    /// the publish span's trace, as it did while MassTransit published.
    /// </summary>
    internal const string MassTransitActivityId = "MT-Activity-Id";

    private readonly HashSet<string> _declared = new(StringComparer.Ordinal);
    private IConnection? _connection;
    private IChannel? _channel;

    /// <summary>An open channel, connecting first when there is none or the last one was lost.</summary>
    public async Task<IChannel> OpenAsync(CancellationToken cancellationToken)
    {
        if (_channel is { IsOpen: true })
        {
            return _channel;
        }

        await CloseAsync();
        var factory = broker.CreateConnectionFactory($"{identity.Name} outbox relay");
        _connection = await factory.CreateConnectionAsync(cancellationToken);
        // Confirms are tracked per publish, so each publish's task ends with its own confirm. The limiter lets a
        // whole round be in flight: the relay bounds it itself (BatchSize).
        _channel = await _connection.CreateChannelAsync(
            new CreateChannelOptions(
                publisherConfirmationsEnabled: true,
                publisherConfirmationTrackingEnabled: true,
                outstandingPublisherConfirmationsRateLimiter: new ThrottlingRateLimiter(Math.Max(outbox.BatchSize * 2, 128))),
            cancellationToken);
        return _channel;
    }

    /// <summary>
    /// Declares an event's exchange once per channel, as MassTransit's publish topology declares it (fanout, durable),
    /// so the first publish to a fresh broker has somewhere to go; an existing exchange is left as it is.
    /// </summary>
    public async Task DeclareAsync(IChannel channel, string exchange, CancellationToken cancellationToken)
    {
        if (_declared.Contains(exchange))
        {
            return;
        }

        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        _declared.Add(exchange);
    }

    /// <summary>Publishes one row; completes when the broker confirmed it, throws when it did not.</summary>
    public static ValueTask PublishAsync(IChannel channel, EventType type, OutboxMessage row, string source, string? activityId, CancellationToken cancellationToken)
    {
        var headers = CloudEventHeaders.For(row, source);
        if (activityId is not null)
        {
            headers[MassTransitActivityId] = activityId;
        }

        var properties = new BasicProperties
        {
            MessageId = row.MessageId.ToString(),
            ContentType = CloudEventHeaders.JsonContentType,
            DeliveryMode = DeliveryModes.Persistent,
            Headers = headers,
        };
        return channel.BasicPublishAsync(type.ExchangeName, string.Empty, mandatory: false, properties, Encoding.UTF8.GetBytes(row.Body), cancellationToken);
    }

    public ValueTask DisposeAsync() => new(CloseAsync());

    private async Task CloseAsync()
    {
        _declared.Clear();
        var (channel, connection) = (_channel, _connection);
        (_channel, _connection) = (null, null);
        try
        {
            if (channel is not null)
            {
                await channel.DisposeAsync();
            }

            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
        catch (Exception ex) when (ex is IOException or RabbitMQ.Client.Exceptions.RabbitMQClientException or ObjectDisposedException)
        {
            // A connection the broker already dropped has nothing left to close cleanly.
        }
    }
}
