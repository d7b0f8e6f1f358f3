using System.Linq.Expressions;
using Industry.ServiceDefaults.Errors;

namespace Industry.ServiceDefaults.Filtering;

/// <summary>
/// The fields a list method orders by (AIP-132 <c>order_by</c>: <c>field[ desc][, field[ desc]]…</c>), each bound to
/// its column, plus the resource's unique id that breaks ties so that every order is total and keyset pages
/// neither skip nor repeat a row. An unknown or repeated field is INVALID_ARGUMENT on <c>order_by</c>. Build one per
/// resource, once.
/// </summary>
public sealed class SortSchema<T>
{
    private readonly Dictionary<string, SortColumn<T>> _columns = new(StringComparer.Ordinal);
    private readonly SortColumn<T> _id;
    private readonly string _defaultOrder;
    private readonly bool _tiesAscending;

    /// <param name="id">The unique key appended to every order.</param>
    /// <param name="defaultOrder">The order when <c>order_by</c> is empty, in <c>order_by</c> syntax.</param>
    /// <param name="tiesAscending">
    /// Whether ties are broken by the id ascending whatever the last key's direction (a contract that promised it),
    /// rather than in the last key's direction.
    /// </param>
    public SortSchema(Expression<Func<T, string>> id, string defaultOrder, bool tiesAscending = false)
    {
        _id = new SortColumn<T, string>("name", id, unique: true);
        _defaultOrder = defaultOrder;
        _tiesAscending = tiesAscending;
    }

    /// <summary>
    /// An orderable column (string, integer or UTC timestamp). A <paramref name="unique"/> column orders totally by
    /// itself, so no tie-breaker follows it.
    /// </summary>
    public SortSchema<T> Field<TKey>(string field, Expression<Func<T, TKey>> column, bool unique = false)
    {
        _columns.Add(field, new SortColumn<T, TKey>(field, column, unique));
        return this;
    }

    public SortOrder<T> Parse(string? orderBy, string requestField = "order_by")
    {
        var text = string.IsNullOrWhiteSpace(orderBy) ? _defaultOrder : orderBy;
        var keys = new List<SortKey<T>>();
        foreach (var item in text.Split(','))
        {
            var words = item.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (words.Length is 0 or > 2 || (words.Length == 2 && words[1] != "desc"))
            {
                throw ServiceException.InvalidArgument(requestField, $"'{item.Trim()}' is not 'field' or 'field desc' (fields separated by commas).");
            }

            if (!_columns.TryGetValue(words[0], out var column))
            {
                throw ServiceException.InvalidArgument(requestField, $"'{words[0]}' cannot be ordered by; fields: {string.Join(", ", _columns.Keys.Order(StringComparer.Ordinal))}.");
            }

            if (keys.Any(k => k.Column == column))
            {
                throw ServiceException.InvalidArgument(requestField, $"'{words[0]}' appears more than once.");
            }

            keys.Add(new SortKey<T>(column, Descending: words.Length == 2));
        }

        // Ties follow the direction of the last key, so that an index on (key, id) serves the order in one scan.
        if (!keys.Any(k => k.Column.Unique))
        {
            keys.Add(new SortKey<T>(_id, !_tiesAscending && keys[^1].Descending));
        }

        return new SortOrder<T>(keys);
    }
}

/// <summary>One column of an order and its direction.</summary>
public sealed record SortKey<T>(SortColumn<T> Column, bool Descending)
{
    public override string ToString() => Descending ? Column.Field + " desc" : Column.Field;
}
