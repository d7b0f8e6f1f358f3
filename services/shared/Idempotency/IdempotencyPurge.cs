using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Industry.ServiceDefaults.Idempotency;

/// <summary>
/// Deletes recorded requests older than <see cref="IdempotencyOptions.RetentionHours"/>, every ten minutes, as the
/// outbox relay purges dispatched events. One range delete over the <c>create_time</c> index; several replicas
/// purging at once only delete the same rows.
/// </summary>
internal sealed partial class IdempotencyPurge(
    IServiceScopeFactory scopes,
    IdempotencyOptions options,
    TimeProvider clock,
    ILogger<IdempotencyPurge> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await PurgeAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogPurgeFailed(logger, ex); // the database is down: try again next round
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    internal async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - TimeSpan.FromHours(options.RetentionHours);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbContext>();
        var purged = await db.Set<IdempotentRequest>().Where(r => r.CreateTime < cutoff).ExecuteDeleteAsync(cancellationToken);
        if (purged > 0)
        {
            LogPurged(logger, purged);
        }

        return purged;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Count} idempotent requests past retention")]
    private static partial void LogPurged(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purging idempotent requests failed; retrying next round")]
    private static partial void LogPurgeFailed(ILogger logger, Exception exception);
}
