using MassTransit;

namespace Industry.ServiceDefaults.Messaging;

/// <summary>
/// The service's consumer queues as its bus declares them (so the topology deployed from the bus configuration has the
/// same arguments): their type, their poison-message limit, and their names, the one list that the topology deploy
/// prints, the operator's <c>errors</c> command reads the error queues of (<see cref="Errors.ErrorQueues"/>) and the
/// backlog gauges measure (<see cref="Backlog.BacklogSampler"/>).
/// </summary>
public sealed class ConsumerQueues
{
    /// <summary>MassTransit's name for the queue a consumer queue's failed messages go to: <c>&lt;queue&gt;_error</c>.</summary>
    public const string ErrorSuffix = "_error";

    private const string DeliveryLimitArgument = "x-delivery-limit";
    private const string DeadLetterExchangeArgument = "x-dead-letter-exchange";

    private readonly SortedSet<string> _names = new(StringComparer.Ordinal);

    /// <summary>The consumer queues' names, once the bus has been configured (resolving <c>IBusControl</c> does it).</summary>
    public IReadOnlyList<string> Names
    {
        get
        {
            lock (_names)
            {
                return [.. _names];
            }
        }
    }

    /// <summary>
    /// The error and <c>_skipped</c> queues copy the arguments of their consumer queue; they keep its type, not its
    /// delivery limit nor its dead-letter exchange: the operator's <c>errors list</c> returns every message it reads
    /// to the queue, which must never make the broker drop one, and an error queue must not dead-letter into itself.
    /// </summary>
    public static void ConfigureErrorQueues(IRabbitMqBusFactoryConfigurator bus)
    {
        bus.SendTopology.ConfigureErrorSettings = KeepTypeOnly;
        bus.SendTopology.ConfigureDeadLetterSettings = KeepTypeOnly;
    }

    public void Configure(string queueName, IReceiveEndpointConfigurator endpoint, RabbitMqOptions options)
    {
        lock (_names)
        {
            _names.Add(queueName);
        }

        if (!options.QuorumQueues || endpoint is not IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            return;
        }

        rabbit.SetQuorumQueue();
        if (options.DeliveryLimit is { } limit)
        {
            rabbit.SetQueueArgument(DeliveryLimitArgument, limit);

            // Past the limit the broker dead-letters the message to the error queue, where the operator sees it, instead
            // of dropping it. Declared with the consumer queue, because MassTransit declares the error queue only with
            // its first fault, and with the error queue's own arguments (ConfigureErrorQueues), or the declarations clash.
            var errorQueue = queueName + ErrorSuffix;
            rabbit.BindDeadLetterQueue(errorQueue, errorQueue, queue => queue.SetQuorumQueue());
        }
    }

    private static void KeepTypeOnly(IRabbitMqQueueBindingConfigurator queue)
    {
        queue.SetQueueArgument(DeliveryLimitArgument, null);
        queue.SetQueueArgument(DeadLetterExchangeArgument, null);
    }
}
