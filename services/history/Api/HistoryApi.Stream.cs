using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Industry.ServiceDefaults.Messaging.Wire;
using Microsoft.EntityFrameworkCore;
using Proto = Industry.History.V1;

namespace Industry.History.Api;

/// <summary>
/// <c>StreamEvents</c>: the stored events in position order, read in pages from the database and, when asked to follow,
/// then sent as they are stored. Positions are committed in order (the writer's lock, ADR 0038), so resuming after the last position
/// received neither skips nor repeats an event.
/// </summary>
internal sealed partial class HistoryApi
{
    private const int StreamPage = 500;

    /// <summary>How often a caught-up stream looks for events another replica stored.</summary>
    private static readonly TimeSpan FollowInterval = TimeSpan.FromSeconds(1);

    public override async Task StreamEvents(Proto.StreamEventsRequest request, IServerStreamWriter<Proto.StoredEvent> responseStream, ServerCallContext context)
    {
        if (request.AfterPosition < 0)
        {
            throw ServiceException.InvalidArgument("after_position", "must not be negative.");
        }

        var types = request.EventTypes.Distinct(StringComparer.Ordinal).ToList();
        var unknown = types.Where(t => EventCatalog.Find(t) is null).ToList();
        if (unknown.Count > 0)
        {
            throw ServiceException.InvalidArgument("event_types", $"not event types of the contracts: {string.Join(", ", unknown.Take(5))}.");
        }

        await RefuseArchivedAsync(request, context.CancellationToken);
        var query = Visible(db.Entries.AsNoTracking(), context);
        if (types.Count > 0)
        {
            query = query.Where(e => types.Contains(e.EventType));
        }

        var after = request.AfterPosition;
        if (after == 0 && request.StartTime is { } start)
        {
            var startTime = start.ToDateTime();
            query = query.Where(e => e.OccurTime >= startTime);
        }

        var cancellation = context.CancellationToken;
        while (!cancellation.IsCancellationRequested)
        {
            // Taken before the read: events stored while the page is read wake the wait below instead of being missed.
            var stored = signal.Next;
            var page = await query.Where(e => e.Position > after).OrderBy(e => e.Position).Take(StreamPage).ToListAsync(cancellation);
            foreach (var entry in page)
            {
                await responseStream.WriteAsync(ToStoredEvent(entry), cancellation);
                after = entry.Position;
            }

            if (page.Count < StreamPage)
            {
                if (!request.Follow)
                {
                    return;
                }

                await Task.WhenAny(stored, Task.Delay(FollowInterval, clock, cancellation));
            }
        }
    }

    /// <summary>
    /// FAILED_PRECONDITION when the replay asked for would begin inside archived months (ADR 0043): the caller learns
    /// the horizon from the details and resumes after it, instead of receiving a stream with a silent gap.
    /// </summary>
    private async Task RefuseArchivedAsync(Proto.StreamEventsRequest request, CancellationToken cancellationToken)
    {
        var newest = await db.ArchivedMonths.AsNoTracking().OrderByDescending(m => m.MonthStart).FirstOrDefaultAsync(cancellationToken);
        if (newest is null)
        {
            return;
        }

        var horizon = new ArchiveHorizon(newest.LastPosition, newest.MonthEnd);
        if (horizon.Problem(request.AfterPosition, request.StartTime?.ToDateTime()) is { } problem)
        {
            var keptFrom = horizon.KeptFrom.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
            throw new ServiceException(ErrorKind.FailedPrecondition, "EVENTS_ARCHIVED", $"Cannot replay from there: {problem}",
                new Dictionary<string, string>
                {
                    ["archived_through_position"] = horizon.LastPosition.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["kept_from_time"] = keptFrom,
                    ["archived_through_month"] = newest.MonthStart.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
                },
                preconditionViolations: [new PreconditionViolation("ARCHIVED", request.AfterPosition > 0 || request.StartTime is null ? "after_position" : "start_time", problem)]);
        }
    }

    private static Proto.StoredEvent ToStoredEvent(HistoryEntry entry)
    {
        var type = EventCatalog.Find(entry.EventType);
        var message = type is null ? null : JsonParser.Default.Parse(entry.Body, type.Descriptor);
        var stored = new Proto.StoredEvent
        {
            Position = entry.Position,
            Id = entry.EventId,
            Source = entry.Source,
            Type = entry.EventType,
            Time = WireTime.ToTimestamp(entry.OccurTime),
            Subject = entry.Subject,
            SubjectVersion = entry.SubjectVersion,
            Actor = entry.Actor,
            Traceparent = entry.TraceParent ?? string.Empty,
        };
        if (message is not null)
        {
            stored.Event = Any.Pack(message);
        }

        return stored;
    }
}
