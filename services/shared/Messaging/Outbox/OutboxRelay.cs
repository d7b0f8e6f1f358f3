using System.Diagnostics;
using Industry.ServiceDefaults.Data;
using Industry.ServiceDefaults.Hosting;
using Industry.ServiceDefaults.Messaging.Wire;
using Industry.ServiceDefaults.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;

namespace Industry.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// Publishes outbox rows (ADR 0011) on its own RabbitMQ channel (<see cref="RelayChannel"/>, ADR 0045). Each round reads
/// at most <see cref="OutboxOptions.BatchSize"/> pending rows in id order, publishes them with publisher confirms (the
/// row's event id as message id, the request's trace as parent), and marks as dispatched exactly the rows the broker
/// confirmed. On PostgreSQL the round
/// runs in a transaction holding an advisory lock, so of several replicas only one relays at a time and no row is
/// published twice. While the broker is unreachable it backs off exponentially and resumes by itself; rows survive
/// any crash because they are only marked after the confirm. A row that fails on its own account (an unknown event
/// type, or a publish that fails while the broker confirms the rest of the round) is counted, and quarantined after
/// <see cref="OutboxOptions.MaxAttempts"/> (<see cref="OutboxQuarantine"/>), so it never holds back the rows after it.
/// </summary>
internal sealed partial class OutboxRelay(
    IServiceScopeFactory scopes,
    RabbitMqOptions broker,
    ServiceIdentity identity,
    OutboxOptions options,
    DatabaseInfo database,
    OutboxMetrics metrics,
    TimeProvider clock,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    /// <summary>Advisory-lock key of the relay ("outbox" in ASCII); one lock per database, so per service.</summary>
    private const long RelayLockKey = 0x6F7574626F78;

    private static readonly TimeSpan PurgeInterval = TimeSpan.FromMinutes(10);
    private readonly RelayChannel _channel = new(broker, options, identity);
    private DateTime _nextPurge = DateTime.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await ReleaseNowKnownTypesAsync(stoppingToken);
        var backoff = TimeSpan.Zero;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var published = await RelayBatchAsync(stoppingToken);
                backoff = TimeSpan.Zero;
                await PurgeIfDueAsync(stoppingToken);
                if (published < options.BatchSize)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(options.PollIntervalMilliseconds), clock, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                backoff = backoff == TimeSpan.Zero
                    ? TimeSpan.FromMilliseconds(500)
                    : TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromSeconds(options.MaxBackoffSeconds).Ticks));
                LogRelayFailed(logger, ex, backoff.TotalSeconds);
                await Task.Delay(backoff, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>One round; returns how many rows were published.</summary>
    internal async Task<int> RelayBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbContext>();
        // PostgreSQL: the round is one transaction holding the relay's advisory lock, so replicas take turns.
        // SQLite has one replica by definition; a long read transaction there would only block its writers.
        await using var transaction = database.Provider == DatabaseProvider.Postgres
            ? await db.Database.BeginTransactionAsync(cancellationToken)
            : null;
        if (!await AdvisoryLock.TryTakeForTransactionAsync(db, database.Provider, RelayLockKey, cancellationToken))
        {
            return 0; // another replica is relaying right now
        }

        var batch = await db.Set<OutboxMessage>().NextBatch(options.BatchSize).AsNoTracking().ToListAsync(cancellationToken);
        if (batch.Count == 0)
        {
            return 0;
        }

        // From here the round runs to its end even when the service is stopping: a publish cancelled after the broker
        // took the message, or a confirmed row left unmarked, would be published again by another replica's relay.
        // PublishTimeoutSeconds bounds it, well within the host's shutdown timeout.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(options.PublishTimeoutSeconds));
        // A broker that is away fails the round here, before any row is counted against.
        var channel = await _channel.OpenAsync(timeout.Token);
        foreach (var exchange in batch.Select(row => EventCatalog.Find(row.EventType)?.ExchangeName).OfType<string>().Distinct())
        {
            await _channel.DeclareAsync(channel, exchange, timeout.Token);
        }

        var results = await Task.WhenAll(batch.Select(row => PublishAsync(channel, row, timeout.Token)));
        var confirmed = batch.Where((_, i) => results[i].Confirmed).Select(m => m.Id).ToList();
        // A failure is the row's own when no broker could take it, or when this broker took other rows of the round;
        // when every row failed for the same reason, the broker is away and no row is to blame.
        var rowFaults = batch.Select((row, i) => (Row: row, Outcome: results[i]))
            .Where(r => !r.Outcome.Confirmed && (r.Outcome.RowAtFault || confirmed.Count > 0))
            .ToList();

        var now = clock.GetUtcNow().UtcDateTime;
        await db.Set<OutboxMessage>()
            .Where(m => confirmed.Contains(m.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.DispatchTime, now), CancellationToken.None);
        var quarantined = 0;
        foreach (var (row, outcome) in rowFaults)
        {
            if (await OutboxQuarantine.CountFailureAsync(db, row, outcome.Error!, options.MaxAttempts, now, CancellationToken.None))
            {
                LogQuarantined(logger, row.Id, row.EventType, row.Attempts + 1, outcome.Error!);
                quarantined++;
            }
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(CancellationToken.None);
        }

        metrics.Dispatched(confirmed.Count);
        metrics.Quarantined(quarantined);

        var unexplained = batch.Count - confirmed.Count - rowFaults.Count;
        if (unexplained > 0)
        {
            throw new OutboxPublishException(unexplained, batch.Count);
        }

        return batch.Count;
    }

    private async Task<PublishOutcome> PublishAsync(IChannel channel, OutboxMessage row, CancellationToken cancellationToken)
    {
        var type = EventCatalog.Find(row.EventType);
        if (type is null)
        {
            // Written by a newer version of the service (then rolled back, or still rolling out): no broker will take it
            // from this version. Quarantined after a few rounds; that newer version's relay releases it at start-up.
            LogUnknownEventType(logger, row.EventType, row.Id);
            return new PublishOutcome(false, $"{OutboxQuarantine.UnknownEventType}: {row.EventType}", RowAtFault: true);
        }

        ActivityContext.TryParse(row.TraceParent, row.TraceState, isRemote: true, out var parent);
        using var activity = SuiteTelemetry.ActivitySource.StartActivity($"{row.EventType} publish", ActivityKind.Producer, parent);
        activity?.SetTag("messaging.message.id", row.MessageId.ToString());
        try
        {
            // The body is the stored JSON as it is: the event is never parsed or serialised again.
            // Without a listener there is no publish span; the consumers then join the request's trace directly.
            await RelayChannel.PublishAsync(channel, type, row, identity.EventSource, activity?.Id ?? row.TraceParent, cancellationToken);
            return new PublishOutcome(true, null, RowAtFault: false);
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            LogPublishFailed(logger, row.Id, row.EventType, ex.GetType().Name);
            return new PublishOutcome(false, $"{ex.GetType().Name}: {ex.Message}", RowAtFault: false);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // The round in progress finishes first (ExecuteAsync), then the channel it publishes on is closed.
        await base.StopAsync(cancellationToken);
        await _channel.DisposeAsync();
    }

    /// <summary>Rows quarantined because an older version did not know their type go back to the queue once this version does.</summary>
    private async Task ReleaseNowKnownTypesAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var released = await OutboxQuarantine.ReleaseKnownTypesAsync(scope.ServiceProvider.GetRequiredService<DbContext>(), cancellationToken);
            if (released > 0)
            {
                LogReleasedKnownTypes(logger, released);
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The database may not be there yet; an operator can still release them (outbox release).
            LogReleaseFailed(logger, ex);
        }
    }

    private async Task PurgeIfDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (now < _nextPurge)
        {
            return;
        }

        _nextPurge = now + PurgeInterval;
        var cutoff = now - TimeSpan.FromHours(options.RetentionHours);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbContext>();
        var outbox = await db.Set<OutboxMessage>().Where(m => m.DispatchTime != null && m.DispatchTime < cutoff).ExecuteDeleteAsync(cancellationToken);
        var inbox = await db.Set<Inbox.InboxMessage>().Where(m => m.ReceiveTime < cutoff).ExecuteDeleteAsync(cancellationToken);
        if (outbox + inbox > 0)
        {
            LogPurged(logger, outbox, inbox);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox relay round failed; retrying in {Seconds} s")]
    private static partial void LogRelayFailed(ILogger logger, Exception exception, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing outbox row {Id} ({EventType}) failed: {Error}")]
    private static partial void LogPublishFailed(ILogger logger, long id, string eventType, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox row {Id} has unknown event type {EventType}")]
    private static partial void LogUnknownEventType(ILogger logger, string eventType, long id);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox row {Id} ({EventType}) quarantined after {Attempts} failed attempts: {Error}. After fixing the cause: outbox release {Id}")]
    private static partial void LogQuarantined(ILogger logger, long id, string eventType, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Released {Count} quarantined outbox rows whose event type this version publishes")]
    private static partial void LogReleasedKnownTypes(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not release quarantined outbox rows of now known event types")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Outbox} dispatched outbox rows and {Inbox} inbox rows past retention")]
    private static partial void LogPurged(ILogger logger, int outbox, int inbox);
}

/// <summary>How the publish of one row ended; <paramref name="RowAtFault"/>: it would fail on any healthy broker.</summary>
internal readonly record struct PublishOutcome(bool Confirmed, string? Error, bool RowAtFault);

/// <summary>Some rows of a round were not confirmed, and the broker is to blame: the round is retried after a backoff.</summary>
internal sealed class OutboxPublishException(int failed, int total)
    : Exception($"{failed} of {total} outbox rows were not confirmed by the broker.");
