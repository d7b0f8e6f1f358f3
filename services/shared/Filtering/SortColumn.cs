using System.Globalization;
using System.Linq.Expressions;

namespace Industry.ServiceDefaults.Filtering;

/// <summary>An orderable column: how to order a query by it, and how its value travels in a page token.</summary>
public abstract class SortColumn<T>
{
    private protected SortColumn(string field, bool unique)
    {
        Field = field;
        Unique = unique;
    }

    public string Field { get; }

    public bool Unique { get; }

    internal abstract LambdaExpression Lambda { get; }

    internal abstract IOrderedQueryable<T> OrderBy(IQueryable<T> query, bool descending);

    internal abstract IOrderedQueryable<T> ThenBy(IOrderedQueryable<T> query, bool descending);

    /// <summary>The row's value as page-token text.</summary>
    internal abstract string Encode(T row);

    /// <summary>A page token's text as a SQL parameter of the column's type, or null when it is not such a value.</summary>
    internal abstract Expression? Decode(string text);
}

internal sealed class SortColumn<T, TKey> : SortColumn<T>
{
    private readonly Expression<Func<T, TKey>> _column;
    private readonly Func<T, TKey> _read;

    public SortColumn(string field, Expression<Func<T, TKey>> column, bool unique)
        : base(field, unique)
    {
        if (typeof(TKey) != typeof(string) && typeof(TKey) != typeof(long) && typeof(TKey) != typeof(int) && typeof(TKey) != typeof(DateTime))
        {
            throw new NotSupportedException($"Ordering by {typeof(TKey).Name} is not supported; use a string, integer or UTC timestamp column.");
        }

        _column = column;
        _read = column.Compile();
    }

    internal override LambdaExpression Lambda => _column;

    internal override IOrderedQueryable<T> OrderBy(IQueryable<T> query, bool descending) =>
        descending ? query.OrderByDescending(_column) : query.OrderBy(_column);

    internal override IOrderedQueryable<T> ThenBy(IOrderedQueryable<T> query, bool descending) =>
        descending ? query.ThenByDescending(_column) : query.ThenBy(_column);

    internal override string Encode(T row) => _read(row) switch
    {
        string text => text,
        long number => number.ToString(CultureInfo.InvariantCulture),
        int number => number.ToString(CultureInfo.InvariantCulture),
        DateTime time => time.Ticks.ToString(CultureInfo.InvariantCulture),
        _ => string.Empty,
    };

    internal override Expression? Decode(string text)
    {
        if (typeof(TKey) == typeof(string))
        {
            return QueryExpressions.Parameter(text);
        }

        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        if (typeof(TKey) == typeof(long))
        {
            return QueryExpressions.Parameter(number);
        }

        if (typeof(TKey) == typeof(int))
        {
            return number is >= int.MinValue and <= int.MaxValue ? QueryExpressions.Parameter((int)number) : null;
        }

        return number is >= 0 and <= 3_155_378_975_999_999_999 ? QueryExpressions.Parameter(new DateTime(number, DateTimeKind.Utc)) : null;
    }
}
