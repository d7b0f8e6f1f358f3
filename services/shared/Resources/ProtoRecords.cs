using System.Collections;
using System.Globalization;
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
    public static T ToRecord<T>(this IMessage message) => (T)ToRecord(typeof(T), message);

    private static object ToRecord(Type type, IMessage message)
    {
        var constructor = type.GetConstructors().Single();
        var fields = message.Descriptor.Fields.InDeclarationOrder().ToDictionary(f => f.PropertyName, StringComparer.Ordinal);
        return constructor.Invoke([.. constructor.GetParameters().Select(p => Argument(p.ParameterType, fields[p.Name!], message))]);
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
