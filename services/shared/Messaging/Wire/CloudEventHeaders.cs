using System.Globalization;
using Industry.ServiceDefaults.Messaging.Outbox;
using MassTransit;

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

    public static void Apply(SendHeaders headers, OutboxMessage row, string source)
    {
        headers.Set(SpecVersion, "1.0");
        headers.Set(Id, row.MessageId.ToString());
        headers.Set(Source, source);
        headers.Set(Type, row.EventType);
        headers.Set(Time, DateTime.SpecifyKind(row.OccurTime, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture));
        headers.Set(Subject, row.Subject);
        headers.Set(DataContentType, "application/json");
        headers.Set(SubjectVersion, row.SubjectVersion.ToString(CultureInfo.InvariantCulture));
        headers.Set(Actor, row.Actor);
        if (row.TraceParent is not null)
        {
            headers.Set(TraceParent, row.TraceParent);
        }
    }
}
