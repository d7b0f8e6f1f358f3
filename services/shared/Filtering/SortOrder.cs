using System.Linq.Expressions;
using Industry.ServiceDefaults.Errors;

namespace Industry.ServiceDefaults.Filtering;

/// <summary>
/// A parsed, total order (the requested keys, then the tie-breaker): orders a query, and continues it after the last
/// row of a page by a WHERE on the key tuple (keyset pagination, AIP-158), never by OFFSET.
/// </summary>
public sealed class SortOrder<T>
{
    internal SortOrder(IReadOnlyList<SortKey<T>> keys) => Keys = keys;

    public IReadOnlyList<SortKey<T>> Keys { get; }

    /// <summary>The order as <c>order_by</c> text, tie-breaker included (<c>create_time desc, name desc</c>).</summary>
    public override string ToString() => string.Join(", ", Keys);

    public IOrderedQueryable<T> Apply(IQueryable<T> query)
    {
        var ordered = Keys[0].Column.OrderBy(query, Keys[0].Descending);
        foreach (var key in Keys.Skip(1))
        {
            ordered = key.Column.ThenBy(ordered, key.Descending);
        }

        return ordered;
    }

    /// <summary>The page token's keys of <paramref name="row"/>, the last row of a page: one per key of the order.</summary>
    public string[] TokenKeys(T row) => [.. Keys.Select(k => k.Column.Encode(row))];

    /// <summary>
    /// The rows after the one whose keys are <paramref name="tokenKeys"/>: for keys k1..kn,
    /// <c>k1 ≥ v1 AND (k1 &gt; v1 OR (k1 = v1 AND (k2 &gt; v2 OR …)))</c> (≤ and &lt; where descending). The leading
    /// bound repeats what the OR implies so that the database can start an index range scan at the last row.
    /// </summary>
    public IQueryable<T> After(IQueryable<T> query, IReadOnlyList<string> tokenKeys, string requestField = "page_token")
    {
        if (tokenKeys.Count != Keys.Count)
        {
            throw ServiceException.InvalidArgument(requestField, "does not fit this order; start again without a page_token.");
        }

        var row = Expression.Parameter(typeof(T), "x");
        var columns = Keys.Select(k => QueryExpressions.Inline(k.Column.Lambda, row)).ToArray();
        var values = Keys.Select((k, i) => k.Column.Decode(tokenKeys[i])
            ?? throw ServiceException.InvalidArgument(requestField, "does not fit this order; start again without a page_token.")).ToArray();

        Expression after = Beyond(Keys.Count - 1);
        for (var i = Keys.Count - 2; i >= 0; i--)
        {
            after = Expression.OrElse(Beyond(i), Expression.AndAlso(QueryExpressions.Compare(columns[i], FilterOperator.Equal, values[i]), after));
        }

        var leading = QueryExpressions.Compare(columns[0], Keys[0].Descending ? FilterOperator.LessThanOrEqual : FilterOperator.GreaterThanOrEqual, values[0]);
        return query.Where(Expression.Lambda<Func<T, bool>>(Expression.AndAlso(leading, after), row));

        Expression Beyond(int i) =>
            QueryExpressions.Compare(columns[i], Keys[i].Descending ? FilterOperator.LessThan : FilterOperator.GreaterThan, values[i]);
    }
}
