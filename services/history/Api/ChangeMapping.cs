using System.Text.Json.Nodes;
using Google.Protobuf.WellKnownTypes;
using Industry.ServiceDefaults.Messaging.Wire;
using Proto = Industry.History.V1;

namespace Industry.History.Api;

/// <summary>Stored entries as the API's changes.</summary>
internal static class ChangeMapping
{
    public static Proto.Change ToChange(this HistoryEntry entry) => new()
    {
        Position = entry.Position,
        EventId = entry.EventId,
        EventType = entry.EventType,
        Subject = entry.Subject,
        SubjectVersion = entry.SubjectVersion,
        Actor = entry.Actor,
        OccurTime = WireTime.ToTimestamp(entry.OccurTime),
        ResourceType = entry.ResourceType,
        CityCode = entry.CityCode,
        CountyCode = entry.CountyCode,
        TraceId = entry.TraceId,
    };

    public static Proto.FieldChange ToProto(this FieldDifference difference)
    {
        var change = new Proto.FieldChange { Path = difference.Path };
        if (difference.OldValue is not null)
        {
            change.OldValue = ToValue(difference.OldValue);
        }

        if (difference.NewValue is not null)
        {
            change.NewValue = ToValue(difference.NewValue);
        }

        return change;
    }

    /// <summary>
    /// The entry's field changes from <paramref name="previous"/>, the record's nearest earlier state, to
    /// <paramref name="current"/>, the entry's own (<see cref="State"/>, parsed once by the caller). A first entry
    /// that is a snapshot (a record older than the history, ADR 0042) lists every field it sets, since everything it
    /// holds is news to the history; a first entry made by a change (a creation) has nothing to differ from.
    /// </summary>
    public static IReadOnlyList<FieldDifference> Diff(this HistoryEntry entry, JsonObject? previous, JsonObject? current) =>
        StateDiff.Between(previous ?? (EventCatalog.Find(entry.EventType)?.IsSnapshot == true ? new JsonObject() : null), current);

    /// <summary>The record's state in an entry's body, or null when the event carries none.</summary>
    public static JsonObject? State(this HistoryEntry entry) =>
        JsonNode.Parse(entry.Body) is JsonObject body ? EventFacts.State(body, entry.Subject) : null;

    private static Value ToValue(JsonNode node) => Value.Parser.ParseJson(node.ToJsonString());
}
