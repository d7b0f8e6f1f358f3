using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Industry.EndToEndTests.WebPage;

/// <summary>
/// The page's files are served without a token, and serving them opened no path to a backend without one: every
/// spelling an outsider might try (dot segments, encoded slashes, case variants, a gRPC-Web POST to a file's path,
/// HEAD and OPTIONS) gets the page, a 404/405, or the proxy's refusal, never a backend's answer.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed partial class WebPageServingTests(SuiteFixture fixture) : IDisposable
{
    private static readonly UriCreationOptions ExactPath = new() { DangerousDisablePathAndQueryCanonicalization = true };

    private readonly HttpClient _anonymous = new(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None }) { Timeout = TimeSpan.FromSeconds(30) };

    public void Dispose() => _anonymous.Dispose();

    [Fact]
    public async Task Page_IsServedWithoutAToken_WithItsSecurityHeaders()
    {
        using var response = await SendAsync(HttpMethod.Get, "/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("lang=\"zh-CN\"", html, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", string.Join(' ', response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(response.Headers.CacheControl?.NoCache, "index.html names the hashed files: it must be revalidated");
    }

    [Fact]
    public async Task Assets_AreServedCompressed_AndTheScriptsStayUnder500KB()
    {
        var files = await AssetsAsync();
        long scripts = 0;
        foreach (var file in files.Concat(await ChunksAsync(files)))
        {
            using var request = Request(HttpMethod.Get, file);
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
            using var response = await _anonymous.SendAsync(request);
            var bytes = await response.Content.ReadAsByteArrayAsync();

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("br", response.Content.Headers.ContentEncoding.Single());
            Assert.Contains("immutable", response.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
            scripts += file.EndsWith(".js", StringComparison.Ordinal) ? bytes.Length : 0;
        }

        Assert.InRange(scripts, 1, 500 * 1024);
    }

    [Fact]
    public async Task Config_SaysNoAuthority_WhereTheGatewayHasNone()
    {
        using var response = await SendAsync(HttpMethod.Get, "/web-config.json");
        var json = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"authority\":null", json, StringComparison.Ordinal);
        Assert.Contains("\"clientId\":\"industry-web\"", json, StringComparison.Ordinal);
    }

    /// <summary>Paths an outsider might try without a token, and what each must get.</summary>
    public static TheoryData<string, string, HttpStatusCode> Outsider => new()
    {
        // Dot segments out of the page into an API path: the proxy's refusal (no token), not the page, not the API.
        { "GET", "/index.html/../v1/industries", HttpStatusCode.Unauthorized },
        { "GET", "/index.html/../industry.clusters.v1.ClusterService/ListIndustries", HttpStatusCode.Unauthorized },
        { "GET", "/assets/../v1/projects", HttpStatusCode.Unauthorized },
        { "GET", "/assets/%2e%2e/v1/parks", HttpStatusCode.Unauthorized },
        // Encoded slashes and backslashes stay inside one segment: no file by that name.
        { "GET", "/assets/..%2f..%2fappsettings.json", HttpStatusCode.NotFound },
        { "GET", "/assets/..%2F..%2FIndustry.Gateway.dll", HttpStatusCode.NotFound },
        { "GET", "/assets/..%5c..%5cappsettings.json", HttpStatusCode.NotFound },
        { "GET", "/assets/%2e%2e%2fweb-config.json", HttpStatusCode.NotFound },
        { "GET", "/assets/..%252f..%252fappsettings.json", HttpStatusCode.NotFound },
        // The gateway's own files and the build's twins are not the page.
        { "GET", "/appsettings.json", HttpStatusCode.NotFound },
        { "GET", "/Industry.Gateway.dll", HttpStatusCode.NotFound },
        { "GET", "/web/index.html", HttpStatusCode.NotFound },
        { "GET", "/assets/", HttpStatusCode.NotFound },
        { "GET", "/assets/nothing.js", HttpStatusCode.NotFound },
        // Case variants of API paths still meet the token check.
        { "GET", "/V1/INDUSTRIES", HttpStatusCode.Unauthorized },
        { "GET", "/INDEX.HTML/../V1/Projects", HttpStatusCode.Unauthorized },
        // HEAD and OPTIONS: the page answers HEAD; the API still wants a token.
        { "HEAD", "/", HttpStatusCode.OK },
        { "HEAD", "/v1/industries", HttpStatusCode.Unauthorized },
        { "HEAD", "/index.html/../v1/industries", HttpStatusCode.Unauthorized },
        { "OPTIONS", "/v1/industries", HttpStatusCode.Unauthorized },
        { "OPTIONS", "/", HttpStatusCode.MethodNotAllowed },
        { "POST", "/index.html", HttpStatusCode.MethodNotAllowed },
        { "DELETE", "/web-config.json", HttpStatusCode.MethodNotAllowed },
    };

    [Theory]
    [MemberData(nameof(Outsider))]
    public async Task Outsider_WithoutAToken_GetsThePageOrARefusal_NeverABackend(string method, string path, HttpStatusCode expected)
    {
        using var response = await SendAsync(new HttpMethod(method), path);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Unauthorized)
        {
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme); // the proxy's token check said no
        }

        Assert.DoesNotContain("industries/", body, StringComparison.Ordinal); // no backend's data
    }

    [Fact]
    public async Task GrpcWebPost_ToAFilesPath_OrToAMethodPathLookingLikeAFile_IsNotForwarded()
    {
        var script = (await AssetsAsync()).First(f => f.EndsWith(".js", StringComparison.Ordinal));
        foreach (var path in new[] { script, "/", "/index.html", "/industry.clusters.v1.ClusterService/ListIndustries.js",
            "/industry.clusters.v1.ClusterService/index.html", "/assets/../industry.clusters.v1.ClusterService/ListIndustries" })
        {
            using var request = Request(HttpMethod.Post, path);
            request.Content = new ByteArrayContent([0, 0, 0, 0, 0]);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc-web+proto");
            using var response = await _anonymous.SendAsync(request);
            var status = response.Headers.TryGetValues("grpc-status", out var values) ? values.Single() : null;
            var body = await response.Content.ReadAsByteArrayAsync();

            // UNIMPLEMENTED (no such method: the contract check, or no service at all) or UNAUTHENTICATED (a real method
            // without a token), or plain 405 for the page's own paths: never a message from a backend.
            Assert.True(status is "12" or "16" || response.StatusCode == HttpStatusCode.MethodNotAllowed,
                $"{path}: HTTP {(int)response.StatusCode}, grpc-status {status}");
            Assert.True(body.Length == 0 || status is null, $"{path}: a body came back with grpc-status {status}");
        }
    }

    private async Task<List<string>> AssetsAsync()
    {
        using var response = await SendAsync(HttpMethod.Get, "/");
        var html = await response.Content.ReadAsStringAsync();
        var files = AssetReference().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(files);
        return files;
    }

    /// <summary>The chunks the entry script imports (the OIDC library's, split off), as a reader's browser may load them.</summary>
    private async Task<List<string>> ChunksAsync(List<string> entries)
    {
        var chunks = new List<string>();
        foreach (var entry in entries.Where(f => f.EndsWith(".js", StringComparison.Ordinal)))
        {
            using var response = await SendAsync(HttpMethod.Get, entry);
            var script = await response.Content.ReadAsStringAsync();
            chunks.AddRange(ChunkReference().Matches(script).Select(m => "/assets/" + m.Groups[1].Value).Distinct());
        }

        return chunks;
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path) => _anonymous.SendAsync(Request(method, path));

    private HttpRequestMessage Request(HttpMethod method, string path) =>
        new(method, new Uri(fixture.Suite.Gateway.HttpAddress.GetLeftPart(UriPartial.Authority) + path, in ExactPath)) { Version = HttpVersion.Version11 };

    [GeneratedRegex("(?:src|href)=\"(/assets/[^\"]+)\"")]
    private static partial Regex AssetReference();

    [GeneratedRegex("\"\\./([A-Za-z0-9_.-]+\\.js)\"")]
    private static partial Regex ChunkReference();
}
