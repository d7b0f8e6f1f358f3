using System.Text.Json.Nodes;
using Google.Api;
using Google.Protobuf.Reflection;
using Industry.Common.V1;
using Industry.ContractDocs.Descriptors;
using Industry.ContractDocs.Schemas;

namespace Industry.ContractDocs.OpenApi;

/// <summary>
/// OpenAPI 3.1 of every <c>google.api.http</c> rule of the suite's services (additional bindings included), as the
/// services' JSON transcoding serves them: path variables from the template, the body (<c>*</c> or one field), and
/// every other request field as a query parameter.
/// </summary>
internal static class OpenApiDocument
{
    private const string SchemaPrefix = "#/components/schemas/";
    private const string ErrorResponse = "#/components/responses/Error";
    private const int ServiceMethod = 2;

    public static JsonObject Build(ProtoSet protos)
    {
        var schemas = new JsonSchemaMapping(protos, SchemaPrefix);
        var access = new AccessLevels(protos);
        var paths = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        var tags = new JsonArray();
        foreach (var file in protos.SuiteFiles)
        {
            for (var s = 0; s < file.Service.Count; s++)
            {
                var service = file.Service[s];
                var serviceName = file.Package + "." + service.Name;
                var servicePath = ProtoSet.ServicePath(s);
                var operations = 0;
                for (var m = 0; m < service.Method.Count; m++)
                {
                    var method = service.Method[m];
                    if (method.Options?.GetExtension(AnnotationsExtensions.Http) is not { } rule)
                    {
                        continue;
                    }

                    var description = Describe(protos.Comment(file, ProtoSet.Append(servicePath, ServiceMethod, m)), method, access);
                    var bindings = new[] { rule }.Concat(rule.AdditionalBindings).ToList();
                    for (var b = 0; b < bindings.Count; b++)
                    {
                        var operationId = service.Name + "_" + method.Name + (b == 0 ? "" : "_" + b);
                        var (verb, template) = Pattern(bindings[b]);
                        var path = PathTemplate.Parse(template);
                        var item = paths.TryGetValue(path.Path, out var existing) ? existing : paths[path.Path] = [];
                        if (item.ContainsKey(verb))
                        {
                            throw new InvalidOperationException($"{verb.ToUpperInvariant()} {path.Path} is bound twice ({operationId}).");
                        }

                        item[verb] = Operation(schemas, method, bindings[b], path, serviceName, operationId, description);
                        operations++;
                    }
                }

                if (operations > 0)
                {
                    var tag = new JsonObject { ["name"] = serviceName };
                    if (protos.Comment(file, servicePath) is { } comment)
                    {
                        tag["description"] = comment;
                    }

                    tags.Add(tag);
                }
            }
        }

        var pathsObject = new JsonObject();
        foreach (var (path, item) in paths)
        {
            pathsObject[path] = item;
        }

        var status = schemas.TypeSchema("google.rpc.Status");
        return new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject
            {
                ["title"] = "Industry suite JSON/REST API",
                ["version"] = "v1",
                ["description"] = Texts.OpenApiIntroduction,
            },
            ["servers"] = new JsonArray(new JsonObject { ["url"] = "/", ["description"] = "The gateway that serves this document." }),
            ["security"] = new JsonArray(new JsonObject { ["bearer"] = new JsonArray() }),
            ["tags"] = tags,
            ["paths"] = pathsObject,
            ["components"] = new JsonObject
            {
                ["securitySchemes"] = new JsonObject
                {
                    ["bearer"] = new JsonObject
                    {
                        ["type"] = "http",
                        ["scheme"] = "bearer",
                        ["bearerFormat"] = "JWT",
                        ["description"] = "A JWT with the caller's `role` (and `city` or `county` for an editor): docs/security.md.",
                    },
                },
                ["responses"] = new JsonObject
                {
                    ["Error"] = new JsonObject
                    {
                        ["description"] = Texts.ErrorDescription,
                        ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = status } },
                    },
                },
                ["schemas"] = schemas.Components(),
            },
        };
    }

    private static JsonObject Operation(JsonSchemaMapping schemas, MethodDescriptorProto method, HttpRule rule, PathTemplate path,
        string serviceName, string operationId, string description)
    {
        var parameters = new JsonArray();
        var input = schemas.MessageFields(method.InputType);
        foreach (var parameter in path.Parameters)
        {
            parameters.Add(PathParameterObject(schemas, input, path, parameter));
        }

        var bound = path.BoundFields.Select(f => f.Split('.')[0]).ToHashSet(StringComparer.Ordinal);
        var operation = new JsonObject
        {
            ["operationId"] = operationId,
            ["tags"] = new JsonArray(serviceName),
            ["summary"] = method.Name,
            ["description"] = description,
        };
        if (rule.Body != "*")
        {
            foreach (var query in QueryParameters.For(schemas, method.InputType, bound, rule.Body))
            {
                parameters.Add(query);
            }
        }

        if (parameters.Count > 0)
        {
            operation["parameters"] = parameters;
        }

        if (rule.Body.Length > 0)
        {
            var body = rule.Body == "*"
                ? bound.Count == 0 ? schemas.TypeSchema(method.InputType) : schemas.MessageWithout(method.InputType, bound)
                : schemas.FieldValue(input.Single(f => f.Name == rule.Body));
            operation["requestBody"] = new JsonObject
            {
                ["required"] = true,
                ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = body } },
            };
        }

        var output = rule.ResponseBody.Length > 0
            ? schemas.FieldValue(schemas.MessageFields(method.OutputType).Single(f => f.Name == rule.ResponseBody))
            : schemas.TypeSchema(method.OutputType);
        operation["responses"] = new JsonObject
        {
            ["200"] = new JsonObject
            {
                ["description"] = "OK: `" + ProtoSet.Strip(method.OutputType) + "`" + (rule.ResponseBody.Length > 0 ? "." + rule.ResponseBody : "") + ".",
                ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = output } },
            },
            ["401"] = new JsonObject { ["$ref"] = ErrorResponse },
            ["403"] = new JsonObject { ["$ref"] = ErrorResponse },
            ["default"] = new JsonObject { ["$ref"] = ErrorResponse },
        };
        return operation;
    }

    private static JsonObject PathParameterObject(JsonSchemaMapping schemas, IReadOnlyList<FieldDescriptorProto> input, PathTemplate path,
        PathParameter parameter)
    {
        JsonObject schema;
        string description;
        if (parameter.Segments is null)
        {
            schema = schemas.FieldValue(schemas.FieldAt(input, parameter.FieldPath));
            description = $"The request field `{parameter.FieldPath}`.";
        }
        else
        {
            schema = new JsonObject { ["type"] = "string" };
            description = $"A segment of the request field `{parameter.FieldPath}` = `{path.FieldShape(parameter.FieldPath)}` (a resource name).";
            if (!parameter.MatchesSlashes)
            {
                schema["pattern"] = "^[^/]+$";
            }
        }

        return new JsonObject
        {
            ["name"] = parameter.Name,
            ["in"] = "path",
            ["required"] = true,
            ["description"] = description,
            ["schema"] = schema,
        };
    }

    private static (string Verb, string Template) Pattern(HttpRule rule) => rule.PatternCase switch
    {
        HttpRule.PatternOneofCase.Get => ("get", rule.Get),
        HttpRule.PatternOneofCase.Put => ("put", rule.Put),
        HttpRule.PatternOneofCase.Post => ("post", rule.Post),
        HttpRule.PatternOneofCase.Delete => ("delete", rule.Delete),
        HttpRule.PatternOneofCase.Patch => ("patch", rule.Patch),
        HttpRule.PatternOneofCase.Custom => (rule.Custom.Kind.ToLowerInvariant(), rule.Custom.Path),
        _ => throw new InvalidOperationException("An HTTP rule without a pattern."),
    };

    private static string Describe(string? comment, MethodDescriptorProto method, AccessLevels access)
    {
        var level = method.Options.HasExtension(AccessExtensions.Access) ? method.Options.GetExtension(AccessExtensions.Access) : Access.Unspecified;
        var text = access.Describe(level);
        return (comment is null ? "" : comment + "\n\n") + text;
    }
}
