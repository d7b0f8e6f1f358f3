using System.Collections.Concurrent;
using System.Linq.Expressions;
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
/// <remarks>
/// The pairing is read from the descriptor once per (proto, entity) type and compiled into a delegate that reads and
/// writes the properties directly: a page of fifty projects maps about 1,500 fields, which by reflection cost more CPU
/// than the query that read them (ADR 0033).
/// </remarks>
public static class EntityProtos
{
    private static readonly ConcurrentDictionary<(System.Type Proto, System.Type Entity), Action<IMessage, object>> Fillers = new();

    public static TProto FillFrom<TProto>(this TProto proto, object entity)
        where TProto : IMessage
    {
        Fillers.GetOrAdd((proto.GetType(), entity.GetType()), key => Compile(proto.Descriptor, key.Proto, key.Entity))(proto, entity);
        return proto;
    }

    private static Action<IMessage, object> Compile(MessageDescriptor descriptor, System.Type protoType, System.Type entityType)
    {
        var protoArgument = Expression.Parameter(typeof(IMessage), "proto");
        var entityArgument = Expression.Parameter(typeof(object), "entity");
        var proto = Expression.Variable(protoType, "p");
        var entity = Expression.Variable(entityType, "e");
        var steps = new List<Expression>
        {
            Expression.Assign(proto, Expression.Convert(protoArgument, protoType)),
            Expression.Assign(entity, Expression.Convert(entityArgument, entityType)),
        };
        foreach (var field in descriptor.Fields.InDeclarationOrder().Where(f => !f.IsRepeated && !f.IsMap))
        {
            var property = entityType.GetProperty(field.Name == "etag" ? "Version" : field.PropertyName, BindingFlags.Public | BindingFlags.Instance);
            if (property is not null)
            {
                steps.Add(Fill(field, protoType, proto, Expression.Property(entity, property)));
            }
        }

        steps.Add(Expression.Empty());
        return Expression.Lambda<Action<IMessage, object>>(Expression.Block([proto, entity], steps), protoArgument, entityArgument).Compile();
    }

    /// <summary><c>if (value is not null &amp;&amp; !set(field)) field = wire(value);</c></summary>
    private static ConditionalExpression Fill(FieldDescriptor field, System.Type protoType, ParameterExpression proto, MemberExpression value)
    {
        var target = protoType.GetProperty(field.PropertyName)!;
        var underlying = Nullable.GetUnderlyingType(value.Type);
        Expression present = underlying is not null ? Expression.Property(value, "HasValue")
            : value.Type.IsValueType ? Expression.Constant(true)
            : Expression.NotEqual(value, Expression.Constant(null, value.Type));
        Expression plain = underlying is not null ? Expression.Property(value, "Value") : value;
        return Expression.IfThen(
            Expression.AndAlso(present, Expression.Not(IsSet(field, proto, target))),
            Expression.Assign(Expression.Property(proto, target), ToWire(field, plain, target.PropertyType)));
    }

    private static Expression IsSet(FieldDescriptor field, ParameterExpression proto, PropertyInfo target)
    {
        var current = Expression.Property(proto, target);
        if (field.FieldType == FieldType.Message)
        {
            return Expression.NotEqual(current, Expression.Constant(null, target.PropertyType));
        }

        if (field.HasPresence)
        {
            return proto.Type.GetProperty("Has" + field.PropertyName) is { } has
                ? Expression.Property(proto, has)
                : Expression.Call(Expression.Constant(field.Accessor), typeof(IFieldAccessor).GetMethod(nameof(IFieldAccessor.HasValue))!, proto);
        }

        return target.PropertyType == typeof(string) ? Expression.GreaterThan(Expression.Property(current, "Length"), Expression.Constant(0))
            : target.PropertyType == typeof(ByteString) ? Expression.Not(Expression.Property(current, nameof(ByteString.IsEmpty)))
            : target.PropertyType == typeof(bool) ? current
            : target.PropertyType.IsEnum ? Expression.NotEqual(Expression.Convert(current, typeof(int)), Expression.Constant(0))
            : Expression.NotEqual(current, Expression.Default(target.PropertyType));
    }

    /// <summary>The value as the field takes it; a value it cannot take throws when met, as a mapping mistake.</summary>
    private static Expression ToWire(FieldDescriptor field, Expression value, System.Type wire)
    {
        if (field.Name == "etag" && value.Type == typeof(long))
        {
            return Expression.Call(typeof(Etag).GetMethod(nameof(Etag.Of), [typeof(long)])!, value);
        }

        if (value.Type == typeof(DateTime) && wire == typeof(Timestamp))
        {
            return Expression.Call(typeof(WireTime).GetMethod(nameof(WireTime.ToTimestamp), [typeof(DateTime)])!, value);
        }

        if (value.Type.IsEnum && wire.IsEnum)
        {
            return Expression.Convert(Expression.Convert(value, typeof(int)), wire);
        }

        return value.Type == wire && field.FieldType is not (FieldType.Message or FieldType.Enum)
            ? value
            : Expression.Throw(
                Expression.New(
                    typeof(NotSupportedException).GetConstructor([typeof(string)])!,
                    Expression.Constant($"{field.FullName} cannot take a {value.Type.Name}; set it by hand.")),
                wire);
    }
}
