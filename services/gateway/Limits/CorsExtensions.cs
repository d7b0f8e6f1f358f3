using Industry.Gateway.Proxy;

namespace Industry.Gateway.Limits;

/// <summary>
/// CORS for browsers calling through gRPC-Web or JSON, from <see cref="GatewayOptions.CorsAllowedOrigins"/> only (none by
/// default). The gRPC status headers are exposed, or a browser's gRPC-Web client could not read a call's outcome.
/// </summary>
internal static class CorsExtensions
{
    private static readonly string[] GrpcHeaders = ["grpc-status", "grpc-message", "grpc-status-details-bin"];

    public static WebApplicationBuilder AddGatewayCors(this WebApplicationBuilder builder, GatewayOptions options)
    {
        builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy => policy
            .WithOrigins(options.CorsAllowedOrigins)
            .AllowAnyMethod()
            .WithHeaders("authorization", "content-type", "x-grpc-web", "x-user-agent", "grpc-timeout")
            .WithExposedHeaders(GrpcHeaders)));
        return builder;
    }
}
