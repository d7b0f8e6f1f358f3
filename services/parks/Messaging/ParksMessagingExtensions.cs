using Industry.ServiceDefaults.Messaging;

namespace Industry.Parks.Messaging;

/// <summary>The parks service's events: raised through the outbox, and the project events it consumes.</summary>
public static class ParksMessagingExtensions
{
    public static WebApplicationBuilder AddParksMessaging(this WebApplicationBuilder builder) =>
        builder.AddServiceMessaging(x => x.AddConsumer<ProjectCompletionConsumer>(typeof(ProjectCompletionConsumerDefinition)));
}
