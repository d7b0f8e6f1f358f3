using Industry.ServiceDefaults.Messaging.Wire;
using MassTransit;

namespace Industry.ServiceDefaults.Messaging;

/// <summary>
/// What the service declares on the broker (ADR 0021): every event exchange of the contracts, at each bus start, and
/// its own consumer queues with their bindings. <see cref="DeployAsync"/> declares the same from the same bus
/// configuration and consumes nothing (<c>--deploy-topology</c>), so the queues it creates carry exactly the arguments
/// the service declares later; a second, hand-written list of queues would drift from them.
/// </summary>
public sealed class BusTopology(bool deployOnly)
{
    /// <summary>
    /// The builder property (<see cref="Microsoft.Extensions.Hosting.IHostApplicationBuilder.Properties"/>) that makes
    /// the process's bus deploy-only; set from the command line before the bus is registered, never from configuration,
    /// so no setting can make a serving replica stop consuming.
    /// </summary>
    public const string DeployOnlyProperty = "Industry.DeployTopologyOnly";

    /// <summary>Every exchange the service declares: the contracts' events, whoever publishes them.</summary>
    public static IEnumerable<string> Exchanges => EventCatalog.All.Select(e => e.ExchangeName).Order(StringComparer.Ordinal);

    /// <summary>Declares the topology with the process's deploy-only bus, which starts and stops at once.</summary>
    public async Task DeployAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (!deployOnly)
        {
            throw new InvalidOperationException("The bus consumes: only a process started with --deploy-topology deploys the topology alone.");
        }

        var bus = (IBusControl)services.GetService(typeof(IBusControl))!;
        await bus.DeployAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Publishers declare an exchange when they first publish to it; declaring all of them whenever the bus connects
    /// lets an external consumer bind as soon as any service has started, before the first event of a kind.
    /// </summary>
    internal void Configure(IRabbitMqBusFactoryConfigurator cfg)
    {
        cfg.DeployTopologyOnly = deployOnly;
        cfg.DeployPublishTopology = true;
        foreach (var type in EventCatalog.All)
        {
            _ = cfg.PublishTopology.GetMessageTopology(type.ClrType);
        }
    }
}
