using System.Globalization;
using Industry.ServiceDefaults.Messaging.Outbox;

namespace Industry.ServiceDefaults.Messaging.Wire;

/// <summary>
/// The CloudEvents attributes of an event, as AMQP headers with the <c>cloudEvents:</c> prefix of the CloudEvents AMQP
/// protocol binding (docs/events.md). The same values are in the body's <c>metadata</c>; the headers let a router or
/// a consumer decide without parsing the body.
/// </summary>
public static class CloudEventHeaders
{
    public const string Prefix = "cloudEvents:";
    public const string SpecVersion = Prefix + "specversion";
    public const string Id = Prefix + "id";
    public const string Source = Prefix + "source";
    public const string Type = Prefix + "type";
    public const string Time = Prefix + "time";
    public const string Subject = Prefix + "subject";
    public const string DataContentType = Prefix + "datacontenttype";

    /// <summary>Extension attribute: the resource's version after the change, for ordering.</summary>
    public const string SubjectVersion = Prefix + "subjectversion";

    /// <summary>Extension attribute: who made the change (the JWT subject).</summary>
    public const string Actor = Prefix + "actor";

    /// <summary>CloudEvents distributed-tracing extension (W3C trace context).</summary>
    public const string TraceParent = Prefix + "traceparent";

    /// <summary>The content type of every event body, the AMQP <c>content_type</c> and <c>datacontenttype</c>.</summary>
    public const string JsonContentType = "application/json";

    /// <summary>The headers of a row's event; AMQP sends each string as a long string (UTF-8).</summary>
    public static Dictionary<string, object?> For(OutboxMessage row, string source)
    {
        var headers = new Dictionary<string, object?>(12, StringComparer.Ordinal)
        {
            [SpecVersion] = "1.0",
            [Id] = row.MessageId.ToString(),
            [Source] = source,
            [Type] = row.EventType,
            [Time] = DateTime.SpecifyKind(row.OccurTime, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture),
            [Subject] = row.Subject,
            [DataContentType] = JsonContentType,
            [SubjectVersion] = row.SubjectVersion.ToString(CultureInfo.InvariantCulture),
            [Actor] = row.Actor,
        };
        if (row.TraceParent is not null)
        {
            headers[TraceParent] = row.TraceParent;
        }

        return headers;
    }
}
