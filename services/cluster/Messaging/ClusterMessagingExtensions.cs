using Industry.ServiceDefaults.Messaging;

namespace Industry.Clusters.Messaging;

/// <summary>The cluster service's broker wiring: its outbox (shared) and its consumers of the project events.</summary>
internal static class ClusterMessagingExtensions
{
    public static WebApplicationBuilder AddClusterMessaging(this WebApplicationBuilder builder) =>
        builder.AddServiceMessaging(x =>
        {
            x.AddConsumer<ProjectCreatedConsumer>();
            x.AddConsumer<ProjectUpdatedConsumer>();
            x.AddConsumer<ProjectStateChangedConsumer>();
            x.AddConsumer<ProjectDeletedConsumer>();
            x.AddConsumer<InvestmentReportedConsumer>();
            x.AddConsumer<InvestmentReportDeletedConsumer>();
            x.AddConsumer<InvestmentReportApprovedConsumer>();
            x.AddConsumer<InvestmentReportReturnedConsumer>();
        });
}
