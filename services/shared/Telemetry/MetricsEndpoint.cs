using Microsoft.AspNetCore.Builder;

namespace Industry.ServiceDefaults.Telemetry;

/// <summary>
/// The Prometheus scrape endpoint, <c>GET /metrics</c> (docs/deploy.md, "Metrics and alerts"). When the process has a
/// Kestrel endpoint named <see cref="EndpointName"/> (<c>Kestrel__Endpoints__Metrics__Url</c>, as the Kubernetes
/// manifests set), the metrics answer on that port only: the gateway's HTTP port is public through the ingress, and a
/// service's JSON port is reachable by the gateway, neither of which should expose the suite's internals. Without it
/// (development, tests) they answer on every port.
/// </summary>
public static class MetricsEndpoint
{
    public const string Path = "/metrics";

    /// <summary>The name of the Kestrel endpoint reserved for scraping.</summary>
    public const string EndpointName = "Metrics";

    public static WebApplication MapMetricsEndpoint(this WebApplication app)
    {
        var endpoint = app.MapPrometheusScrapingEndpoint(Path);
        var url = app.Configuration[$"Kestrel:Endpoints:{EndpointName}:Url"];
        if (!string.IsNullOrWhiteSpace(url))
        {
            // Kestrel accepts "+" and "*" for any address, which Uri does not parse as a host.
            var port = new Uri(url.Replace("://+", "://any", StringComparison.Ordinal).Replace("://*", "://any", StringComparison.Ordinal)).Port;
            endpoint.RequireHost($"*:{port}");
        }

        return app;
    }
}
