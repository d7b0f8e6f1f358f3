using System.Linq.Expressions;
using System.Runtime.CompilerServices;

namespace Industry.ServiceDefaults.Filtering;

/// <summary>Building blocks for predicates that EF Core translates to SQL, shared by filters and keyset pages.</summary>
public static class QueryExpressions
{
    private static readonly System.Reflection.MethodInfo StringCompare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    /// <summary>
    /// A value as EF Core sees a captured variable: a SQL parameter, not a literal, so that every value shares one
    /// cached query plan and nothing the caller wrote is spliced into SQL text.
    /// </summary>
    public static Expression Parameter<TValue>(TValue value) =>
        Expression.Field(Expression.Constant(new StrongBox<TValue>(value)), nameof(StrongBox<TValue>.Value));

    /// <summary><c>left op right</c>; strings are ordered with <c>string.Compare(left, right) op 0</c>, which EF translates to <c>left op right</c>.</summary>
    public static Expression Compare(Expression left, FilterOperator op, Expression right)
    {
        if (left.Type == typeof(string) && op is not (FilterOperator.Equal or FilterOperator.NotEqual))
        {
            return Compare(Expression.Call(StringCompare, left, right), op, Expression.Constant(0));
        }

        return op switch
        {
            FilterOperator.Equal => Expression.Equal(left, right),
            FilterOperator.NotEqual => Expression.NotEqual(left, right),
            FilterOperator.LessThan => Expression.LessThan(left, right),
            FilterOperator.LessThanOrEqual => Expression.LessThanOrEqual(left, right),
            FilterOperator.GreaterThan => Expression.GreaterThan(left, right),
            _ => Expression.GreaterThanOrEqual(left, right),
        };
    }

    /// <summary>The body of <paramref name="lambda"/> with its parameter replaced by <paramref name="parameter"/>.</summary>
    public static Expression Inline(LambdaExpression lambda, ParameterExpression parameter) =>
        new Rebinder(lambda.Parameters[0], parameter).Visit(lambda.Body);

    /// <summary>All the predicates joined by AND, over one parameter; null when there are none.</summary>
    public static Expression<Func<T, bool>>? AndAll<T>(IEnumerable<Expression<Func<T, bool>>> predicates)
    {
        var parameter = Expression.Parameter(typeof(T), "x");
        Expression? body = null;
        foreach (var predicate in predicates)
        {
            var inlined = Inline(predicate, parameter);
            body = body is null ? inlined : Expression.AndAlso(body, inlined);
        }

        return body is null ? null : Expression.Lambda<Func<T, bool>>(body, parameter);
    }

    private sealed class Rebinder(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
