using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Industry.ServiceDefaults.Messaging.Errors;

/// <summary>
/// The service's error queues (<c>&lt;consumer queue&gt;_error</c>) over plain AMQP: list what is there, replay chosen
/// messages to their consumer queue (the inbox applies an event once however often it arrives, ADR 0011) and purge.
/// AMQP rather than the management API: the service already has the broker's address and credentials, and the
/// management port is not open to it (docs/deploy.md, "Network policies"). AMQP has no "peek": a message is read
/// unacknowledged and, unless taken, returned to its queue with a negative acknowledgement.
/// </summary>
public sealed class ErrorQueues(RabbitMqOptions options, ConsumerQueues consumers, IServiceProvider services)
{
    /// <summary>Every message in the service's error queues, left where it is.</summary>
    public async Task<IReadOnlyList<ErrorMessage>> ListAsync(CancellationToken cancellationToken)
    {
        var found = new List<ErrorMessage>();
        await VisitAsync(checkConsumerQueue: false, (message, _) =>
        {
            found.Add(message);
            return Task.FromResult(false);
        }, cancellationToken);
        return found;
    }

    /// <summary>
    /// Sends the message with <paramref name="messageId"/> (every message when null) back to its consumer queue,
    /// confirmed by the broker before it leaves the error queue; returns how many.
    /// </summary>
    public Task<int> ReplayAsync(string? messageId, CancellationToken cancellationToken) =>
        VisitAsync(checkConsumerQueue: true, async (message, channel) =>
        {
            if (!Matches(message, messageId))
            {
                return false;
            }

            await channel.BasicPublishAsync(string.Empty, message.Queue, mandatory: false, message.ReplayProperties(), message.Body, cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>Drops the message with <paramref name="messageId"/> (every message when null); returns how many.</summary>
    public Task<int> PurgeAsync(string? messageId, CancellationToken cancellationToken) =>
        VisitAsync(checkConsumerQueue: false, (message, _) => Task.FromResult(Matches(message, messageId)), cancellationToken);

    private static bool Matches(ErrorMessage message, string? messageId) =>
        messageId is null || string.Equals(message.MessageId, messageId, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Reads each error queue's messages (as many as it held when the visit began, so a message failing meanwhile
    /// cannot keep it going), acknowledges those <paramref name="take"/> took and returns the others.
    /// </summary>
    private async Task<int> VisitAsync(bool checkConsumerQueue, Func<ErrorMessage, IChannel, Task<bool>> take, CancellationToken cancellationToken)
    {
        // The queue names come from the bus configuration, which runs when the bus is first resolved; not started here.
        _ = services.GetRequiredService<IBusControl>();
        await using var connection = await options.CreateConnectionFactory("errors command").CreateConnectionAsync(cancellationToken);
        var taken = 0;
        foreach (var queue in consumers.Names)
        {
            var errorQueue = queue + ConsumerQueues.ErrorSuffix;
            if (await MessageCountAsync(connection, errorQueue, cancellationToken) is not { } count || count == 0)
            {
                continue;
            }

            if (checkConsumerQueue && await MessageCountAsync(connection, queue, cancellationToken) is null)
            {
                // A publish to a missing queue is confirmed and dropped.
                throw new InvalidOperationException($"The queue {queue} does not exist: start the service once so that it declares it.");
            }

            await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
            var returned = new List<ulong>();
            for (var read = 0u; read < count && await channel.BasicGetAsync(errorQueue, autoAck: false, cancellationToken) is { } delivery; read++)
            {
                if (await take(ErrorMessage.From(queue, delivery), channel))
                {
                    await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, cancellationToken);
                    taken++;
                }
                else
                {
                    returned.Add(delivery.DeliveryTag);
                }
            }

            foreach (var tag in returned)
            {
                await channel.BasicNackAsync(tag, multiple: false, requeue: true, cancellationToken);
            }
        }

        return taken;
    }

    /// <summary>The queue's ready messages, or null when it does not exist (MassTransit declares an error queue with its first fault).</summary>
    private static async Task<uint?> MessageCountAsync(IConnection connection, string queue, CancellationToken cancellationToken)
    {
        // A passive declaration of a missing queue closes its channel: one channel each.
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue, cancellationToken)).MessageCount;
        }
        catch (OperationInterruptedException)
        {
            return null;
        }
    }
}
