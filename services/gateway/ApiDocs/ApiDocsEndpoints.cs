using System.Reflection;

namespace Industry.Gateway.ApiDocs;

/// <summary>
/// Serves the API descriptions committed in docs/api/ (generated from protos/ by tools/Industry.ContractDocs, ADR 0030)
/// and embedded in this assembly: <c>/openapi/v1.json</c> for the JSON/REST API and <c>/asyncapi/v1.json</c> for the
/// events. Open without a token, like server reflection: a description of the contracts is not a secret, and a client
/// generator needs it before it has a token.
/// </summary>
internal static class ApiDocsEndpoints
{
    public const string OpenApiPath = "/openapi/v1.json";
    public const string AsyncApiPath = "/asyncapi/v1.json";

    public static WebApplication MapApiDocs(this WebApplication app)
    {
        Map(app, OpenApiPath, "openapi.json");
        Map(app, AsyncApiPath, "asyncapi.json");
        return app;
    }

    private static void Map(WebApplication app, string path, string file)
    {
        var document = Read(file);
        app.MapGet(path, () => Results.Bytes(document, "application/json")).AllowAnonymous();
    }

    // Read once at start-up: the documents never change while the process runs.
    private static byte[] Read(string file)
    {
        var name = typeof(ApiDocsEndpoints).Namespace + "." + file;
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The gateway was built without its embedded {name} (docs/api/).");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
