using Google.Protobuf;
using Industry.Common.V1;
using Industry.ServiceDefaults.Messaging.Wire;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Industry.ServiceDefaults.Messaging.Inbox;

/// <summary>
/// Base of every consumer (ADR 0011): in one database transaction it records <c>(consumer, message id)</c>, skips a
/// message it has already processed, skips an event about an older version of its subject than the one already
/// applied, applies the event (<see cref="HandleAsync"/>) and records the subject's new version. A crash anywhere
/// rolls all of it back, and the broker redelivers.
/// </summary>
public abstract partial class InboxConsumer<TEvent>(DbContext db, TimeProvider clock, ILogger logger) : IConsumer<TEvent>
    where TEvent : class, IMessage<TEvent>
{
    /// <summary>The name recorded in the inbox; stable across renames of the class.</summary>
    protected abstract string ConsumerName { get; }

    /// <summary>The service's database, in the consumer's transaction.</summary>
    protected DbContext Db => db;

    public async Task Consume(ConsumeContext<TEvent> context)
    {
        var @event = context.Message;
        var metadata = EventCatalog.For<TEvent>().Descriptor.Fields[1].Accessor.GetValue(@event) as EventMetadata
            ?? throw new InvalidEventException($"{typeof(TEvent).Name} has no metadata.");
        var messageId = context.MessageId
            ?? (Guid.TryParse(metadata.EventId, out var id) ? id : throw new InvalidEventException("The event has no message id."));
        var cancellationToken = context.CancellationToken;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.Set<InboxMessage>().AnyAsync(m => m.Consumer == ConsumerName && m.MessageId == messageId, cancellationToken))
        {
            LogDuplicate(logger, ConsumerName, messageId);
            return;
        }

        db.Set<InboxMessage>().Add(new InboxMessage { Consumer = ConsumerName, MessageId = messageId, ReceiveTime = clock.GetUtcNow().UtcDateTime });
        var applied = await db.Set<InboxSubjectVersion>().FindAsync([ConsumerName, metadata.Subject], cancellationToken);
        if (metadata.SubjectVersion > 0 && applied is not null && metadata.SubjectVersion <= applied.Version)
        {
            LogStale(logger, ConsumerName, metadata.Subject, metadata.SubjectVersion, applied.Version);
        }
        else
        {
            await HandleAsync(@event, metadata, cancellationToken);
            if (applied is null)
            {
                db.Set<InboxSubjectVersion>().Add(new InboxSubjectVersion { Consumer = ConsumerName, Subject = metadata.Subject, Version = metadata.SubjectVersion });
            }
            else
            {
                applied.Version = metadata.SubjectVersion;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Applies the event to the service's state through <see cref="Db"/> (do not call SaveChanges: the base class
    /// commits once, with the inbox row). Throw <see cref="InvalidEventException"/> for an event that can never be
    /// applied: it goes to the error queue without retries.
    /// </summary>
    protected abstract Task HandleAsync(TEvent message, EventMetadata metadata, CancellationToken cancellationToken);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Consumer} already processed message {MessageId}; skipped")]
    private static partial void LogDuplicate(ILogger logger, string consumer, Guid messageId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Consumer} skipped {Subject} version {Version}: version {Applied} is already applied")]
    private static partial void LogStale(ILogger logger, string consumer, string subject, long version, long applied);
}
