namespace Industry.ContractDocs;

/// <summary>The prose of the documents that no proto comment holds.</summary>
internal static class Texts
{
    public const string OpenApiIntroduction =
        "The suite's JSON/REST API, served by the gateway and generated from the `google.api.http` rules of `protos/` " +
        "(tools/Industry.ContractDocs, ADR 0030). Bodies and answers are the proto3 JSON mapping: lowerCamelCase names, " +
        "64-bit integers as strings, enums as names, timestamps in RFC 3339. Every call needs a bearer token; each " +
        "operation's description says which roles may call it. The same methods are callable over gRPC and gRPC-Web " +
        "(docs/api.md).";

    public const string ErrorDescription =
        "An error, as `google.rpc.Status` in the proto3 JSON mapping: the gRPC `code`, a `message` for people, and " +
        "`details` such as `google.rpc.ErrorInfo` (its `reason` is stable, match on it), `google.rpc.BadRequest` or " +
        "`google.rpc.PreconditionFailure` (ADR 0006). HTTP 401 without a valid token, 403 when the token's role or " +
        "city may not make the call.";

    public const string AsyncApiIntroduction =
        "The suite's domain events on RabbitMQ, generated from the `events.proto` files of `protos/` " +
        "(tools/Industry.ContractDocs, ADR 0030): every message whose field 1 is `industry.common.v1.EventMetadata " +
        "metadata`. Each event type has its own durable fanout exchange `<proto package>.<kebab-case message name>`; " +
        "bind a durable queue of your own to it. Bodies are the proto3 JSON mapping; the AMQP `message_id` is the " +
        "event id (also `cloudEvents:id`). Delivery is at-least-once and unordered: skip message ids already " +
        "processed and, per subject, apply an event only if its `subjectVersion` is higher than the last applied. " +
        "docs/events.md tells the whole contract.";

    public const string ServerDescription =
        "The suite's RabbitMQ, vhost `/` (locally `amqp://guest:guest@localhost:5672/`; in a cluster, ask the operators for a user).";
}
