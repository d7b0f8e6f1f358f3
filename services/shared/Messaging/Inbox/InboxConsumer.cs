using System.Diagnostics;
using Google.Protobuf;
using Industry.Common.V1;
using Industry.ServiceDefaults.Messaging.Wire;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Industry.ServiceDefaults.Messaging.Inbox;

/// <summary>
/// Base of every consumer (ADR 0011): in one database transaction it records <c>(consumer, message id)</c>, skips a
/// message it has already processed, skips an event about an older version of its subject than the one already
/// applied, applies the event (<see cref="HandleAsync"/>) and records the subject's new version. A crash anywhere
/// rolls all of it back, and the broker redelivers. Events consumed at the same time share that transaction (group
/// commit, <see cref="InboxBatcher{TEvent}"/>); each is still acknowledged, retried or moved to the error queue on its own.
/// </summary>
public abstract partial class InboxConsumer<TEvent>(DbContext db, TimeProvider clock, ILogger logger) : IConsumer<TEvent>
    where TEvent : class, IMessage<TEvent>
{
    /// <summary>The name recorded in the inbox; stable across renames of the class.</summary>
    protected abstract string ConsumerName { get; }

    /// <summary>The service's database, in the consumer's transaction.</summary>
    protected DbContext Db => db;

    protected TimeProvider Clock => clock;

    protected ILogger Logger => logger;

    public async Task Consume(ConsumeContext<TEvent> context)
    {
        var services = context.TryGetPayload<IServiceProvider>(out var provider) ? provider : null;
        var metrics = services?.GetService<InboxMetrics>();
        try
        {
            var occurTime = await ConsumeAsync(context, services);
            metrics?.Applied(ConsumerName, clock.GetUtcNow() - occurTime);
        }
        catch
        {
            metrics?.Failed(ConsumerName);
            throw;
        }
    }

    /// <summary>Applies the message (through the group commit when the service has one); returns the event's occur time.</summary>
    private async Task<DateTimeOffset> ConsumeAsync(ConsumeContext<TEvent> context, IServiceProvider? services)
    {
        var @event = context.Message;
        var metadata = EventCatalog.For<TEvent>().Descriptor.Fields[1].Accessor.GetValue(@event) as EventMetadata
            ?? throw new InvalidEventException($"{typeof(TEvent).Name} has no metadata.");
        var messageId = context.MessageId
            ?? (Guid.TryParse(metadata.EventId, out var id) ? id : throw new InvalidEventException("The event has no message id."));
        var item = new InboxItem<TEvent>(@event, metadata, messageId, Activity.Current);

        if (services?.GetService<InboxBatchers>() is { } batchers)
        {
            await batchers.For<TEvent>(GetType()).ApplyAsync(item);
        }
        else
        {
            await ApplyAsync([item], context.CancellationToken);
        }

        return metadata.OccurTime?.ToDateTimeOffset() ?? clock.GetUtcNow();
    }

    /// <summary>
    /// Applies a group of events in one transaction. A handler failure on one of several events is reported as an
    /// <see cref="InboxHandlerException"/> naming it; on a single event the handler's own exception propagates, so
    /// MassTransit's retry policy sees its type.
    /// </summary>
    internal async Task ApplyAsync(IReadOnlyList<InboxItem<TEvent>> items, CancellationToken cancellationToken)
    {
        // The whole transaction is rolled back on any failure: a savepoint before SaveChanges would only cost a round trip.
        db.Database.AutoSavepointsEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var messageIds = items.Select(i => i.MessageId).ToList();
        var processed = (await db.Set<InboxMessage>()
            .Where(m => m.Consumer == ConsumerName && messageIds.Contains(m.MessageId))
            .Select(m => m.MessageId)
            .ToListAsync(cancellationToken)).ToHashSet();
        var subjects = items.Select(i => i.Metadata.Subject).Distinct().ToList();
        var applied = await db.Set<InboxSubjectVersion>()
            .Where(v => v.Consumer == ConsumerName && subjects.Contains(v.Subject))
            .Select(v => new { v.Subject, v.Version })
            .ToDictionaryAsync(v => v.Subject, v => v.Version, StringComparer.Ordinal, cancellationToken);
        var rows = new InboxRows(ConsumerName);

        for (var index = 0; index < items.Count; index++)
        {
            var item = items[index];
            var metadata = item.Metadata;
            if (!processed.Add(item.MessageId))
            {
                LogDuplicate(logger, ConsumerName, item.MessageId);
                continue;
            }

            rows.Processed(item.MessageId);
            long? version = applied.TryGetValue(metadata.Subject, out var current) ? current : null;
            if (metadata.SubjectVersion > 0 && version is not null && metadata.SubjectVersion <= version)
            {
                LogStale(logger, ConsumerName, metadata.Subject, metadata.SubjectVersion, version.Value);
                continue;
            }

            await HandleInTraceOfAsync(item, index, items.Count, cancellationToken);
            if (metadata.SubjectVersion > 0)
            {
                rows.Applied(metadata.Subject, version, metadata.SubjectVersion);
                applied[metadata.Subject] = metadata.SubjectVersion;
            }
        }

        await rows.SaveAsync(db, clock.GetUtcNow().UtcDateTime, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Applies the event to the service's state through <see cref="Db"/> (do not call SaveChanges: the base class
    /// commits once, with the inbox rows). Throw <see cref="InvalidEventException"/> for an event that can never be
    /// applied: it goes to the error queue without retries.
    /// </summary>
    protected abstract Task HandleAsync(TEvent message, EventMetadata metadata, CancellationToken cancellationToken);

    /// <summary>Runs the handler as a child of the message's consume span, whichever thread applies the group.</summary>
    private async Task HandleInTraceOfAsync(InboxItem<TEvent> item, int index, int count, CancellationToken cancellationToken)
    {
        var previous = Activity.Current;
        Activity.Current = item.ConsumeActivity ?? previous;
        try
        {
            await HandleAsync(item.Event, item.Metadata, cancellationToken);
        }
        catch (Exception exception) when (count > 1)
        {
            throw new InboxHandlerException(index, exception);
        }
        finally
        {
            Activity.Current = previous;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Consumer} already processed message {MessageId}; skipped")]
    private static partial void LogDuplicate(ILogger logger, string consumer, Guid messageId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Consumer} skipped {Subject} version {Version}: version {Applied} is already applied")]
    private static partial void LogStale(ILogger logger, string consumer, string subject, long version, long applied);
}
