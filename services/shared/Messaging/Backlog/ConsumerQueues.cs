using System.Collections.Concurrent;

namespace Industry.ServiceDefaults.Messaging.Backlog;

/// <summary>The names of the service's consumer queues, as MassTransit configures them (their error queues add <c>_error</c>).</summary>
public sealed class ConsumerQueues
{
    public const string ErrorSuffix = "_error";

    private readonly ConcurrentDictionary<string, bool> _names = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Names => [.. _names.Keys.Order(StringComparer.Ordinal)];

    internal void Add(string queue) => _names.TryAdd(queue, true);
}
