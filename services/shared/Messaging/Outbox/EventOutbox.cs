using System.Diagnostics;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Industry.Common.V1;
using Industry.ServiceDefaults.Hosting;
using Industry.ServiceDefaults.Messaging.Wire;
using Industry.ServiceDefaults.Resources;
using Microsoft.EntityFrameworkCore;

namespace Industry.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// Raises an event: fills its <c>metadata</c> and adds it to the outbox of the service's DbContext. Nothing is sent
/// here; the row commits with the caller's <c>SaveChangesAsync</c>, in the same transaction as the state change, and
/// the relay publishes it. Handlers never publish directly: an event sent before the commit could announce a change
/// that is then rolled back, and one sent after could be lost (docs/conventions.md §4.3, ADR 0011).
/// </summary>
public sealed class EventOutbox(DbContext db, ServiceIdentity identity, TimeProvider clock)
{
    /// <summary>Adds <paramref name="event"/> about <paramref name="subject"/> at <paramref name="subjectVersion"/>; returns its event id.</summary>
    public Guid Add<TEvent>(TEvent @event, string subject, long subjectVersion, string actor)
        where TEvent : IMessage<TEvent>
    {
        var row = Row(@event, subject, subjectVersion, actor);
        db.Set<OutboxMessage>().Add(row);
        return row.MessageId;
    }

    /// <summary>
    /// The outbox row of <paramref name="event"/> (its <c>metadata</c> filled), not added to the DbContext: for a
    /// writer that inserts many rows by one statement (<see cref="OutboxRows"/>).
    /// </summary>
    public OutboxMessage Row(IMessage @event, string subject, long subjectVersion, string actor)
    {
        var type = EventCatalog.For(@event.GetType());
        var id = Guid.NewGuid(); // UUID v4, as event_metadata.proto declares
        var now = WireTime.UtcNow(clock); // what the database keeps, so body and row agree
        type.Descriptor.Fields[1].Accessor.SetValue(@event, new EventMetadata
        {
            EventId = id.ToString(),
            EventType = type.FullName,
            Source = identity.EventSource,
            OccurTime = Timestamp.FromDateTime(now),
            Subject = subject,
            SubjectVersion = subjectVersion,
            Actor = actor,
        });

        var activity = Activity.Current;
        return new OutboxMessage
        {
            MessageId = id,
            EventType = type.FullName,
            Subject = subject,
            SubjectVersion = subjectVersion,
            Actor = actor,
            OccurTime = now,
            Body = ProtoJson.Formatter.Format(@event),
            TraceParent = activity?.IdFormat == ActivityIdFormat.W3C ? activity.Id : null,
            TraceState = activity?.TraceStateString,
        };
    }
}
