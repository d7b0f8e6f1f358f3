namespace Industry.Gateway.Web;

/// <summary>
/// The built page (web/dist, copied next to the gateway as <c>web/</c>; <c>Web:Root</c> to point elsewhere), read
/// once at start-up into memory with the .br and .gz twins web/build.mjs writes. Requests are answered from this
/// table by exact, case-sensitive name: no request path ever reaches the file system, so no spelling of a path
/// (<c>..</c>, encoded slashes, case variants) can name a file outside it.
/// </summary>
internal sealed class WebPageFiles
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
    };

    private readonly Dictionary<string, WebPageFile> _files;

    private WebPageFiles(Dictionary<string, WebPageFile> files) => _files = files;

    /// <summary>Whether a page was built into the gateway (a gateway without one still serves the API).</summary>
    public bool HasPage => _files.ContainsKey("index.html");

    public WebPageFile? Find(string name) => _files.GetValueOrDefault(name);

    public static WebPageFiles Load(string root)
    {
        var files = new Dictionary<string, WebPageFile>(StringComparer.Ordinal);
        if (!Directory.Exists(root))
        {
            return new WebPageFiles(files);
        }

        foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var extension = Path.GetExtension(path);
            if (!ContentTypes.TryGetValue(extension, out var contentType))
            {
                continue; // .br and .gz twins are read with their file; anything else is not the page's
            }

            var name = Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');
            files[name] = new WebPageFile(contentType, File.ReadAllBytes(path), ReadIfExists(path + ".br"), ReadIfExists(path + ".gz"));
        }

        return new WebPageFiles(files);
    }

    private static byte[]? ReadIfExists(string path) => File.Exists(path) ? File.ReadAllBytes(path) : null;
}

/// <summary>One file of the page, with its compressed forms when the build wrote them.</summary>
internal sealed record WebPageFile(string ContentType, byte[] Content, byte[]? Brotli, byte[]? Gzip);
