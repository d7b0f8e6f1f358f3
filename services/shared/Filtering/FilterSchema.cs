using System.Collections.Frozen;
using System.Linq.Expressions;

using Industry.ServiceDefaults.Resources;

namespace Industry.ServiceDefaults.Filtering;

/// <summary>
/// The fields a list method filters on, each bound to its column and to the values it accepts. It turns an AIP-160
/// filter (parsed by <see cref="FilterParser"/>) into one predicate, and joins for its <see cref="Join"/> fields, that EF
/// Core translates to SQL, never evaluated in memory. Strings are double-quoted, numbers and booleans bare, enums their full API value names; strings,
/// numbers, dates and timestamps take the six operators, booleans and enums <c>=</c> and <c>!=</c> only. A wrong value,
/// operator or field is INVALID_ARGUMENT on the request's filter field, naming the filtered field. Build one per
/// resource, once (it is immutable after construction and safe to share).
/// </summary>
public sealed class FilterSchema<T>
{
    private static readonly FilterOperator[] EqualityOnly = [FilterOperator.Equal, FilterOperator.NotEqual];
    private readonly Dictionary<string, Func<FilterTerm, Expression<Func<T, bool>>>> _fields = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<FilterTerm, Func<IQueryable<T>, IQueryable<T>>>> _joins = new(StringComparer.Ordinal);
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    public IReadOnlySet<string> Fields => _names;

    /// <summary>A string column; <paramref name="normalize"/> maps the written value to the stored form (e.g. upper case).</summary>
    public FilterSchema<T> Text(string field, Expression<Func<T, string>> column, Func<string, string>? normalize = null) =>
        Custom(field, term => ColumnComparisons.Compare<T>(column, term.Operator, QueryExpressions.Parameter((normalize ?? (v => v))(term.QuotedValue("\"340100\"")))));

    public FilterSchema<T> Number(string field, Expression<Func<T, long>> column) =>
        Custom(field, term => ColumnComparisons.Compare<T>(column, term.Operator, QueryExpressions.Parameter(term.IntegerValue())));

    public FilterSchema<T> Flag(string field, Expression<Func<T, bool>> column) => Custom(field, term =>
    {
        term.RequireOperator(EqualityOnly);
        return ColumnComparisons.Compare<T>(column, term.Operator, QueryExpressions.Parameter(term.BooleanValue()));
    });

    /// <summary>
    /// An enum column, written as its API value names: <paramref name="prefix"/> and the member's name in
    /// UPPER_SNAKE case (<c>PROJECT_STATE_</c> + <c>UnderConstruction</c> → <c>PROJECT_STATE_UNDER_CONSTRUCTION</c>), the
    /// proto convention the domain enums mirror. An <paramref name="ordered"/> enum (levels that only go up) also takes
    /// <c>&lt; &lt;= &gt; &gt;=</c>, comparing the members' numbers.
    /// </summary>
    public FilterSchema<T> Enum<TEnum>(string field, Expression<Func<T, TEnum>> column, string prefix, bool ordered = false)
        where TEnum : struct, System.Enum
    {
        var byName = System.Enum.GetValues<TEnum>().ToFrozenDictionary(v => ApiEnumNames.Of(v, prefix), StringComparer.Ordinal);
        return Custom(field, term =>
        {
            if (!ordered)
            {
                term.RequireOperator(EqualityOnly);
            }

            var value = term.NamedValue(byName);

            if (ordered && term.Operator is not (FilterOperator.Equal or FilterOperator.NotEqual))
            {
                // Enums have no < in expression trees: compare their numbers, as the database stores them.
                var number = System.Enum.GetUnderlyingType(typeof(TEnum));
                return Expression.Lambda<Func<T, bool>>(
                    QueryExpressions.Compare(Expression.Convert(column.Body, number), term.Operator, Expression.Convert(QueryExpressions.Parameter(value), number)),
                    column.Parameters);
            }

            return ColumnComparisons.Compare<T>(column, term.Operator, QueryExpressions.Parameter(value));
        });
    }

