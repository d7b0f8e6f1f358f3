using System.Linq.Expressions;

namespace Industry.ServiceDefaults.Filtering;

/// <summary>A filter term's comparison of a column (or an expression over columns) with a value, as a predicate on the row.</summary>
public static class ColumnComparisons
{
    /// <summary><paramref name="column"/> <paramref name="op"/> <paramref name="value"/>, the value a query parameter, so that the column's index serves it.</summary>
    public static Expression<Func<T, bool>> Compare<T, TValue>(Expression<Func<T, TValue>> column, FilterOperator op, TValue value) =>
        Compare<T>(column, op, QueryExpressions.Parameter(value));

    /// <summary><paramref name="column"/> <paramref name="op"/> <paramref name="value"/>, for a value already made an expression (converted to the column's type).</summary>
    public static Expression<Func<T, bool>> Compare<T>(LambdaExpression column, FilterOperator op, Expression value) =>
        Expression.Lambda<Func<T, bool>>(QueryExpressions.Compare(column.Body, op, value), column.Parameters);
}
