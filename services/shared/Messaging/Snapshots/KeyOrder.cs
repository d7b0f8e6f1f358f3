using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Industry.ServiceDefaults.Filtering;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Industry.ServiceDefaults.Messaging.Snapshots;

/// <summary>
/// A table read in its primary key's order, batch after batch by keyset (<c>WHERE key &gt; last</c>, never OFFSET), so
/// that every batch costs the same however far into 50,000 rows it is. Built from the EF model, for any key, composite
/// included (a report's project and month).
/// </summary>
internal sealed class KeyOrder<TEntity>
    where TEntity : class
{
    private static readonly System.Reflection.MethodInfo PropertyMethod = typeof(EF).GetMethod(nameof(EF.Property))!;

    private readonly IReadOnlyList<IProperty> _key;

    private KeyOrder(IReadOnlyList<IProperty> key) => _key = key;

    public static KeyOrder<TEntity> Of(DbContext db) =>
        new(db.Model.FindEntityType(typeof(TEntity))?.FindPrimaryKey()?.Properties
            ?? throw new InvalidOperationException($"{typeof(TEntity)} is not an entity with a primary key of {db.GetType().Name}."));

    public IQueryable<TEntity> Apply(IQueryable<TEntity> query)
    {
        var expression = query.Expression;
        for (var i = 0; i < _key.Count; i++)
        {
            var row = Expression.Parameter(typeof(TEntity), "x");
            var lambda = Expression.Lambda(Column(row, _key[i]), row);
            expression = Expression.Call(typeof(Queryable), i == 0 ? nameof(Queryable.OrderBy) : nameof(Queryable.ThenBy), [typeof(TEntity), _key[i].ClrType], expression, Expression.Quote(lambda));
        }

        return query.Provider.CreateQuery<TEntity>(expression);
    }

    /// <summary>The key of <paramref name="row"/>, the last of a batch.</summary>
    public object?[] ValuesOf(TEntity row) => [.. _key.Select(p => p.GetGetter().GetClrValue(row))];

    /// <summary>
    /// The rows after the one whose key is <paramref name="last"/>: for k1..kn, <c>k1 ≥ v1 AND (k1 &gt; v1 OR (k1 = v1
    /// AND (k2 &gt; v2 OR …)))</c>; the leading bound lets the database start an index range scan at the last row.
    /// </summary>
    public IQueryable<TEntity> After(IQueryable<TEntity> query, object?[] last)
    {
        var row = Expression.Parameter(typeof(TEntity), "x");
        var columns = _key.Select(p => Column(row, p)).ToArray();
        var values = _key.Select((p, i) => Value(p.ClrType, last[i])).ToArray();
        var after = QueryExpressions.Compare(columns[^1], FilterOperator.GreaterThan, values[^1]);
        for (var i = _key.Count - 2; i >= 0; i--)
        {
            after = Expression.OrElse(
                QueryExpressions.Compare(columns[i], FilterOperator.GreaterThan, values[i]),
                Expression.AndAlso(QueryExpressions.Compare(columns[i], FilterOperator.Equal, values[i]), after));
        }

        var leading = QueryExpressions.Compare(columns[0], FilterOperator.GreaterThanOrEqual, values[0]);
        return query.Where(Expression.Lambda<Func<TEntity, bool>>(Expression.AndAlso(leading, after), row));
    }

    private static MethodCallExpression Column(ParameterExpression row, IProperty property) =>
        Expression.Call(PropertyMethod.MakeGenericMethod(property.ClrType), row, Expression.Constant(property.Name));

    /// <summary>A value as a SQL parameter (a captured variable to EF), never a literal in the SQL text.</summary>
    private static MemberExpression Value(Type type, object? value)
    {
        var box = Activator.CreateInstance(typeof(StrongBox<>).MakeGenericType(type), value)!;
        return Expression.Field(Expression.Constant(box), nameof(StrongBox<object>.Value));
    }
}
