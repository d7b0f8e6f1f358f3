using Grpc.Core;
using Grpc.Net.Client;
using Industry.ServiceDefaults.Security;

namespace Industry.TestInfrastructure;

/// <summary>
/// Tokens for tests, signed with the key every test process is started with (<see cref="ServiceProcess"/>), and
/// channels and HTTP clients that send one unless a call brings its own <c>authorization</c> header.
/// </summary>
public static class TestTokens
{
    /// <summary>The development key of test processes (public, like the one in appsettings.Development.json).</summary>
    public const string SigningKey = "LWxNeicpzvc+dYcDeTrCYKnltiWvWujRBXINeafBDU8=";

    public static readonly SuiteAuthenticationOptions Options = new() { DevelopmentSigningKey = SigningKey };

    /// <summary>A province admin's token, valid for the whole test run: what fixtures send by default.</summary>
    public static string Admin { get; } = Mint(Roles.ProvinceAdmin);

    public static string Viewer { get; } = Mint(Roles.Viewer);

    /// <summary>The environment a test process needs to validate these tokens.</summary>
    public static IReadOnlyDictionary<string, string> Environment { get; } = new Dictionary<string, string>
    {
        ["Authentication__DevelopmentSigningKey"] = SigningKey,
    };

    public static string Mint(string role, string? cityCode = null, TimeSpan? lifetime = null, string? subject = null) =>
        DevelopmentTokens.Mint(Options, subject ?? $"test-{role}{(cityCode is null ? string.Empty : "-" + cityCode)}", role, cityCode, lifetime ?? TimeSpan.FromHours(8));

    /// <summary>A county editor's token for <paramref name="countyCode"/> (区县填报员).</summary>
    public static string CountyEditor(string countyCode, string? subject = null) =>
        DevelopmentTokens.Mint(Options, subject ?? $"test-{Roles.CountyEditor}-{countyCode}", Roles.CountyEditor, null, TimeSpan.FromHours(8), countyCode: countyCode);

    /// <summary>Call metadata carrying <paramref name="token"/>: overrides a channel's default token for one call.</summary>
    public static Metadata Bearer(string token) => new() { { "authorization", "Bearer " + token } };

    /// <summary>A channel whose calls carry <paramref name="token"/> (the admin's by default; <see langword="null"/> for none).</summary>
    public static GrpcChannel Channel(Uri address, string? token = null, GrpcChannelOptions? options = null)
    {
        options ??= new GrpcChannelOptions();
        options.HttpHandler = new DefaultTokenHandler(token ?? Admin) { InnerHandler = options.HttpHandler ?? new SocketsHttpHandler { EnableMultipleHttp2Connections = true } };
        return GrpcChannel.ForAddress(address, options);
    }

    /// <summary>A channel whose calls carry no token.</summary>
    public static GrpcChannel AnonymousChannel(Uri address) => GrpcChannel.ForAddress(address);

    /// <summary>An HTTP client (JSON/REST) whose requests carry <paramref name="token"/> (the admin's by default).</summary>
    public static HttpClient Http(Uri baseAddress, string? token = null, TimeSpan? timeout = null) =>
        new(new DefaultTokenHandler(token ?? Admin) { InnerHandler = new SocketsHttpHandler() })
        {
            BaseAddress = baseAddress,
            Timeout = timeout ?? TimeSpan.FromSeconds(100),
        };

    /// <summary>Adds the bearer token to requests that have no <c>authorization</c> header of their own.</summary>
    private sealed class DefaultTokenHandler(string token) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (!request.Headers.Contains("authorization"))
            {
                request.Headers.TryAddWithoutValidation("authorization", "Bearer " + token);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
