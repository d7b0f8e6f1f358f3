using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace Industry.ServiceDefaults.Writes;

/// <summary>
/// A write's response and its event made from the one proto, so that the resource a caller gets back is the resource
/// the event carries.
/// </summary>
public static class WriteEvents
{
    /// <summary>Raises the event <paramref name="event"/> makes of <paramref name="proto"/> about <paramref name="subject"/>; returns <paramref name="proto"/>.</summary>
    public static TProto Raise<TProto, TEvent>(this Write write, TProto proto, Func<TProto, TEvent> @event, VersionedResource subject)
        where TEvent : IMessage<TEvent>
    {
        write.Raise(@event(proto), subject);
        return proto;
    }

    /// <summary>
    /// As <see cref="Raise{TProto, TEvent}"/> for an update, with the paths that <paramref name="changed"/> as the event's
    /// mask; an update that changed nothing raises nothing.
    /// </summary>
    public static TProto RaiseIfChanged<TProto, TEvent>(this Write write, IReadOnlyList<string> changed, TProto proto, Func<TProto, FieldMask, TEvent> updated, VersionedResource subject)
        where TEvent : IMessage<TEvent>
    {
        if (changed.Count > 0)
        {
            write.Raise(updated(proto, new FieldMask { Paths = { changed } }), subject);
        }

        return proto;
    }
}
