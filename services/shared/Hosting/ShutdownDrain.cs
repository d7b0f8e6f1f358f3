using Industry.ServiceDefaults.Health;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Industry.ServiceDefaults.Hosting;

/// <summary>
/// The drain phase of graceful shutdown. On SIGTERM the process first reports itself not ready (gRPC
/// <c>readiness</c>, <c>/health/ready</c>) while it goes on serving, for <c>Hosting:DrainDelaySeconds</c>, so that
/// whoever balances calls over it (the gateway's active health checks, a load balancer) stops sending new ones; only
/// then does shutdown proceed: Kestrel stops accepting and drains in-flight calls, the outbox relay and the consumers
/// stop. Without the phase, calls routed in the instant before the balancer notices race the server's HTTP/2 GOAWAY
/// and fail. In Kubernetes the <c>preStop</c> sleep plays this part before SIGTERM arrives, so the manifests set 0.
/// The delay is part of <c>Hosting:ShutdownTimeoutSeconds</c>: the whole stop, drain included, stays within it.
/// </summary>
public static class ShutdownDrain
{
    /// <summary>Default drain (5 s): several intervals of the gateway's 1 s active health probe.</summary>
    public const int DefaultDrainDelaySeconds = 5;

    /// <summary>Registers the drain phase and its readiness check (tagged <see cref="HealthExtensions.Ready"/>).</summary>
    public static IServiceCollection AddShutdownDrain(this IServiceCollection services, IConfiguration configuration)
    {
        var delay = TimeSpan.FromSeconds(configuration.GetValue("Hosting:DrainDelaySeconds", DefaultDrainDelaySeconds));
        if (delay < TimeSpan.Zero)
        {
            throw new InvalidOperationException("Hosting:DrainDelaySeconds must not be negative.");
        }

        services.AddSingleton<DrainState>();
        services.AddSingleton<IHostedService>(sp => new DrainOnShutdown(
            sp.GetRequiredService<DrainState>(), delay, sp.GetRequiredService<ILogger<DrainOnShutdown>>()));
        services.AddHealthChecks().AddCheck<DrainHealthCheck>("drain", tags: [HealthExtensions.Ready]);
        return services;
    }
}

/// <summary>Whether the process has begun to shut down: once set, readiness answers NOT_SERVING for good.</summary>
internal sealed class DrainState
{
    private volatile bool _draining;

    public bool IsDraining => _draining;

    public void Begin() => _draining = true;
}

/// <summary>Unhealthy from the moment the drain begins, so both readiness endpoints turn the process away.</summary>
internal sealed class DrainHealthCheck(DrainState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.IsDraining
            ? HealthCheckResult.Unhealthy("Shutting down: draining before the server stops.")
            : HealthCheckResult.Healthy());
}

/// <summary>
/// <see cref="IHostedLifecycleService.StoppingAsync"/> runs before any hosted service's <c>StopAsync</c> (Kestrel's
/// included), so waiting here keeps every part of the process working while readiness is already down. The wait
/// ends early when the host's shutdown timeout runs out.
/// </summary>
internal sealed partial class DrainOnShutdown(DrainState state, TimeSpan delay, ILogger<DrainOnShutdown> logger) : IHostedLifecycleService
{
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        state.Begin();
        if (delay <= TimeSpan.Zero)
        {
            return;
        }

        LogDraining(logger, delay.TotalSeconds);
        await Task.Delay(delay, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        LogDrained(logger);
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Shutting down: not ready, still serving for {Seconds} s so that balancers stop routing here")]
    private static partial void LogDraining(ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Drain over: stopping the server and background services")]
    private static partial void LogDrained(ILogger logger);
}
