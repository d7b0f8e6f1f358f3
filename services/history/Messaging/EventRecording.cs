using System.Text.Json.Nodes;
using Google.Protobuf;
using Industry.Common.V1;
using Industry.ServiceDefaults.Messaging;
using Industry.ServiceDefaults.Messaging.Wire;

namespace Industry.History.Messaging;

/// <summary>The history entry of one delivered event: its envelope, where its record is, and its body as proto3 JSON.</summary>
internal static class EventRecording
{
    public static HistoryEntry From(IMessage @event, Guid? messageId, string? traceParent, DateTime storeTime)
    {
        var type = EventCatalog.For(@event.GetType());
        var metadata = type.Descriptor.Fields[1].Accessor.GetValue(@event) as EventMetadata
            ?? throw new InvalidEventException($"{type.FullName} has no metadata.");
        var eventId = Guid.TryParse(metadata.EventId, out var id) ? id
            : messageId ?? throw new InvalidEventException($"{type.FullName} has neither an event id nor a message id.");
        if (metadata.Subject.Length is 0 or > 300)
        {
            throw new InvalidEventException($"{type.FullName} {eventId} has no subject, or one longer than 300 characters.");
        }

        var json = JsonFormatter.Default.Format(@event);
        var body = JsonNode.Parse(json) as JsonObject ?? throw new InvalidEventException($"{type.FullName} {eventId} is not a JSON object.");
        var state = EventFacts.State(body, metadata.Subject);
        return new HistoryEntry
        {
            EventId = eventId.ToString(),
            EventType = type.FullName,
            Source = Truncate(metadata.Source, 200),
            Subject = metadata.Subject,
            SubjectVersion = metadata.SubjectVersion,
            Actor = Truncate(metadata.Actor, 200),
            OccurTime = metadata.OccurTime?.ToDateTime() ?? storeTime,
            StoreTime = storeTime,
            ResourceType = Truncate(EventFacts.ResourceType(metadata.Subject), 200),
            CityCode = Truncate(EventFacts.Code(body, state, "cityCode"), 12),
            CountyCode = Truncate(EventFacts.Code(body, state, "countyCode"), 12),
            TraceParent = traceParent is { Length: > 0 and <= 64 } ? traceParent : null,
            Body = json,
        };
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
