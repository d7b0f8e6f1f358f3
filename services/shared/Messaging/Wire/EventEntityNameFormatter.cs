using MassTransit;

namespace Industry.ServiceDefaults.Messaging.Wire;

/// <summary>Gives every contract event its pinned exchange name; anything else keeps MassTransit's default name.</summary>
internal sealed class EventEntityNameFormatter(IEntityNameFormatter fallback) : IEntityNameFormatter
{
    public string FormatEntityName<T>() =>
        EventCatalog.IsEvent(typeof(T)) ? EventCatalog.For(typeof(T)).ExchangeName : fallback.FormatEntityName<T>();
}
