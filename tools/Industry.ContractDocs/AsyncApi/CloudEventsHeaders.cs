using System.Text.Json.Nodes;

namespace Industry.ContractDocs.AsyncApi;

/// <summary>
/// The AMQP application headers of every event: the CloudEvents 1.0 attributes in binary content mode with the
/// <c>cloudEvents:</c> prefix of the CloudEvents AMQP binding, as services/shared/Messaging/Wire/CloudEventHeaders.cs
/// sets them and docs/events.md §4 lists them.
/// </summary>
internal static class CloudEventsHeaders
{
    public static JsonObject Schema(string eventType) => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            ["cloudEvents:specversion"] = Text("Always `1.0`.", new JsonObject { ["const"] = "1.0" }),
            ["cloudEvents:id"] = Text("The event id, equal to the AMQP `message_id` and `metadata.eventId`: skip ids already processed.", new JsonObject { ["format"] = "uuid" }),
            ["cloudEvents:source"] = Text("The publishing service as a URI reference, e.g. `//projects.industry.anhui.gov.cn`.", new JsonObject { ["format"] = "uri-reference" }),
            ["cloudEvents:type"] = Text("The proto full name of the event message.", new JsonObject { ["const"] = eventType }),
            ["cloudEvents:time"] = Text("When the change was made (`metadata.occurTime`), ISO 8601 UTC.", new JsonObject { ["format"] = "date-time" }),
            ["cloudEvents:subject"] = Text("The full resource name of the resource the event is about (`metadata.subject`)."),
            ["cloudEvents:datacontenttype"] = Text("Always `application/json`.", new JsonObject { ["const"] = "application/json" }),
            ["cloudEvents:subjectversion"] = Text("The subject's version after the change, as a decimal string: order by it.", new JsonObject { ["pattern"] = "^[0-9]+$" }),
            ["cloudEvents:actor"] = Text("Who made the change: the caller's JWT `sub`, `service:<name>`, or `anonymous`."),
            ["cloudEvents:traceparent"] = Text("W3C trace context of the request that made the change; absent if it was not traced."),
        },
        ["required"] = new JsonArray(
            "cloudEvents:specversion", "cloudEvents:id", "cloudEvents:source", "cloudEvents:type", "cloudEvents:time",
            "cloudEvents:subject", "cloudEvents:datacontenttype", "cloudEvents:subjectversion", "cloudEvents:actor"),
    };

    private static JsonObject Text(string description, JsonObject? constraint = null)
    {
        var schema = new JsonObject { ["type"] = "string", ["description"] = description };
        foreach (var (key, value) in constraint ?? [])
        {
            schema[key] = value?.DeepClone();
        }

        return schema;
    }
}
