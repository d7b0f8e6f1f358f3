using Grpc.AspNetCore.HealthChecks;

namespace Industry.Gateway.Health;

/// <summary>Registers one <see cref="BackendHealthCheck"/> per proxied gRPC service, from the proxy's own configuration.</summary>
internal static class BackendHealthExtensions
{
    /// <summary>Tag of backend checks: never part of the gateway's liveness or readiness.</summary>
    public const string Backend = "backend";

    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(2);

    public static WebApplicationBuilder AddBackendHealthChecks(this WebApplicationBuilder builder)
    {
        var proxy = builder.Configuration.GetSection("ReverseProxy");
        foreach (var route in proxy.GetSection("Routes").GetChildren())
        {
            // gRPC routes match "/<package>.<Service>/{method}"; the health service name is "<package>.<Service>".
            var path = route["Match:Path"];
            if (path is null || !path.EndsWith("/{method}", StringComparison.Ordinal))
            {
                continue;
            }

            var grpcService = path.Trim('/').Split('/')[0];
            var clusterId = route["ClusterId"]!;
            var destinations = proxy.GetSection($"Clusters:{clusterId}:Destinations").GetChildren()
                .Select(d => new Uri(d["Address"]!))
                .ToList();
            builder.Services.AddHealthChecks().Add(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckRegistration(
                grpcService, _ => new BackendHealthCheck(destinations, CheckTimeout), failureStatus: null, tags: [Backend]));
            builder.Services.Configure<GrpcHealthChecksOptions>(o => o.Services.Map(grpcService, r => r.Name == grpcService));
        }

        return builder;
    }
}
