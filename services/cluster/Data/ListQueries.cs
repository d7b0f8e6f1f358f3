using System.Globalization;
using System.Linq.Expressions;
using Industry.Clusters.Domain;
using Industry.ServiceDefaults.Errors;
using Industry.ServiceDefaults.Filtering;
using Industry.ServiceDefaults.Reporting;

namespace Industry.Clusters.Data;

/// <summary>
/// The filters and orders of <c>ListClusters</c> and <c>ListRevenueReports</c> (the fields their proto comments list),
/// turned into predicates and keyset conditions that EF Core translates to SQL. Kept in this one file on purpose: a
/// shared translation of parsed filters is coming and will replace it.
/// </summary>
internal static class ListQueries
{
    public static readonly IReadOnlySet<string> ClusterFilterFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "kind", "state", "level", "industry", "lead_division_code", "city_code", "recognition_year", "host_park",
    };

    public static readonly IReadOnlySet<string> RevenueReportFilterFields = new HashSet<string>(StringComparer.Ordinal) { "period" };

    /// <summary><paramref name="query"/> narrowed by an AIP-160 filter over the cluster fields; INVALID_ARGUMENT on <c>filter</c> otherwise.</summary>
    public static IQueryable<Cluster> FilterClusters(IQueryable<Cluster> query, string filter) =>
        FilterParser.Parse(filter, ClusterFilterFields).Aggregate(query, (q, term) => q.Where(term.Field switch
        {
            "kind" => Terms<Cluster>.Enum(term, c => c.Kind, ClusterLifecycle.ApiName),
            "state" => Terms<Cluster>.Enum(term, c => c.State, ClusterLifecycle.ApiName),
            "level" => Terms<Cluster>.Enum(term, c => c.Level, ClusterLifecycle.ApiName),
            "industry" => Terms<Cluster>.Compare(term, c => c.IndustryCode, IndustryCode(Quoted(term))),
            "lead_division_code" => Terms<Cluster>.Compare(term, c => c.LeadDivisionCode, Quoted(term)),
            "city_code" => Terms<Cluster>.Compare(term, c => c.CityCode, Quoted(term)),
            "host_park" => Terms<Cluster>.Compare(term, c => c.HostPark, Quoted(term)),
            _ => Terms<Cluster>.Compare(term, c => c.RecognitionYear, Integer(term)),
        }));

    /// <summary><paramref name="query"/> narrowed by a filter on <c>period</c> ("YYYY-MM", compared as months).</summary>
    public static IQueryable<RevenueReport> FilterRevenueReports(IQueryable<RevenueReport> query, string filter) =>
        FilterParser.Parse(filter, RevenueReportFilterFields).Aggregate(query, (q, term) =>
        {
            var period = ReportingPeriod.TryParse(Quoted(term)) ?? throw Invalid(term, $"'{term.Value}' is not a month \"YYYY-MM\".");
            return q.Where(Terms<RevenueReport>.Compare(term, r => (r.Year * 12) + r.Month, period.Ordinal));
        });

    /// <summary>
    /// An AIP-132 <c>order_by</c> of <c>ListClusters</c>: <c>display_name</c>, <c>create_time</c>,
    /// <c>recognition_year</c>, each optionally <c>desc</c>; default <c>create_time desc</c>; ties broken by name.
    /// </summary>
    public static ClusterOrder OrderClusters(string? orderBy)
    {
        var text = string.IsNullOrWhiteSpace(orderBy) ? "create_time desc" : orderBy;
        var keys = new List<SortKey>();
        foreach (var item in text.Split(','))
        {
            var words = item.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var descending = words.Length == 2 && words[1] == "desc";
            if (words.Length is 0 or > 2 || (words.Length == 2 && !descending))
            {
                throw ServiceException.InvalidArgument("order_by", $"'{item.Trim()}' is not 'field' or 'field desc'.");
            }

            SortKey key = words[0] switch
            {
                "display_name" => new SortKey<string>(c => c.DisplayName, descending, v => v, v => v),
                "create_time" => new SortKey<DateTime>(c => c.CreateTime, descending, Ticks, FromTicks),
                "recognition_year" => new SortKey<int>(c => c.RecognitionYear, descending, Number, v => int.Parse(v, CultureInfo.InvariantCulture)),
                _ => throw ServiceException.InvalidArgument("order_by", $"'{words[0]}' cannot be ordered by; fields: create_time, display_name, recognition_year."),
            };
            if (keys.Any(k => k.Field == words[0]))
            {
                throw ServiceException.InvalidArgument("order_by", $"'{words[0]}' appears more than once.");
            }

            keys.Add(key with { Field = words[0] });
        }

        keys.Add(new SortKey<string>(c => c.Id, Descending: false, v => v, v => v) { Field = "name" });
        return new ClusterOrder(keys);
    }

    /// <summary>A parsed order: applies itself, continues after a row (keyset), and names the row's keys for a page token.</summary>
    public sealed class ClusterOrder(IReadOnlyList<SortKey> keys)
    {
        public IQueryable<Cluster> Apply(IQueryable<Cluster> query)
        {
            var ordered = keys[0].OrderBy(query);
            return keys.Skip(1).Aggregate(ordered, (q, key) => key.ThenBy(q));
        }

        /// <summary>The rows after the one whose keys are <paramref name="last"/>: (k1 after) or (k1 = and k2 after) or ….</summary>
        public IQueryable<Cluster> After(IQueryable<Cluster> query, IReadOnlyList<string> last)
        {
            if (last.Count != keys.Count)
            {
                throw ServiceException.InvalidArgument("page_token", "was issued for a different order; start again without a page_token.");
            }

            var row = Expression.Parameter(typeof(Cluster), "c");
            Expression? any = null;
            try
            {
                for (var i = 0; i < keys.Count; i++)
                {
                    var term = keys[i].After(row, last[i]);
                    for (var j = i - 1; j >= 0; j--)
                    {
                        term = Expression.AndAlso(keys[j].Same(row, last[j]), term);
                    }

                    any = any is null ? term : Expression.OrElse(any, term);
                }
            }
            catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException)
            {
                // A key that is not of its column's type: a token of another order or a forgery, the caller's error.
                throw ServiceException.InvalidArgument("page_token", "does not fit this order; start again without a page_token.");
            }

            return query.Where(Expression.Lambda<Func<Cluster, bool>>(any!, row));
        }

        public IReadOnlyList<string> KeysOf(Cluster cluster) => [.. keys.Select(k => k.ValueOf(cluster))];
    }

    /// <summary>One column of an order, with how its value travels in a page token.</summary>
    public abstract record SortKey(bool Descending)
    {
        public string Field { get; init; } = string.Empty;

        public abstract IOrderedQueryable<Cluster> OrderBy(IQueryable<Cluster> query);

        public abstract IOrderedQueryable<Cluster> ThenBy(IOrderedQueryable<Cluster> query);

        public abstract Expression After(ParameterExpression row, string value);

        public abstract Expression Same(ParameterExpression row, string value);

        public abstract string ValueOf(Cluster cluster);
    }

    private sealed record SortKey<TKey>(Expression<Func<Cluster, TKey>> Column, bool Descending, Func<TKey, string> Format, Func<string, TKey> Parse)
        : SortKey(Descending)
    {
        private readonly Func<Cluster, TKey> _compiled = Column.Compile();

        public override IOrderedQueryable<Cluster> OrderBy(IQueryable<Cluster> query) =>
            Descending ? query.OrderByDescending(Column) : query.OrderBy(Column);

        public override IOrderedQueryable<Cluster> ThenBy(IOrderedQueryable<Cluster> query) =>
            Descending ? query.ThenByDescending(Column) : query.ThenBy(Column);

        public override Expression After(ParameterExpression row, string value) =>
            Comparison(Bind(Column, row), Descending ? FilterOperator.LessThan : FilterOperator.GreaterThan, Parameter(Parse(value)));

        public override Expression Same(ParameterExpression row, string value) =>
            Comparison(Bind(Column, row), FilterOperator.Equal, Parameter(Parse(value)));

        public override string ValueOf(Cluster cluster) => Format(_compiled(cluster));
    }

    /// <summary>Comparisons on the columns of <typeparamref name="T"/>.</summary>
    private static class Terms<T>
    {
        public static Expression<Func<T, bool>> Enum<TEnum>(FilterComparison term, Expression<Func<T, TEnum>> column, Func<TEnum, string> apiName)
            where TEnum : struct, System.Enum
        {
            if (term.Operator is not (FilterOperator.Equal or FilterOperator.NotEqual))
            {
                throw Invalid(term, "takes = or != only.");
            }

            var values = System.Enum.GetValues<TEnum>().ToDictionary(apiName, StringComparer.Ordinal);
            return term.Kind == FilterValueKind.Bare && values.TryGetValue(term.Value, out var value)
                ? Compare(term, column, value)
                : throw Invalid(term, $"'{term.Value}' is not a value; values: {string.Join(", ", values.Keys.Order(StringComparer.Ordinal))}.");
        }

        public static Expression<Func<T, bool>> Compare<TKey>(FilterComparison term, Expression<Func<T, TKey>> column, TKey value) =>
            Expression.Lambda<Func<T, bool>>(Comparison(column.Body, term.Operator, Parameter(value)), column.Parameters);
    }

    /// <summary><c>column op value</c>; strings through <c>string.Compare</c>, which EF translates to SQL comparisons.</summary>
    private static BinaryExpression Comparison(Expression column, FilterOperator op, Expression value)
    {
        var (left, right) = column.Type == typeof(string)
            ? ((Expression)Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, column, value), (Expression)Expression.Constant(0))
            : (column, value);
        return op switch
        {
            FilterOperator.Equal => Expression.Equal(column, value),
            FilterOperator.NotEqual => Expression.NotEqual(column, value),
            FilterOperator.LessThan => Expression.LessThan(left, right),
            FilterOperator.LessThanOrEqual => Expression.LessThanOrEqual(left, right),
            FilterOperator.GreaterThan => Expression.GreaterThan(left, right),
            _ => Expression.GreaterThanOrEqual(left, right),
        };
    }

    /// <summary>A value EF sends as a query parameter (a captured member), not as a literal in the SQL text.</summary>
    private static MemberExpression Parameter<TKey>(TKey value) =>
        Expression.Property(Expression.Constant(new Captured<TKey>(value)), nameof(Captured<TKey>.Value));

    private static Expression Bind<TKey>(Expression<Func<Cluster, TKey>> column, ParameterExpression row) =>
        new Rebinder(column.Parameters[0], row).Visit(column.Body);

    private static string Quoted(FilterComparison term) =>
        term.Kind == FilterValueKind.Quoted ? term.Value : throw Invalid(term, $"takes a double-quoted string, e.g. {term.Field} = \"{term.Value}\".");

    private static int Integer(FilterComparison term) =>
        term.Kind == FilterValueKind.Bare && int.TryParse(term.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw Invalid(term, $"'{term.Value}' is not a whole number.");

    /// <summary>The code as stored (<c>AUTO</c>), written as the resource name <c>industries/AUTO</c> or as the code.</summary>
    private static string IndustryCode(string value) =>
        (value.StartsWith(ClusterRules.IndustryCollection + "/", StringComparison.Ordinal) ? ClusterRules.IndustryCode(value) : value).ToUpperInvariant();

    private static ServiceException Invalid(FilterComparison term, string description) =>
        ServiceException.InvalidArgument("filter", $"{term.Field}: {description}");

    private static string Ticks(DateTime time) => time.Ticks.ToString(CultureInfo.InvariantCulture);

    private static DateTime FromTicks(string ticks) => new(long.Parse(ticks, CultureInfo.InvariantCulture), DateTimeKind.Utc);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed record Captured<TKey>(TKey Value);

    private sealed class Rebinder(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
