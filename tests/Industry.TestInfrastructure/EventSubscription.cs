using System.Collections.Concurrent;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Industry.TestInfrastructure;

/// <summary>
/// A queue of the test's own, bound to event exchanges with plain RabbitMQ.Client (no MassTransit), as an external
/// consumer in another language would bind one. Durable, so it keeps collecting across a broker restart.
/// </summary>
public sealed class EventSubscription : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly ConcurrentQueue<BasicDeliverEventArgs> _received = new();
    private readonly SemaphoreSlim _arrived = new(0);

    private EventSubscription(IConnection connection, IChannel channel, string name)
    {
        _connection = connection;
        _channel = channel;
        Name = name;
    }

    public string Name { get; }

    /// <summary>Everything received so far (body copied), in arrival order.</summary>
    public IReadOnlyList<BasicDeliverEventArgs> Received => [.. _received];

    public static async Task<EventSubscription> BindAsync(Uri broker, params string[] exchanges)
    {
        var factory = new ConnectionFactory { Uri = broker, AutomaticRecoveryEnabled = true, NetworkRecoveryInterval = TimeSpan.FromSeconds(1) };
        var connection = await factory.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        var name = "test-" + Guid.NewGuid().ToString("N");
        await channel.QueueDeclareAsync(name, durable: true, exclusive: false, autoDelete: false);
        foreach (var exchange in exchanges)
        {
            // The same declaration MassTransit makes: a durable fanout exchange.
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
            await channel.QueueBindAsync(name, exchange, routingKey: string.Empty);
        }

        var queue = new EventSubscription(connection, channel, name);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            queue._received.Enqueue(new BasicDeliverEventArgs(
                delivery.ConsumerTag, delivery.DeliveryTag, delivery.Redelivered, delivery.Exchange, delivery.RoutingKey,
                delivery.BasicProperties, delivery.Body.ToArray()));
            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
            queue._arrived.Release();
        };
        await channel.BasicConsumeAsync(name, autoAck: false, consumer);
        return queue;
    }

    /// <summary>Waits until at least <paramref name="count"/> messages arrived, or fails after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<BasicDeliverEventArgs>> WaitForAsync(int count, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            while (_received.Count < count)
            {
                await _arrived.WaitAsync(cts.Token);
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{_received.Count} of {count} messages arrived within {timeout}.");
        }

        return Received;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _channel.QueueDeleteAsync(Name);
        }
        catch (Exception)
        {
            // The broker may be stopped by the test; the queue is throwaway.
        }

        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
        _arrived.Dispose();
    }
}
