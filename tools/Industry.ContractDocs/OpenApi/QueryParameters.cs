using System.Text.Json.Nodes;
using Google.Protobuf.Reflection;
using Industry.ContractDocs.Descriptors;
using Industry.ContractDocs.Schemas;
using Label = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Label;
using Type = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Type;

namespace Industry.ContractDocs.OpenApi;

/// <summary>
/// The request fields neither in the path nor in the body, as query parameters the way JSON transcoding reads them:
/// one parameter per scalar, enum or single-valued well-known type, named by its JSON name, a nested message's fields
/// as <c>outer.inner</c>, a repeated scalar as the parameter repeated. Maps and repeated messages cannot be sent in a
/// query and are left out.
/// </summary>
internal static class QueryParameters
{
    private const int MaxDepth = 3;

    public static IEnumerable<JsonObject> For(JsonSchemaMapping schemas, string inputType, IReadOnlySet<string> bound, string body) =>
        Expand(schemas, inputType, f => !bound.Contains(f.Name) && f.Name != body, "", [inputType], 0);

    private static IEnumerable<JsonObject> Expand(JsonSchemaMapping schemas, string messageType, Func<FieldDescriptorProto, bool> include,
        string prefix, IReadOnlyList<string> enclosing, int depth)
    {
        var message = schemas.Declared(messageType);
        for (var i = 0; i < message.Proto.Field.Count; i++)
        {
            var field = message.Proto.Field[i];
            if (!include(field) || schemas.MapEntry(field) is not null)
            {
                continue;
            }

            var name = prefix + JsonSchemaMapping.JsonName(field);
            var isMessage = field.Type is Type.Message or Type.Group;
            if (!isMessage || WellKnownTypes.IsSingleValue(ProtoSet.Strip(field.TypeName)))
            {
                yield return Parameter(name, schemas.Field(message, i), field.Label == Label.Repeated);
            }
            else if (field.Label != Label.Repeated && depth < MaxDepth && !enclosing.Contains(field.TypeName))
            {
                foreach (var nested in Expand(schemas, field.TypeName, _ => true, name + ".", [.. enclosing, field.TypeName], depth + 1))
                {
                    yield return nested;
                }
            }
        }
    }

    private static JsonObject Parameter(string name, JsonObject schema, bool repeated)
    {
        var parameter = new JsonObject { ["name"] = name, ["in"] = "query" };
        if (schema["description"] is { } description)
        {
            schema.Remove("description");
            parameter["description"] = description;
        }

        parameter["required"] = false;
        parameter["schema"] = schema;
        if (repeated)
        {
            parameter["style"] = "form";
            parameter["explode"] = true;
        }

        return parameter;
    }
}
