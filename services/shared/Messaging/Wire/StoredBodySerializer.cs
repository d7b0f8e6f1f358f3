using System.Net.Mime;
using MassTransit;

namespace Industry.ServiceDefaults.Messaging.Wire;

/// <summary>
/// Sends an outbox row's stored body (the proto3 JSON <c>EventOutbox</c> wrote) as the message body, byte for byte,
/// instead of parsing it into a message and serialising that again, which cost the relay two passes over every event.
/// The bus's own serializer still runs first for its transport headers (message id, content type, …), so the wire is
/// what it was; only the body it would have produced is never asked for.
/// </summary>
internal sealed class StoredBodySerializer(IMessageSerializer serializer, string body) : IMessageSerializer
{
    public ContentType ContentType => serializer.ContentType;

    public MessageBody GetMessageBody<T>(SendContext<T> context)
        where T : class
    {
        _ = serializer.GetMessageBody(context);
        return new StringMessageBody(body);
    }
}
