using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Industry.ServiceDefaults.Health;

/// <summary>
/// Health in two services (docs/conventions.md §3.1): <c>liveness</c> is the process itself only, so that a database or
/// broker outage never makes Kubernetes restart healthy pods; <c>readiness</c> is every dependency (checks tagged
/// <see cref="Ready"/>: the database, the broker). The broker's check is at worst degraded, which still counts as ready:
/// without it writes commit to the outbox and reads work, so only the database makes a pod unready. The same split is
/// served over HTTP for scripts and humans.
/// </summary>
public static class HealthExtensions
{
    public const string Live = "live";
    public const string Ready = "ready";

    /// <summary>gRPC health service name for the liveness probe.</summary>
    public const string LivenessService = "liveness";

    /// <summary>gRPC health service name for the readiness probe (also answers for the empty service name).</summary>
    public const string ReadinessService = "readiness";

    public static IServiceCollection AddServiceHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), tags: [Live, Ready]);
        services.AddGrpcHealthChecks(o =>
        {
            o.Services.Map(LivenessService, r => r.Tags.Contains(Live));
            o.Services.Map(ReadinessService, r => r.Tags.Contains(Ready));
            o.Services.Map(string.Empty, r => r.Tags.Contains(Ready));
        });
        return services;
    }

    public static WebApplication MapServiceHealthChecks(this WebApplication app)
    {
        app.MapGrpcHealthChecksService();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = r => r.Tags.Contains(Live) });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = r => r.Tags.Contains(Ready) });
        return app;
    }
}
