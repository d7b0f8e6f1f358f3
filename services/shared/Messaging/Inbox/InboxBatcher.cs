using System.Threading.Channels;
using Google.Protobuf;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Industry.ServiceDefaults.Messaging.Inbox;

/// <summary>
/// Group commit for one consumer type (ADR 0011): events consumed at the same time are applied in one database
/// transaction of at most <c>RabbitMq:InboxBatchSize</c> events, instead of one transaction each, which is what a
/// per-message inbox spends most of its time on. Each event keeps its own outcome: when the handler throws on one
/// event, that event alone fails (and is retried or moved to the error queue by MassTransit as usual) and the rest of
/// the group is applied without it; when the transaction itself fails (a concurrent duplicate, a lost connection),
/// each event is applied again in a transaction of its own.
/// </summary>
internal sealed partial class InboxBatcher<TEvent> : IAsyncDisposable
    where TEvent : class, IMessage<TEvent>
{
    private readonly Channel<InboxItem<TEvent>> _pending = Channel.CreateUnbounded<InboxItem<TEvent>>();
    private readonly Type _consumerType;
    private readonly IServiceScopeFactory _scopes;
    private readonly InboxMetrics _metrics;
    private readonly ILogger _logger;
    private readonly int _batchSize;
    private readonly Task[] _workers;

    public InboxBatcher(Type consumerType, IServiceScopeFactory scopes, InboxMetrics metrics, ILogger logger, int batchSize, int parallelBatches)
    {
        _consumerType = consumerType;
        _scopes = scopes;
        _metrics = metrics;
        _logger = logger;
        _batchSize = batchSize;
        _workers = [.. Enumerable.Range(0, parallelBatches).Select(_ => Task.Run(RunAsync))];
    }

    /// <summary>Queues the event for the next group; the task ends when its transaction has committed.</summary>
    public Task ApplyAsync(InboxItem<TEvent> item) =>
        _pending.Writer.TryWrite(item) ? item.Completion : Task.FromException(new ObjectDisposedException(nameof(InboxBatcher<TEvent>)));

    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        await Task.WhenAll(_workers);
    }

    private async Task RunAsync()
    {
        var group = new List<InboxItem<TEvent>>(_batchSize);
        // No waiting for a group to fill: whatever arrived while the previous transaction ran forms the next group, so a
        // lone event is applied at once and a busy queue gets large groups by itself.
        while (await _pending.Reader.WaitToReadAsync())
        {
            while (group.Count < _batchSize && _pending.Reader.TryRead(out var item))
            {
                group.Add(item);
            }

            await ApplyGroupAsync(group);
            group.Clear();
        }
    }

    private async Task ApplyGroupAsync(List<InboxItem<TEvent>> group)
    {
        var remaining = group;
        while (remaining.Count > 0)
        {
            try
            {
                await ApplyInOwnScopeAsync(remaining);
                _metrics.Committed(_consumerType.Name, remaining.Count);
                remaining.ForEach(item => item.Succeed());
                return;
            }
            catch (InboxHandlerException failure)
            {
                remaining[failure.Index].Fail(failure.InnerException!);
                remaining = [.. remaining.Where((_, index) => index != failure.Index)];
            }
            catch (Exception exception) when (remaining.Count > 1)
            {
                LogGroupFailed(_logger, exception, _consumerType.Name, remaining.Count);
                foreach (var item in remaining)
                {
                    await ApplyAloneAsync(item);
                }

                return;
            }
            catch (Exception exception)
            {
                remaining[0].Fail(exception);
                return;
            }
        }
    }

    private async Task ApplyAloneAsync(InboxItem<TEvent> item)
    {
        try
        {
            await ApplyInOwnScopeAsync([item]);
            _metrics.Committed(_consumerType.Name, 1);
            item.Succeed();
        }
        catch (Exception exception)
        {
            item.Fail(exception is InboxHandlerException handler ? handler.InnerException! : exception);
        }
    }

    /// <summary>A fresh scope (so a fresh DbContext) per attempt: a failed attempt leaves nothing behind.</summary>
    private async Task ApplyInOwnScopeAsync(IReadOnlyList<InboxItem<TEvent>> items)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var consumer = (InboxConsumer<TEvent>)scope.ServiceProvider.GetRequiredService(_consumerType);
        await consumer.ApplyAsync(items, CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Consumer}: the transaction of a group of {Count} events failed; applying each on its own")]
    private static partial void LogGroupFailed(ILogger logger, Exception exception, string consumer, int count);
}
