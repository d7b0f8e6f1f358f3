using Industry.ServiceDefaults.Messaging;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Industry.ServiceDefaults.Hosting;

/// <summary>
/// <c>dotnet Industry.X.dll --deploy-topology</c>: declares every event exchange and this service's consumer queues
/// and bindings on the broker of its usual configuration, then exits (<see cref="BusTopology"/>). Run for every
/// service before any of them starts (run.sh, the tests, the <c>&lt;service&gt;-topology</c> Jobs: docs/deploy.md),
/// so that an event published before its consumer first starts waits in the consumer's queue instead of being dropped.
/// </summary>
public static class DeployTopologyCommand
{
    public const string Name = "--deploy-topology";

    /// <summary>Long enough for a broker that is still starting; the Kubernetes Job retries after that.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static bool IsRequested(string[] args) => args.Contains(Name, StringComparer.Ordinal);

    public static async Task<int> RunAsync(WebApplication app)
    {
        if (app.Services.GetService<BusTopology>() is not { } topology)
        {
            await Console.Error.WriteLineAsync("This service has no broker topology.");
            return 2;
        }

        var options = app.Services.GetRequiredService<RabbitMqOptions>();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await topology.DeployAsync(app.Services, timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync($"The broker {options.Host}:{options.Port} (virtual host {options.VirtualHost}) was not reachable within {Timeout.TotalSeconds:0} s.");
            return 1;
        }

        foreach (var exchange in BusTopology.Exchanges)
        {
            Console.WriteLine($"exchange\t{exchange}");
        }

        foreach (var queue in app.Services.GetRequiredService<ConsumerQueues>().Names)
        {
            Console.WriteLine($"queue\t{queue}");
        }

        await Console.Error.WriteLineAsync($"Topology deployed on {options.Host}:{options.Port}, virtual host {options.VirtualHost}.");
        return 0;
    }
}
