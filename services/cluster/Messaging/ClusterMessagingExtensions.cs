using Industry.ServiceDefaults.Messaging;
using MassTransit;

namespace Industry.Clusters.Messaging;

/// <summary>The cluster service's broker wiring: its outbox (shared) and its consumers of the project events.</summary>
internal static class ClusterMessagingExtensions
{
    public static WebApplicationBuilder AddClusterMessaging(this WebApplicationBuilder builder) =>
        builder.AddServiceMessaging(x => x.AddConsumers(typeof(ClusterMessagingExtensions).Assembly));
}
