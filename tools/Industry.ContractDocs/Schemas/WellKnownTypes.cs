using System.Text.Json.Nodes;
using Type = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Type;

namespace Industry.ContractDocs.Schemas;

/// <summary>The well-known types whose proto3 JSON form is not an object of their fields, inline.</summary>
internal static class WellKnownTypes
{
    public static JsonObject? Inline(string fullName) => fullName switch
    {
        "google.protobuf.Timestamp" => new JsonObject { ["type"] = "string", ["format"] = "date-time", ["description"] = "RFC 3339, UTC (`Z`), 0, 3, 6 or 9 fractional digits." },
        "google.protobuf.Duration" => new JsonObject { ["type"] = "string", ["pattern"] = "^-?[0-9]+(\\.[0-9]{1,9})?s$", ["description"] = "Seconds with an `s` suffix, e.g. `1.5s`." },
        "google.protobuf.FieldMask" => new JsonObject { ["type"] = "string", ["description"] = "Comma-separated field paths in lowerCamelCase, e.g. `displayName,address.city`." },
        "google.protobuf.Empty" => new JsonObject { ["type"] = "object", ["properties"] = new JsonObject() },
        "google.protobuf.Struct" => new JsonObject { ["type"] = "object", ["additionalProperties"] = true },
        "google.protobuf.Value" => new JsonObject { ["description"] = "Any JSON value." },
        "google.protobuf.ListValue" => new JsonObject { ["type"] = "array", ["items"] = new JsonObject() },
        "google.protobuf.NullValue" => new JsonObject { ["type"] = "null" },
        "google.protobuf.Any" => new JsonObject
        {
            ["type"] = "object",
            ["description"] = "A message of the type named by `@type` (`type.googleapis.com/<full name>`), with that message's fields beside it.",
            ["properties"] = new JsonObject { ["@type"] = new JsonObject { ["type"] = "string" } },
            ["required"] = new JsonArray("@type"),
            ["additionalProperties"] = true,
        },
        "google.protobuf.DoubleValue" => Nullable(Type.Double),
        "google.protobuf.FloatValue" => Nullable(Type.Float),
        "google.protobuf.Int64Value" => Nullable(Type.Int64),
        "google.protobuf.UInt64Value" => Nullable(Type.Uint64),
        "google.protobuf.Int32Value" => Nullable(Type.Int32),
        "google.protobuf.UInt32Value" => Nullable(Type.Uint32),
        "google.protobuf.BoolValue" => Nullable(Type.Bool),
        "google.protobuf.StringValue" => Nullable(Type.String),
        "google.protobuf.BytesValue" => Nullable(Type.Bytes),
        _ => null,
    };

    /// <summary>Whether a query parameter can carry the type as one value (its JSON form is a string or a scalar).</summary>
    public static bool IsSingleValue(string fullName) =>
        Inline(fullName) is { } schema && schema["type"] is { } type && (type.GetValueKind() == System.Text.Json.JsonValueKind.Array
            || type.GetValue<string>() is not ("object" or "array" or "null"));

    // A wrapper is its scalar, or null for "not set".
    private static JsonObject Nullable(Type type)
    {
        var schema = Scalars.Schema(type);
        schema["type"] = new JsonArray(schema["type"]!.GetValue<string>(), "null");
        return schema;
    }
}
