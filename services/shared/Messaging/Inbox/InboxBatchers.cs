using System.Collections.Concurrent;
using Google.Protobuf;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Industry.ServiceDefaults.Messaging.Inbox;

/// <summary>One <see cref="InboxBatcher{TEvent}"/> per consumer type, created on its first message; disposed (after
/// MassTransit has stopped consuming) with the service provider.</summary>
internal sealed class InboxBatchers(IServiceScopeFactory scopes, InboxMetrics metrics, ILoggerFactory loggers, RabbitMqOptions options) : IAsyncDisposable
{
    // Lazy: GetOrAdd may run its factory twice in a race, and a batcher starts workers that must not leak.
    private readonly ConcurrentDictionary<Type, Lazy<IAsyncDisposable>> _batchers = new();

    public InboxBatcher<TEvent> For<TEvent>(Type consumerType)
        where TEvent : class, IMessage<TEvent> =>
        (InboxBatcher<TEvent>)_batchers.GetOrAdd(
            consumerType,
            type => new Lazy<IAsyncDisposable>(() => new InboxBatcher<TEvent>(
                type, scopes, metrics, loggers.CreateLogger(type), options.InboxBatchSize, options.InboxParallelGroups))).Value;

    public async ValueTask DisposeAsync()
    {
        foreach (var batcher in _batchers.Values.Where(b => b.IsValueCreated))
        {
            await batcher.Value.DisposeAsync();
        }
    }
}
