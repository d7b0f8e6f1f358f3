using System.Text.Json.Nodes;
using Google.Api;
using Google.Protobuf.Reflection;
using Industry.ContractDocs.Descriptors;
using Label = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Label;
using Type = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Type;

namespace Industry.ContractDocs.Schemas;

/// <summary>
/// The proto3 JSON mapping of messages as JSON Schema, the one mapping both documents use: lowerCamelCase JSON names,
/// 64-bit integers as decimal strings, enums as their names, bytes as base64, the well-known types as their JSON forms
/// (Timestamp RFC 3339, Duration <c>"1.5s"</c>, FieldMask <c>"a,b.c"</c>, wrappers nullable, Struct/Value/ListValue/Any),
/// repeated fields as arrays, maps as objects. Every message and enum becomes one named schema referenced by
/// <c>$ref</c>, which also carries recursive messages. The schemas use only keywords that mean the same in JSON
/// Schema draft-07 (AsyncAPI's default) and 2020-12 (OpenAPI 3.1): a field's description sits beside an
/// <c>allOf</c> of its reference, never beside a bare <c>$ref</c>.
/// </summary>
internal sealed class JsonSchemaMapping(ProtoSet protos, string referencePrefix)
{
    private const int MessageField = 2;
    private const int EnumValue = 2;

    private readonly SortedDictionary<string, JsonObject?> _named = new(StringComparer.Ordinal);

    /// <summary>The named schemas referenced so far, in name order (for <c>components.schemas</c>).</summary>
    public JsonObject Components()
    {
        var result = new JsonObject();
        foreach (var (name, schema) in _named)
        {
            result[name] = schema!.DeepClone();
        }

        return result;
    }

    /// <summary>The schema of a message or enum type (a reference to its named schema, or a well-known type inline).</summary>
    public JsonObject TypeSchema(string typeName)
    {
        var fullName = ProtoSet.Strip(typeName);
        if (WellKnownTypes.Inline(fullName) is { } inline)
        {
            return inline;
        }

        if (!_named.ContainsKey(fullName))
        {
            _named[fullName] = null; // Reserved first, so a recursive message refers to itself instead of recursing.
            _named[fullName] = protos.IsMessage(fullName) ? MessageSchema(protos.Message(fullName), except: new HashSet<string>()) : EnumSchema(fullName);
        }

        return new JsonObject { ["$ref"] = referencePrefix + fullName };
    }

    /// <summary>A message's object schema inline, without the _named fields (a body whose path binds some fields).</summary>
    public JsonObject MessageWithout(string typeName, IReadOnlySet<string> except) =>
        MessageSchema(protos.Message(typeName), except);

    /// <summary>A field's schema, with its comment as description.</summary>
    public JsonObject Field(Declared<DescriptorProto> message, int index)
    {
        var field = message.Proto.Field[index];
        var schema = FieldValue(field);
        var description = protos.Comment(message.File, ProtoSet.Append(message.Path, MessageField, index));
        var outputOnly = field.Options?.GetExtension(FieldBehaviorExtensions.FieldBehavior)?.Contains(FieldBehavior.OutputOnly) == true;
        if (description is null && !outputOnly)
        {
            return schema;
        }

        if (schema.ContainsKey("$ref"))
        {
            schema = new JsonObject { ["allOf"] = new JsonArray(schema) };
        }

        if (description is not null)
        {
            // A well-known type's own note on its form (Timestamp's RFC 3339, …) follows the field's comment.
            var form = schema["description"]?.GetValue<string>();
            schema.Remove("description");
            schema.Insert(0, "description", form is null ? description : description + "\n\n" + form);
        }

        if (outputOnly)
        {
            schema["readOnly"] = true;
        }

        return schema;
    }

    /// <summary>The schema of one value of the field: the element type of a repeated field, the whole map of a map field.</summary>
    public JsonObject FieldValue(FieldDescriptorProto field)
    {
        if (MapEntry(field) is { } entry)
        {
            return new JsonObject
            {
                ["type"] = "object",
                ["additionalProperties"] = Single(entry.Proto.Field.Single(f => f.Number == 2)),
            };
        }

        var single = Single(field);
        return field.Label == Label.Repeated ? new JsonObject { ["type"] = "array", ["items"] = single } : single;
    }

    /// <summary>A message type with its file and source path.</summary>
    public Declared<DescriptorProto> Declared(string typeName) => protos.Message(typeName);

