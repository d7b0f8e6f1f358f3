using RabbitMQ.Client;

namespace Industry.ServiceDefaults.Messaging;

/// <summary>The broker a service connects to, and how it consumes, from the <c>RabbitMq</c> section (<c>RabbitMq__Host</c>, …).</summary>
public sealed class RabbitMqOptions
{
    public const string Section = "RabbitMq";

    /// <summary>Host name or address. Default <c>localhost</c>.</summary>
    public string Host { get; set; } = "localhost";

    /// <summary>AMQP port. Default 5672.</summary>
    public ushort Port { get; set; } = 5672;

    /// <summary>Virtual host. Default <c>/</c>.</summary>
    public string VirtualHost { get; set; } = "/";

    /// <summary>User name. Default <c>guest</c> (accepted by RabbitMQ from loopback only).</summary>
    public string Username { get; set; } = "guest";

    /// <summary>Password; in Kubernetes from a Secret. Default <c>guest</c>.</summary>
    public string Password { get; set; } = "guest";

    /// <summary>Messages the broker sends ahead of acknowledgements, per consumer queue. Default 256.</summary>
    public ushort PrefetchCount { get; set; } = 256;

    /// <summary>
    /// Messages consumed at once per consumer queue. Default 128: they wait together for a group commit, so this bounds
    /// memory and group size, not database connections (those are <see cref="InboxParallelGroups"/>).
    /// </summary>
    public int ConcurrentMessageLimit { get; set; } = 128;

    /// <summary>
    /// Most events one inbox transaction applies (group commit, ADR 0011). Default 100; 1 gives every message its own
    /// transaction in its own consume scope (then keep <see cref="ConcurrentMessageLimit"/> below the connection pool size).
    /// </summary>
    public int InboxBatchSize { get; set; } = 100;

    /// <summary>Inbox transactions in flight per consumer at once (database connections it holds). Default 2.</summary>
    public int InboxParallelGroups { get; set; } = 2;

    /// <summary>
    /// Prefix of the service's consumer queue names (<c>cluster</c> → <c>cluster-project-created</c>). Default the
    /// service's name. Two processes with the same prefix compete for one queue's messages (replicas of a service);
    /// a different prefix gives a process queues of its own (e.g. one test's service process among several).
    /// </summary>
    public string? EndpointPrefix { get; set; }

    /// <summary>Declare consumer queues as quorum queues (replicated; for a RabbitMQ cluster). Default false.</summary>
    public bool QuorumQueues { get; set; }

    /// <summary>
    /// With <see cref="QuorumQueues"/>: how many times the broker hands a consumer queue's message out before it moves
    /// it to the queue's <c>_error</c> queue (<c>x-delivery-limit</c>). It counts the deliveries no retry policy sees,
    /// those ended by a process that died or stopped before acknowledging, so a message that crashes the process is
    /// not redelivered for ever. Default none (unlimited); prod sets 20 (docs/deploy.md).
    /// </summary>
    public int? DeliveryLimit { get; set; }

    /// <summary>In-memory retry intervals for transient failures before a message goes to the error queue. Default 100, 500, 2000 ms.</summary>
    /// <remarks>No initial value: the configuration binder appends to an array it finds filled, it does not replace it.</remarks>
    public int[]? RetryIntervalsMilliseconds { get; set; }

    public int[] EffectiveRetryIntervals => RetryIntervalsMilliseconds is { Length: > 0 } configured ? configured : [100, 500, 2000];

    /// <summary>
    /// How long a consumer waits out an outage of its own database (ADR 0020) before a message goes to the error queue.
    /// Default 180 s, so a fail-over of up to 2 minutes moves nothing there.
    /// </summary>
    public int DatabaseOutageToleranceSeconds { get; set; } = 180;

    /// <summary>1, 2, 4 and 8 s, then every 10 s until the tolerance is spent: prompt after a blip, cheap during a long outage.</summary>
    public TimeSpan[] DatabaseOutageRetryIntervals
    {
        get
        {
            var intervals = new List<TimeSpan>();
            var total = TimeSpan.Zero;
            var tolerance = TimeSpan.FromSeconds(DatabaseOutageToleranceSeconds);
            for (var next = TimeSpan.FromSeconds(1); total < tolerance; next = TimeSpan.FromSeconds(Math.Min(next.TotalSeconds * 2, 10)))
            {
                intervals.Add(next);
                total += next;
            }

            return [.. intervals];
        }
    }

    /// <summary>A connection factory for this broker; <paramref name="clientName"/> names the connection in the management UI.</summary>
    public ConnectionFactory CreateConnectionFactory(string clientName) => new()
    {
        HostName = Host,
        Port = Port,
        VirtualHost = VirtualHost,
        UserName = Username,
        Password = Password,
        ClientProvidedName = clientName,
    };
}