    /// <summary>A date column that may be empty; an empty date satisfies <c>!=</c> only.</summary>
    public FilterSchema<T> Date(string field, Expression<Func<T, DateOnly?>> column) =>
        Custom(field, term => ColumnComparisons.Compare<T>(column, term.Operator, Expression.Convert(QueryExpressions.Parameter(term.DateValue()), typeof(DateOnly?))));

    public FilterSchema<T> Timestamp(string field, Expression<Func<T, DateTime>> column) =>
        Custom(field, term => ColumnComparisons.Compare<T>(column, term.Operator, QueryExpressions.Parameter(term.TimestampValue())));

    /// <summary>A field with its own translation (a derived field, a value stored over several columns).</summary>
    public FilterSchema<T> Custom(string field, Func<FilterTerm, Expression<Func<T, bool>>> translate)
    {
        _fields.Add(field, translate);
        _names.Add(field);
        return this;
    }

    /// <summary>
    /// A field that holds when a row has exactly one related row of a kind (a qualification held), written
    /// as an inner join (<paramref name="narrow"/>) instead of an EXISTS predicate. PostgreSQL proves a semi join's inner
    /// side unique from full unique indexes only, not partial ones (<c>uscc, type WHERE revoke_time IS NULL</c>); without
    /// that proof it walks the whole primary key in order to fill a page of a rare kind. The join must match at most one
    /// row per <typeparamref name="T"/>, or rows repeat. Such a schema filters queries through <see cref="Apply"/> only.
    /// </summary>
    public FilterSchema<T> Join(string field, Func<FilterTerm, Func<IQueryable<T>, IQueryable<T>>> narrow)
    {
        _joins.Add(field, narrow);
        _names.Add(field);
        return this;
    }

    /// <summary>
    /// This schema and one more field whose translation needs the call (its day, a query on the call's context): a
    /// copy, so that the shared schema stays immutable and its column expressions are built once, not per call.
    /// </summary>
    public FilterSchema<T> With(string field, Func<FilterTerm, Expression<Func<T, bool>>> translate)
    {
        var copy = new FilterSchema<T>();
        foreach (var (name, existing) in _fields)
        {
            copy.Custom(name, existing);
        }

        foreach (var (name, existing) in _joins)
        {
            copy.Join(name, existing);
        }

        return copy.Custom(field, translate);
    }

    /// <summary>
    /// The filter as one predicate, or null when it is empty (no <c>WHERE</c> to add), for a query that embeds it (a
    /// subquery, a grouping). A schema with <see cref="Join"/> fields has no single predicate: it throws, whatever the
    /// filter, so that a caller learns it from its first test.
    /// </summary>
    public Expression<Func<T, bool>>? Translate(string? filter, string requestField = "filter")
    {
        if (_joins.Count > 0)
        {
            throw new InvalidOperationException($"This filter schema has join fields ({string.Join(", ", _joins.Keys)}): filter queries with Apply.");
        }

        var comparisons = FilterParser.Parse(filter, Fields, requestField);
        return QueryExpressions.AndAll(comparisons.Select(c => _fields[c.Field](new FilterTerm(c, requestField))));
    }

    /// <summary><paramref name="query"/> narrowed by the filter: its comparisons as one <c>WHERE</c>, its join fields as joins.</summary>
    public IQueryable<T> Apply(IQueryable<T> query, string? filter, string requestField = "filter")
    {
        var comparisons = FilterParser.Parse(filter, Fields, requestField);
        var predicates = new List<Expression<Func<T, bool>>>();
        foreach (var comparison in comparisons)
        {
            var term = new FilterTerm(comparison, requestField);
            if (_joins.TryGetValue(comparison.Field, out var narrow))
            {
                query = narrow(term)(query);
            }
            else
            {
                predicates.Add(_fields[comparison.Field](term));
            }
        }

        return QueryExpressions.AndAll(predicates) is { } predicate ? query.Where(predicate) : query;
    }
}
