using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Industry.Gateway.Health;

/// <summary>
/// Whether a backend service can serve: SERVING when any of its destinations answers its own <c>readiness</c> check.
/// Exposed by the gateway's gRPC health service under the backend's gRPC service name
/// (<c>industry.clusters.v1.ClusterService</c>), as the gRPC health protocol intends, but never part of the
/// gateway's own liveness or readiness: one service down must not take the entry point down with it.
/// </summary>
internal sealed class BackendHealthCheck(IReadOnlyList<Uri> destinations, TimeSpan timeout) : IHealthCheck, IDisposable
{
    private readonly ConcurrentDictionary<Uri, GrpcChannel> _channels = new();

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var failures = new List<string>();
        foreach (var destination in destinations)
        {
            var channel = _channels.GetOrAdd(destination, static uri => GrpcChannel.ForAddress(uri));
            try
            {
                var response = await new Grpc.Health.V1.Health.HealthClient(channel).CheckAsync(
                    new HealthCheckRequest { Service = "readiness" },
                    deadline: DateTime.UtcNow.Add(timeout),
                    cancellationToken: cancellationToken);
                if (response.Status == HealthCheckResponse.Types.ServingStatus.Serving)
                {
                    return HealthCheckResult.Healthy($"{destination} is serving.");
                }

                failures.Add($"{destination}: {response.Status}");
            }
            catch (RpcException ex)
            {
                failures.Add($"{destination}: {ex.StatusCode}");
            }
        }

        return HealthCheckResult.Unhealthy(string.Join("; ", failures));
    }

    public void Dispose()
    {
        foreach (var channel in _channels.Values)
        {
            channel.Dispose();
        }
    }
}
