using Industry.ServiceDefaults.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Industry.ServiceDefaults.Messaging.Backlog;

/// <summary>
/// Measures the outbox (from the service's database, when it has one) and the consumer queues (from the broker) every
/// <see cref="BacklogOptions.SampleIntervalSeconds"/>, on every replica, into <see cref="BacklogGauges"/>. The two are
/// measured apart, so an unreachable broker leaves the outbox figures current (they are what shows the backlog then).
/// </summary>
internal sealed partial class BacklogSampler(
    IServiceScopeFactory scopes,
    BacklogGauges gauges,
    ConsumerQueues queues,
    RabbitMqOptions rabbit,
    BacklogOptions options,
    TimeProvider clock,
    ILogger<BacklogSampler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using var broker = new BrokerQueueDepths(rabbit);
        while (!stoppingToken.IsCancellationRequested)
        {
            await MeasureOutboxAsync(stoppingToken);
            await MeasureQueuesAsync(broker, stoppingToken);
            await Task.Delay(options.SampleInterval, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task MeasureOutboxAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            if (scope.ServiceProvider.GetService<DbContext>() is not { } db)
            {
                return;
            }

            var outbox = db.Set<OutboxMessage>().AsNoTracking();
            // One pass over the pending index for both figures, one over the quarantine's (both partial, so as small as
            // what they count).
            var pending = await outbox.Pending()
                .GroupBy(_ => 1)
                .Select(g => new { Count = g.LongCount(), Oldest = g.Min(m => (DateTime?)m.OccurTime) })
                .FirstOrDefaultAsync(cancellationToken);
            var quarantined = await outbox.LongCountAsync(m => m.QuarantineTime != null, cancellationToken);
            var age = pending?.Oldest is { } time ? clock.GetUtcNow().UtcDateTime - DateTime.SpecifyKind(time, DateTimeKind.Utc) : TimeSpan.Zero;
            gauges.RecordOutbox(pending?.Count ?? 0, age, quarantined);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogOutboxFailed(logger, ex);
        }
    }

    private async Task MeasureQueuesAsync(BrokerQueueDepths broker, CancellationToken cancellationToken)
    {
        var names = queues.Names;
        if (names.Count == 0)
        {
            return;
        }

        try
        {
            var (ready, errors) = await broker.MeasureAsync(names, cancellationToken);
            gauges.RecordQueues(ready, errors);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogQueuesFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not measure the outbox; its gauges go absent once the last figure is stale")]
    private static partial void LogOutboxFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not measure the consumer queues; their gauges go absent once the last figure is stale")]
    private static partial void LogQueuesFailed(ILogger logger, Exception exception);
}
