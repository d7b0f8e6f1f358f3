namespace Industry.EndToEndTests.Quickstarts;

/// <summary>
/// The environment variables every quickstart in <c>examples/</c> reads (examples/README.md documents them), filled
/// with the running suite's addresses. Without them a quickstart falls back to <c>./scripts/run.sh</c>'s addresses,
/// except for the token, which it must be given.
/// </summary>
public static class QuickstartEnvironment
{
    /// <summary>The gateway's gRPC endpoint as a URL: <c>http://host:port</c> is plaintext HTTP/2, <c>https://</c> TLS.</summary>
    public const string GatewayGrpc = "INDUSTRY_GATEWAY_GRPC";

    /// <summary>The gateway's JSON/REST base URL.</summary>
    public const string GatewayHttp = "INDUSTRY_GATEWAY_HTTP";

    /// <summary>A bearer token (JWT) sent with every call; the tests give a province admin's.</summary>
    public const string Token = "INDUSTRY_TOKEN";

    /// <summary>The broker the suite publishes its events to, <c>amqp://user:password@host:port/vhost</c>.</summary>
    public const string AmqpUrl = "INDUSTRY_AMQP_URL";

    public static Dictionary<string, string> For(SuiteFixture fixture, string token) => new(StringComparer.Ordinal)
    {
        [GatewayGrpc] = fixture.Suite.Gateway.GrpcAddress.ToString(),
        [GatewayHttp] = fixture.Suite.Gateway.HttpAddress.ToString(),
        [Token] = token,
        [AmqpUrl] = fixture.Suite.Infrastructure.RabbitMqUri.ToString(),
    };
}
