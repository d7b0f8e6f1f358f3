using System.Linq.Expressions;
using Industry.ServiceDefaults.Filtering;

namespace Industry.Clusters.Data;

/// <summary>
/// What <c>ListEnterprises</c> and <c>ListClusterMembers</c> filter and order by: the fields of the protos' <c>filter</c>
/// and <c>order_by</c> comments, each on its column (or, for the derived fields, an EXISTS over its table), in SQL.
/// </summary>
internal static class EnterpriseListing
{
    public static readonly FilterSchema<Enterprise> Filter = new FilterSchema<Enterprise>()
        .Text("county_code", e => e.CountyCode)
        .Text("city_code", e => e.CityCode)
        .Text("gbt4754_class", e => e.Gbt4754Class, v => v.ToUpperInvariant())
        .Text("industry", e => e.IndustryCode, Industries.CodeOf)
        .Flag("above_size", e => e.AboveSize)
        .Custom("above_size_year", term => Year<Enterprise>(term, e => e.AboveSizeYear))
        .Custom("above_size_exit_year", term => Year<Enterprise>(term, e => e.AboveSizeExitYear))
        .Text("display_name", e => e.DisplayName)
        .Join("qualification", Holding)
        .Custom("cluster", MemberOf);

    public static readonly SortSchema<Enterprise> Order = new SortSchema<Enterprise>(e => e.Uscc, "name")
        .Field("name", e => e.Uscc, unique: true)
        .Field("display_name", e => e.DisplayName)
        .Field("create_time", e => e.CreateTime)
        .Field("above_size_year", e => e.AboveSizeYear);

    public static readonly FilterSchema<ClusterMember> MemberFilter = new FilterSchema<ClusterMember>()
        .Text("enterprise", m => m.Uscc, UsccOf)
        .Custom("join_year", term => Year<ClusterMember>(term, m => m.JoinYear));

    /// <summary>Memberships by name: cluster, then USCC (the primary key's order).</summary>
    public static readonly SortSchema<ClusterMember> MemberOrder = new SortSchema<ClusterMember>(m => m.Uscc, "cluster")
        .Field("cluster", m => m.ClusterId);

    /// <summary><c>enterprises/{uscc}</c> (or a bare USCC) as stored: the USCC, upper case.</summary>
    public static string UsccOf(string nameOrUscc)
    {
        var value = nameOrUscc.Trim();
        var prefix = Enterprise.Collection + "/";
        return (value.StartsWith(prefix, StringComparison.Ordinal) ? value[prefix.Length..] : value).ToUpperInvariant();
    }

    /// <summary>
    /// <c>qualification = QUALIFICATION_TYPE_X</c>: holders of that type; <c>=</c> only. A join, because an enterprise
    /// holds a type at most once (the unique index on held qualifications), and a rare type's page then reads its
    /// holders in USCC order instead of every enterprise.
    /// </summary>
    private static Func<IQueryable<Enterprise>, IQueryable<Enterprise>> Holding(FilterTerm term)
    {
        term.RequireOperator(FilterOperator.Equal);
        var type = term.NamedValue(Enum.GetValues<QualificationType>().ToDictionary(QualificationLadder.ApiName, StringComparer.Ordinal));
        return enterprises => enterprises.SelectMany(e => e.Qualifications.Where(q => q.Type == type && q.RevokeTime == null), (e, _) => e);
    }

    /// <summary><c>cluster = "clusters/x"</c>: members of that cluster; <c>=</c> only.</summary>
    private static Expression<Func<Enterprise, bool>> MemberOf(FilterTerm term)
    {
        term.RequireOperator(FilterOperator.Equal);
        var name = term.QuotedValue("\"clusters/speech-valley\"");
        var prefix = Cluster.Collection + "/";
        if (!name.StartsWith(prefix, StringComparison.Ordinal) || name.Length == prefix.Length)
        {
            throw term.Invalid($"'{name}' is not a cluster name 'clusters/{{cluster}}'.");
        }

        var clusterId = name[prefix.Length..];
        return e => e.Memberships.Any(m => m.ClusterId == clusterId);
    }

    /// <summary>A year column compared as an int, so that the comparison uses the column's index (no cast to bigint).</summary>
    private static Expression<Func<T, bool>> Year<T>(FilterTerm term, Expression<Func<T, int>> column)
    {
        var value = term.IntegerValue();
        if (value is < 0 or > 9999)
        {
            throw term.Invalid($"{value} is not a year.");
        }

        return ColumnComparisons.Compare(column, term.Operator, (int)value);
    }
}
