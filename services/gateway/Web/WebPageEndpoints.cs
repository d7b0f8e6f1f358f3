using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Industry.Gateway.Web;

/// <summary>
/// The province-at-a-glance page (docs/web.md, ADR 0032) on the HTTP/1.1 port, without a token like the API
/// descriptions: <c>/</c> (and <c>/index.html</c>), its content-hashed files under <c>/assets/</c>, and
/// <c>/web-config.json</c> telling it the OIDC authority. Only GET and HEAD of exactly these paths are answered here;
/// there is no catch-all fallback, so every other path, method and gRPC-Web call still goes through the proxy's
/// checks (token, contract method names).
/// </summary>
internal static partial class WebPageEndpoints
{
    public const string ConfigPath = "/web-config.json";

    private static readonly string[] GetOrHead = [HttpMethods.Get, HttpMethods.Head];

    public static WebApplication MapWebPage(this WebApplication app)
    {
        var root = app.Configuration["Web:Root"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured, app.Environment.ContentRootPath)
            : Path.Combine(AppContext.BaseDirectory, "web");
        var files = WebPageFiles.Load(root);
        if (!files.HasPage)
        {
            LogNoPage(app.Logger, root);
        }

        var config = WebPageConfig.From(app.Configuration);
        var policy = SecurityPolicy(config.Authority);

        app.MapMethods("/", GetOrHead, (HttpContext context) => Serve(context, files.Find("index.html"), immutable: false, policy)).AllowAnonymous();
        app.MapMethods("/index.html", GetOrHead, (HttpContext context) => Serve(context, files.Find("index.html"), immutable: false, policy)).AllowAnonymous();
        // One segment of letters, digits, '-', '_' and '.', as esbuild names the files: no '/' (encoded or not) reaches the lookup.
        app.MapMethods("/assets/{file:regex(^[A-Za-z0-9_.-]+$)}", GetOrHead,
            (HttpContext context, string file) => Serve(context, files.Find("assets/" + file), immutable: true, policy)).AllowAnonymous();
        app.MapMethods(ConfigPath, GetOrHead, () => Results.Json(config)).AllowAnonymous();
        return app;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No web page in {Root} (build it with web/build.sh): / answers 404.")]
    private static partial void LogNoPage(ILogger logger, string root);

    private static IResult Serve(HttpContext context, WebPageFile? file, bool immutable, string policy)
    {
        if (file is null)
        {
            return Results.NotFound();
        }

        var headers = context.Response.Headers;
        // The page's file names change with their content; index.html names them, so it is revalidated every time.
        headers.CacheControl = immutable ? "public, max-age=31536000, immutable" : "no-cache";
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = policy;
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        headers.Vary = HeaderNames.AcceptEncoding;
        var (bytes, encoding) = Choose(context.Request.Headers.AcceptEncoding, file);
        if (encoding is not null)
        {
            headers.ContentEncoding = encoding;
        }

        return Results.Bytes(bytes, file.ContentType);
    }

    private static (byte[] Bytes, string? Encoding) Choose(StringValues acceptEncoding, WebPageFile file)
    {
        var accepted = acceptEncoding.ToString();
        if (file.Brotli is not null && accepted.Contains("br", StringComparison.OrdinalIgnoreCase))
        {
            return (file.Brotli, "br");
        }

        return file.Gzip is not null && accepted.Contains("gzip", StringComparison.OrdinalIgnoreCase) ? (file.Gzip, "gzip") : (file.Content, null);
    }

    /// <summary>Scripts and calls from this origin only (and the OIDC authority, for its discovery and token requests).</summary>
    private static string SecurityPolicy(string? authority)
    {
        var connect = "'self'";
        if (Uri.TryCreate(authority, UriKind.Absolute, out var uri))
        {
            connect += " " + uri.GetLeftPart(UriPartial.Authority);
        }

        // ECharts' SVG renderer and the figures' meters set style attributes.
        return $"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src {connect}; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
    }
}
