using Industry.History.Data;
using Industry.ServiceDefaults.Messaging;
using Industry.ServiceDefaults.Messaging.Wire;
using MassTransit;

namespace Industry.History.Messaging;

/// <summary>
/// The history consumes every event of the contracts, each type through its own queue bound to its exchange. The list
/// is the event catalogue (every message whose field 1 is the event metadata), not a hand list, so an event type is
/// kept from the day its proto lands.
/// </summary>
public static class HistoryMessagingExtensions
{
    public static WebApplicationBuilder AddHistoryMessaging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<EventLogSignal>();
        builder.Services.AddSingleton<MonthPartitions>();
        builder.Services.AddSingleton<EventLogWriter>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<EventLogWriter>());
        return builder.AddServiceMessaging(x =>
        {
            foreach (var type in EventCatalog.All.OrderBy(t => t.FullName, StringComparer.Ordinal))
            {
                x.AddConsumer(typeof(HistoryConsumer<>).MakeGenericType(type.ClrType), typeof(HistoryConsumerDefinition<>).MakeGenericType(type.ClrType));
            }
        });
    }
}
