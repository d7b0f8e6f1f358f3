using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace Industry.ServiceDefaults.Resources;

/// <summary>
/// An entity onto its proto by the proto's descriptor, so that a mapping states only what differs from the names: each
/// singular field takes the entity's property of the same (C#) name, text and numbers as they are, enums by number
/// (domain enums are numbered as in the proto), times as timestamps; <c>etag</c> is made from <c>Version</c>
/// (AIP-154). A null property (an unset <c>optional</c>) leaves its field unset. Repeated fields, fields without such a
/// property, and fields whose property means something else (a code where the proto has a name) are the caller's to
/// set: a field the caller has already set is left alone, so <c>new P { Industry = … }.FillFrom(entity)</c> is safe.
/// </summary>
public static class EntityProtos
{
    private static readonly ConcurrentDictionary<(System.Type Proto, System.Type Entity), (FieldDescriptor Field, PropertyInfo Property)[]> Pairs = new();

    public static TProto FillFrom<TProto>(this TProto proto, object entity)
        where TProto : IMessage
    {
        foreach (var (field, property) in Pairs.GetOrAdd((typeof(TProto), entity.GetType()), key => PairsOf(proto.Descriptor, key.Entity)))
        {
            var value = property.GetValue(entity);
            if (value is not null && !IsSet(field, proto))
            {
                field.Accessor.SetValue(proto, ToWire(field, value));
            }
        }

        return proto;
    }

    private static (FieldDescriptor, PropertyInfo)[] PairsOf(MessageDescriptor descriptor, System.Type entity) =>
        [.. from field in descriptor.Fields.InDeclarationOrder()
            where !field.IsRepeated && !field.IsMap
            let property = entity.GetProperty(field.Name == "etag" ? "Version" : field.PropertyName, BindingFlags.Public | BindingFlags.Instance)
            where property is not null
            select (field, property)];

    private static bool IsSet(FieldDescriptor field, IMessage proto) => field.HasPresence
        ? field.Accessor.HasValue(proto)
        : field.Accessor.GetValue(proto) switch
        {
            string text => text.Length > 0,
            ByteString bytes => !bytes.IsEmpty,
            bool flag => flag,
            System.Enum number => Convert.ToInt64(number, CultureInfo.InvariantCulture) != 0,
            var number => Convert.ToDouble(number, CultureInfo.InvariantCulture) != 0,
        };

    private static object ToWire(FieldDescriptor field, object value) => value switch
    {
        long version when field.Name == "etag" => Etag.Of(version),
        DateTime time when field.MessageType?.FullName == Timestamp.Descriptor.FullName => WireTime.ToTimestamp(time),
        System.Enum when field.FieldType == FieldType.Enum => System.Enum.ToObject(field.EnumType.ClrType, Convert.ToInt32(value, CultureInfo.InvariantCulture)),
        _ when field.FieldType is FieldType.Message or FieldType.Enum || value.GetType() != ScalarType(field.FieldType) =>
            throw new NotSupportedException($"{field.FullName} cannot take a {value.GetType().Name}; set it by hand."),
        _ => value,
    };

    private static System.Type? ScalarType(FieldType type) => type switch
    {
        FieldType.String => typeof(string),
        FieldType.Bool => typeof(bool),
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => typeof(int),
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => typeof(long),
        FieldType.UInt32 or FieldType.Fixed32 => typeof(uint),
        FieldType.UInt64 or FieldType.Fixed64 => typeof(ulong),
        FieldType.Double => typeof(double),
        FieldType.Float => typeof(float),
        FieldType.Bytes => typeof(ByteString),
        _ => null,
    };
}
