using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Industry.ServiceDefaults.Messaging.Backlog;

/// <summary>
/// Reads how many messages wait in the service's consumer queues and their error queues, by a passive declare on a
/// connection of its own: MassTransit does not expose queue depths, and the management API is not reachable from
/// every deployment (AMQP is). An error queue MassTransit has not created yet holds nothing.
/// </summary>
internal sealed class BrokerQueueDepths(RabbitMqOptions options) : IAsyncDisposable
{
    private IConnection? _connection;
    private IChannel? _channel;

    /// <summary>Ready messages per queue; a consumer queue that does not exist yet is left out.</summary>
    public async Task<(Dictionary<string, long> Ready, Dictionary<string, long> Errors)> MeasureAsync(IReadOnlyCollection<string> queues, CancellationToken cancellationToken)
    {
        var ready = new Dictionary<string, long>(StringComparer.Ordinal);
        var errors = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var queue in queues)
        {
            if (await CountAsync(queue, cancellationToken) is { } count)
            {
                ready[queue] = count;
                var errorQueue = queue + ConsumerQueues.ErrorSuffix;
                errors[errorQueue] = await CountAsync(errorQueue, cancellationToken) ?? 0;
            }
        }

        return (ready, errors);
    }

    public async ValueTask DisposeAsync()
    {
        await Close();
    }

    /// <summary>The queue's ready messages; null when it does not exist (the broker then closes the channel).</summary>
    private async Task<long?> CountAsync(string queue, CancellationToken cancellationToken)
    {
        var channel = await ChannelAsync(cancellationToken);
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue, cancellationToken)).MessageCount;
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == Constants.NotFound)
        {
            _channel = null;
            await channel.DisposeAsync();
            return null;
        }
        catch
        {
            await Close();
            throw;
        }
    }

    private async Task<IChannel> ChannelAsync(CancellationToken cancellationToken)
    {
        if (_connection is not { IsOpen: true })
        {
            await Close();
            _connection = await options.CreateConnectionFactory("industry-backlog-metrics").CreateConnectionAsync(cancellationToken);
        }

        if (_channel is not { IsOpen: true })
        {
            _channel = await _connection.CreateChannelAsync(cancellationToken: cancellationToken);
        }

        return _channel;
    }

    private async Task Close()
    {
        var (channel, connection) = (_channel, _connection);
        (_channel, _connection) = (null, null);
        if (channel is not null)
        {
            await channel.DisposeAsync();
        }

        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
    }
}
