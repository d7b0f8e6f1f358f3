using System.Text.Json.Nodes;

namespace Industry.History.Domain;

/// <summary>
/// What the history reads from an event body, generically (no per-event code, so a new event type is kept the day it
/// lands): the record's state after the change and where the record is.
/// </summary>
public static class EventFacts
{
    /// <summary>
    /// The record's state after the change: the body's top-level object whose <c>name</c> is the subject (the full
    /// resource every event carries, docs/events.md), or <see langword="null"/> for an event that carries none (a
    /// reminder, a correction whose subject is the parent).
    /// </summary>
    public static JsonObject? State(JsonObject body, string subject) =>
        body.Where(p => p.Key != "metadata")
            .Select(p => p.Value as JsonObject)
            .FirstOrDefault(o => o?["name"] is JsonValue name && name.TryGetValue<string>(out var text) && text == subject);

    /// <summary>A code of the record (<c>cityCode</c>, <c>countyCode</c>): from its state, else from the body's top level, else empty.</summary>
    public static string Code(JsonObject body, JsonObject? state, string field) =>
        Text(state?[field]) ?? Text(body[field]) ?? string.Empty;

    /// <summary>The collections of a resource name without its ids: <c>clusters/c-1/revenueReports/2024-03</c> → <c>clusters/revenueReports</c>.</summary>
    public static string ResourceType(string subject) =>
        string.Join('/', subject.Split('/').Where((_, index) => index % 2 == 0));

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}
