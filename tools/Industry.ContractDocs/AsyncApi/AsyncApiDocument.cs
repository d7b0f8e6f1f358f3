using System.Text.Json.Nodes;
using Google.Protobuf.Reflection;
using Industry.ContractDocs.Descriptors;
using Industry.ContractDocs.Schemas;

namespace Industry.ContractDocs.AsyncApi;

/// <summary>
/// AsyncAPI 3.0 of every event: one channel per fanout exchange with its AMQP binding, the event's message with the
/// CloudEvents headers and its payload schema, and a receive operation for consumers.
/// </summary>
internal static class AsyncApiDocument
{
    private const string SchemaPrefix = "#/components/schemas/";
    private const string BindingVersion = "0.3.0";
    private const string EventMetadata = ".industry.common.v1.EventMetadata";

    public static JsonObject Build(ProtoSet protos)
    {
        var schemas = new JsonSchemaMapping(protos, SchemaPrefix);
        var channels = new JsonObject();
        var operations = new JsonObject();
        var messages = new JsonObject();
        foreach (var @event in Events(protos))
        {
            var exchange = ExchangeName(@event);
            var name = @event.Proto.Name;
            var comment = protos.Comment(@event.File, @event.Path);
            var message = new JsonObject
            {
                ["name"] = name,
                ["title"] = @event.FullName,
                ["summary"] = comment?.Split('\n')[0] ?? @event.FullName,
            };
            if (comment is not null)
            {
                message["description"] = comment;
            }

            message["contentType"] = "application/json";
            message["headers"] = CloudEventsHeaders.Schema(@event.FullName);
            message["payload"] = schemas.TypeSchema(@event.FullName);
            message["correlationId"] = new JsonObject
            {
                ["description"] = "The event id: the AMQP `message_id`, repeated in this header and in `metadata.eventId`.",
                ["location"] = "$message.header#/cloudEvents:id",
            };
            messages[@event.FullName] = message;

            channels[exchange] = new JsonObject
            {
                ["address"] = exchange,
                ["title"] = @event.FullName,
                ["description"] = $"The durable fanout exchange of `{@event.FullName}`: bind a queue of your own to it (the routing key is ignored).",
                ["messages"] = new JsonObject { [name] = new JsonObject { ["$ref"] = "#/components/messages/" + @event.FullName } },
                ["bindings"] = new JsonObject
                {
                    ["amqp"] = new JsonObject
                    {
                        ["is"] = "routingKey",
                        ["exchange"] = new JsonObject
                        {
                            ["name"] = exchange,
                            ["type"] = "fanout",
                            ["durable"] = true,
                            ["autoDelete"] = false,
                            ["vhost"] = "/",
                        },
                        ["bindingVersion"] = BindingVersion,
                    },
                },
            };
            operations["receive." + exchange] = new JsonObject
            {
                ["action"] = "receive",
                ["channel"] = new JsonObject { ["$ref"] = "#/channels/" + exchange },
                ["summary"] = $"Consume `{name}` from a queue bound to `{exchange}`.",
                ["messages"] = new JsonArray(new JsonObject { ["$ref"] = $"#/channels/{exchange}/messages/{name}" }),
                ["bindings"] = new JsonObject { ["amqp"] = new JsonObject { ["ack"] = true, ["bindingVersion"] = BindingVersion } },
            };
        }

        return new JsonObject
        {
            ["asyncapi"] = "3.0.0",
            ["info"] = new JsonObject
            {
                ["title"] = "Industry suite events",
                ["version"] = "v1",
                ["description"] = Texts.AsyncApiIntroduction,
            },
            ["defaultContentType"] = "application/json",
            ["servers"] = new JsonObject
            {
                ["rabbitmq"] = new JsonObject
                {
                    ["host"] = "localhost:5672",
                    ["protocol"] = "amqp",
                    ["protocolVersion"] = "0.9.1",
                    ["description"] = Texts.ServerDescription,
                },
            },
            ["channels"] = channels,
            ["operations"] = operations,
            ["components"] = new JsonObject
            {
                ["messages"] = messages,
                ["schemas"] = schemas.Components(),
            },
        };
    }

    /// <summary>
    /// The events, found as the services find them (services/shared/Messaging/Wire/EventCatalog.cs): every message
    /// whose field 1 is <c>industry.common.v1.EventMetadata metadata</c>. In exchange order.
    /// </summary>
    public static IEnumerable<Declared<DescriptorProto>> Events(ProtoSet protos) =>
        protos.Messages
            .Where(m => m.Proto.Field.FirstOrDefault(f => f.Number == 1) is { Name: "metadata", TypeName: EventMetadata })
            .OrderBy(ExchangeName, StringComparer.Ordinal);

    /// <summary><c>industry.projects.v1.ProjectStateChanged</c> → <c>industry.projects.v1.project-state-changed</c>.</summary>
    public static string ExchangeName(Declared<DescriptorProto> message)
    {
        var name = message.Proto.Name;
        var kebab = string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
        return message.File.Package + "." + kebab;
    }
}
