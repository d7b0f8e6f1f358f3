using System.Text.Json.Nodes;
using Json.Schema;

namespace Industry.EndToEndTests.ApiDocs;

/// <summary>
/// A served OpenAPI document, read the way a client generator reads it: operations by id, URLs built from their path
/// templates and declared parameters, bodies and answers checked against their schemas (JSON Schema 2020-12, the
/// dialect of OpenAPI 3.1).
/// </summary>
internal sealed class OpenApiDescription
{
    private const string Components = "#/components/schemas/";
    private readonly JsonObject _document;
    private readonly JsonObject _definitions;

    public OpenApiDescription(string json)
    {
        _document = JsonNode.Parse(json)!.AsObject();
        // The schemas refer to each other as #/components/schemas/X; as $defs of each checked schema they resolve alike.
        _definitions = JsonNode.Parse(json.Replace(Components, "#/$defs/", StringComparison.Ordinal))!["components"]!["schemas"]!.AsObject();
    }

    public Operation Find(string operationId)
    {
        foreach (var (path, item) in _document["paths"]!.AsObject())
        {
            foreach (var (verb, operation) in item!.AsObject())
            {
                if ((string?)operation!["operationId"] == operationId)
                {
                    return new Operation(this, new HttpMethod(verb.ToUpperInvariant()), path, operation.AsObject());
                }
            }
        }

        throw new InvalidOperationException($"The document has no operation {operationId}.");
    }

    /// <summary>The schema errors of <paramref name="instance"/> against <paramref name="schema"/> (a node of the document).</summary>
    public IReadOnlyList<string> Errors(JsonNode schema, JsonNode? instance)
    {
        var text = schema.ToJsonString().Replace(Components, "#/$defs/", StringComparison.Ordinal);
        var checkable = JsonNode.Parse(text)!.AsObject();
        checkable["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        checkable["$defs"] = _definitions.DeepClone();
        var result = JsonSchema.FromText(checkable.ToJsonString()).Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid
            ? []
            : [.. (result.Details ?? []).Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))];
    }
}

/// <summary>One operation of the document.</summary>
internal sealed record Operation(OpenApiDescription Document, HttpMethod Method, string PathTemplate, JsonObject Node)
{
    public JsonNode RequestSchema => Node["requestBody"]!["content"]!["application/json"]!["schema"]!;

    public JsonNode ResponseSchema => Node["responses"]!["200"]!["content"]!["application/json"]!["schema"]!;

    /// <summary>
    /// The URL of a call: the path template's parameters filled from a resource name laid over the template
    /// (<c>/v1/parks/{parksId}</c> with <c>parks/p1</c> gives <c>parksId = p1</c>), then the query parameters, each of
    /// which must be a declared one.
    /// </summary>
    public Uri Url(string? resourceName = null, IReadOnlyDictionary<string, string>? query = null)
    {
        var declared = (Node["parameters"]?.AsArray() ?? []).Select(p => ((string)p!["name"]!, (string)p["in"]!)).ToHashSet();
        var template = PathTemplate.Trim('/').Split('/');
        var name = resourceName?.Split('/') ?? [];
        // The template's segments after the version prefix are the resource name's segments.
        var offset = template.Length - name.Length;
        var segments = new List<string>();
        for (var i = 0; i < template.Length; i++)
        {
            var segment = template[i];
            if (segment.StartsWith('{'))
            {
                var parameter = segment.Trim('{', '}');
                Assert.Contains((parameter, "path"), declared);
                Assert.True(i >= offset, $"{PathTemplate}: no segment of {resourceName} for {{{parameter}}}.");
                segments.Add(Uri.EscapeDataString(name[i - offset]));
            }
            else
            {
                Assert.True(i < offset || name[i - offset] == segment, $"{resourceName} does not fit {PathTemplate}.");
                segments.Add(segment);
            }
        }

        var url = "/" + string.Join('/', segments);
        if (query is { Count: > 0 })
        {
            foreach (var key in query.Keys)
            {
                Assert.Contains((key, "query"), declared);
            }

            url += "?" + string.Join('&', query.Select(q => q.Key + "=" + Uri.EscapeDataString(q.Value)));
        }

        return new Uri(url, UriKind.Relative);
    }
}
