using System.Text.Json.Nodes;
using Type = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Type;

namespace Industry.ContractDocs.Schemas;

/// <summary>The proto3 JSON forms of the scalar field types.</summary>
internal static class Scalars
{
    public static JsonObject Schema(Type type) => type switch
    {
        Type.Double => Number("double"),
        Type.Float => Number("float"),
        Type.Int32 or Type.Sint32 or Type.Sfixed32 => new JsonObject { ["type"] = "integer", ["format"] = "int32" },
        Type.Uint32 or Type.Fixed32 => new JsonObject { ["type"] = "integer", ["format"] = "uint32", ["minimum"] = 0 },
        // 64-bit integers are strings in JSON: a JavaScript number cannot hold them exactly.
        Type.Int64 or Type.Sint64 or Type.Sfixed64 => new JsonObject { ["type"] = "string", ["format"] = "int64", ["pattern"] = "^-?[0-9]+$" },
        Type.Uint64 or Type.Fixed64 => new JsonObject { ["type"] = "string", ["format"] = "uint64", ["pattern"] = "^[0-9]+$" },
        Type.Bool => new JsonObject { ["type"] = "boolean" },
        Type.String => new JsonObject { ["type"] = "string" },
        Type.Bytes => new JsonObject { ["type"] = "string", ["format"] = "byte", ["contentEncoding"] = "base64" },
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a scalar field type."),
    };

    private static JsonObject Number(string format) => new() { ["type"] = "number", ["format"] = format };
}
