using Google.Protobuf;
using Industry.ServiceDefaults.Resources;

namespace Industry.ServiceDefaults.Writes;

/// <summary>
/// The fields every resource message carries from its <see cref="VersionedResource"/> (AIP-154 and AIP-148):
/// <c>etag</c>, <c>create_time</c>, <c>update_time</c> and <c>update_actor</c>, set by name through the message's
/// descriptor so that each mapping states only the resource's own fields.
/// </summary>
public static class ResourceEnvelope
{
    /// <summary>Sets <paramref name="message"/>'s envelope from <paramref name="resource"/> and returns the message.</summary>
    public static T WithEnvelope<T>(this T message, VersionedResource resource)
        where T : IMessage
    {
        var fields = message.Descriptor.Fields;
        fields["etag"].Accessor.SetValue(message, Etag.Of(resource.Version));
        fields["create_time"].Accessor.SetValue(message, WireTime.ToTimestamp(resource.CreateTime));
        fields["update_time"].Accessor.SetValue(message, WireTime.ToTimestamp(resource.UpdateTime));
        fields["update_actor"].Accessor.SetValue(message, resource.UpdateActor);
        return message;
    }
}
