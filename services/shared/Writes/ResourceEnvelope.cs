using Google.Protobuf;
using Industry.ServiceDefaults.Resources;

namespace Industry.ServiceDefaults.Writes;

/// <summary>
/// The fields every versioned resource carries on the wire (the AIP-154 <c>etag</c>, <c>create_time</c>,
/// <c>update_time</c>, <c>update_actor</c>), set by field name, so that every resource writes them alike and its mapping
/// states only its own fields.
/// </summary>
public static class ResourceEnvelope
{
    public static TProto WithEnvelope<TProto>(this TProto proto, VersionedResource resource)
        where TProto : IMessage
    {
        Set(proto, "etag", Etag.Of(resource.Version));
        Set(proto, "create_time", WireTime.ToTimestamp(resource.CreateTime));
        Set(proto, "update_time", WireTime.ToTimestamp(resource.UpdateTime));
        Set(proto, "update_actor", resource.UpdateActor);
        return proto;
    }

    private static void Set(IMessage proto, string field, object value) =>
        (proto.Descriptor.FindFieldByName(field) ?? throw new ArgumentException($"{proto.Descriptor.Name} has no field {field}.", nameof(proto)))
            .Accessor.SetValue(proto, value);
}
