using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Industry.ServiceDefaults.Resources;

/// <summary>
/// The proto3 <c>optional</c> scalars of a message and the nullable values of a .NET object, matched by name
/// (<c>little_giants</c> and <c>LittleGiants</c>): an unset field reads as <see langword="null"/> and a null leaves the
/// field unset, so that "no value" (no target, no year-earlier figure) survives both ways without a presence check per field.
/// </summary>
public static class OptionalFields
{
    /// <summary>Sets each optional scalar of <paramref name="proto"/> for which <paramref name="values"/> has a property with a value.</summary>
    public static TProto WithOptionals<TProto>(this TProto proto, object values)
        where TProto : IMessage
    {
        foreach (var field in Optionals(proto.Descriptor))
        {
            if (values.GetType().GetProperty(field.PropertyName)?.GetValue(values) is { } value)
            {
                field.Accessor.SetValue(proto, value);
            }
        }

        return proto;
    }

    /// <summary>A <typeparamref name="T"/> made by its one constructor, each parameter the optional scalar of the same name (null when unset).</summary>
    public static T ReadOptionals<T>(this IMessage proto)
    {
        var constructor = typeof(T).GetConstructors().Single();
        var fields = Optionals(proto.Descriptor).ToDictionary(f => f.PropertyName, StringComparer.Ordinal);
        return (T)constructor.Invoke([.. constructor.GetParameters().Select(p => fields[p.Name!] is var f && f.Accessor.HasValue(proto) ? f.Accessor.GetValue(proto) : null)]);
    }

    private static IEnumerable<FieldDescriptor> Optionals(MessageDescriptor descriptor) =>
        descriptor.Fields.InDeclarationOrder().Where(f => f.HasPresence && f.FieldType != FieldType.Message && f.RealContainingOneof is null);
}
