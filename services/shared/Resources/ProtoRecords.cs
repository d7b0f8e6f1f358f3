using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Industry.ServiceDefaults.Resources;

/// <summary>
/// A request's message onto a positional record (a draft, a command) by the record's constructor, so that a mapping
/// states only what differs from the names: each parameter takes the field of the same (C#) name, enums by number; for
/// a nullable parameter, an <c>optional</c> field not set or an enum at 0 (<c>UNSPECIFIED</c>, AIP-126) is null; a
/// repeated field becomes an array, of records for messages.
/// </summary>
public static class ProtoRecords
{
    // The constructor and each parameter's field, worked out once per record type and message type.
    private static readonly ConcurrentDictionary<(Type Record, MessageDescriptor Message), (ConstructorInfo Constructor, (Type Type, FieldDescriptor Field)[] Parameters)> Plans = new();

    public static T ToRecord<T>(this IMessage message) => (T)ToRecord(typeof(T), message);

    private static object ToRecord(Type type, IMessage message)
    {
        var (constructor, parameters) = Plans.GetOrAdd((type, message.Descriptor), key => PlanOf(key.Record, key.Message));
        return constructor.Invoke([.. parameters.Select(p => Argument(p.Type, p.Field, message))]);
    }

    private static (ConstructorInfo, (Type, FieldDescriptor)[]) PlanOf(Type type, MessageDescriptor descriptor)
    {
        var constructor = type.GetConstructors().Single();
        var fields = descriptor.Fields.InDeclarationOrder().ToDictionary(f => f.PropertyName, StringComparer.Ordinal);
        return (constructor, [.. constructor.GetParameters().Select(p => (p.ParameterType, fields.TryGetValue(p.Name!, out var field)
            ? field
            : throw new NotSupportedException($"{descriptor.FullName} has no field for {type.Name}'s parameter {p.Name}.")))]);
    }

    private static object? Argument(Type type, FieldDescriptor field, IMessage message)
    {
        var value = field.Accessor.GetValue(message);
        if (field.IsRepeated)
        {
            var element = type.IsArray ? type.GetElementType()! : type.GetGenericArguments()[0];
            var items = ((IList)value).Cast<object>().Select(i => i is IMessage m ? ToRecord(element, m) : i).ToArray();
            var array = Array.CreateInstance(element, items.Length);
            Array.Copy(items, array, items.Length);
            return array;
        }

        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null && ((field.HasPresence && !field.Accessor.HasValue(message)) || (field.FieldType == FieldType.Enum && (int)value == 0)))
        {
            return null;
        }

        var target = underlying ?? type;
        return target.IsEnum ? Enum.ToObject(target, Convert.ToInt32(value, CultureInfo.InvariantCulture)) : value;
    }
}