    /// <summary>The fields of a message type.</summary>
    public IReadOnlyList<FieldDescriptorProto> MessageFields(string typeName) => protos.Message(typeName).Proto.Field;

    /// <summary>The field at a dotted path of proto field names (<c>parent.name</c>) from the given fields.</summary>
    public FieldDescriptorProto FieldAt(IReadOnlyList<FieldDescriptorProto> fields, string path)
    {
        var names = path.Split('.');
        var field = fields.Single(f => f.Name == names[0]);
        return names.Length == 1 ? field : FieldAt(MessageFields(field.TypeName), string.Join('.', names.Skip(1)));
    }

    public Declared<DescriptorProto>? MapEntry(FieldDescriptorProto field) =>
        field.Type == Type.Message && field.Label == Label.Repeated && protos.Message(field.TypeName).Proto.Options?.MapEntry == true
            ? protos.Message(field.TypeName)
            : null;

    /// <summary>The JSON name of a field: the one protoc records, else lowerCamelCase of the proto name.</summary>
    public static string JsonName(FieldDescriptorProto field) =>
        field.HasJsonName && field.JsonName.Length > 0 ? field.JsonName : LowerCamel(field.Name);

    private JsonObject Single(FieldDescriptorProto field) => field.Type switch
    {
        Type.Message or Type.Group or Type.Enum => TypeSchema(field.TypeName),
        _ => Scalars.Schema(field.Type),
    };

    private JsonObject MessageSchema(Declared<DescriptorProto> message, IReadOnlySet<string> except)
    {
        var schema = new JsonObject();
        if (protos.Comment(message.File, message.Path) is { } description)
        {
            schema["description"] = description;
        }

        schema["type"] = "object";
        var properties = new JsonObject();
        var required = new JsonArray();
        for (var i = 0; i < message.Proto.Field.Count; i++)
        {
            var field = message.Proto.Field[i];
            if (except.Contains(field.Name))
            {
                continue;
            }

            properties[JsonName(field)] = Field(message, i);
            if (field.Options?.GetExtension(FieldBehaviorExtensions.FieldBehavior)?.Contains(FieldBehavior.Required) == true)
            {
                required.Add(JsonName(field));
            }
        }

        schema["properties"] = properties;
        if (required.Count > 0)
        {
            schema["required"] = required;
        }

        var oneofs = OneofGroups(message.Proto, except);
        if (oneofs.Count > 0)
        {
            schema["allOf"] = oneofs;
        }

        return schema;
    }

    // A (non-synthetic) oneof allows at most one of its members: no two of them together.
    private static JsonArray OneofGroups(DescriptorProto message, IReadOnlySet<string> except)
    {
        var groups = new JsonArray();
        for (var o = 0; o < message.OneofDecl.Count; o++)
        {
            var members = message.Field.Where(f => f.HasOneofIndex && f.OneofIndex == o && !f.Proto3Optional && !except.Contains(f.Name))
                .Select(JsonName).ToList();
            var pairs = new JsonArray();
            for (var a = 0; a < members.Count; a++)
            {
                for (var b = a + 1; b < members.Count; b++)
                {
                    pairs.Add(new JsonObject { ["required"] = new JsonArray(members[a], members[b]) });
                }
            }

            if (pairs.Count > 0)
            {
                groups.Add(new JsonObject { ["not"] = new JsonObject { ["anyOf"] = pairs } });
            }
        }

        return groups;
    }

    private JsonObject EnumSchema(string fullName)
    {
        var declared = protos.Enum(fullName);
        var lines = new List<string>();
        if (protos.Comment(declared.File, declared.Path) is { } comment)
        {
            lines.Add(comment);
            lines.Add("");
        }

        var names = new JsonArray();
        for (var i = 0; i < declared.Proto.Value.Count; i++)
        {
            var value = declared.Proto.Value[i];
            names.Add(value.Name);
            var text = protos.Comment(declared.File, ProtoSet.Append(declared.Path, EnumValue, i));
            lines.Add(text is null ? $"- `{value.Name}`" : $"- `{value.Name}`: {text.Replace("\n", " ", StringComparison.Ordinal)}");
        }

        return new JsonObject
        {
            ["description"] = string.Join('\n', lines),
            ["type"] = "string",
            ["enum"] = names,
        };
    }

    private static string LowerCamel(string name)
    {
        var parts = name.Split('_');
        return parts[0] + string.Concat(parts.Skip(1).Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
    }
}
