using System.Linq.Expressions;
using Industry.ServiceDefaults.Filtering;

namespace Industry.Clusters.Data;

/// <summary>What <c>ListClusters</c> filters and orders by: the fields of the proto's <c>filter</c> and <c>order_by</c> comments, each on its column.</summary>
internal static class ClusterListing
{
    public static readonly FilterSchema<Cluster> Filter = new FilterSchema<Cluster>()
        .Enum("kind", c => c.Kind, "CLUSTER_KIND_")
        .Enum("state", c => c.State, "CLUSTER_STATE_")
        .Custom("level", Level)
        .Text("industry", c => c.IndustryCode, Industries.CodeOf)
        .Text("lead_division_code", c => c.LeadDivisionCode)
        .Text("city_code", c => c.CityCode)
        .Text("host_park", c => c.HostPark)
        .Custom("recognition_year", RecognitionYear);

    /// <summary>Ties are broken by name ascending in every order, as the API has always listed them.</summary>
    public static readonly SortSchema<Cluster> Order = new SortSchema<Cluster>(c => c.Id, "create_time desc", tiesAscending: true)
        .Field("create_time", c => c.CreateTime)
        .Field("display_name", c => c.DisplayName)
        .Field("recognition_year", c => c.RecognitionYear);

    private static readonly Dictionary<string, ClusterLevel> Levels = Enum.GetValues<ClusterLevel>().ToDictionary(ClusterLifecycle.ApiName, StringComparer.Ordinal);

    /// <summary><c>level = CLUSTER_LEVEL_NATIONAL</c>; a cultivating cluster holds no level, written <c>CLUSTER_LEVEL_UNSPECIFIED</c>; <c>=</c> and <c>!=</c>.</summary>
    private static Expression<Func<Cluster, bool>> Level(FilterTerm term)
    {
        term.RequireOperator(FilterOperator.Equal, FilterOperator.NotEqual);
        var level = term.NamedValue(Levels);
        return term.Operator == FilterOperator.Equal ? c => c.Level == level : c => c.Level != level;
    }

    /// <summary>A year compared as an int, so that the comparison uses the column's index (no cast to bigint).</summary>
    private static Expression<Func<Cluster, bool>> RecognitionYear(FilterTerm term)
    {
        var value = term.IntegerValue();
        return value is >= int.MinValue and <= int.MaxValue
            ? ColumnComparisons.Compare<Cluster, int>(c => c.RecognitionYear, term.Operator, (int)value)
            : throw term.Invalid($"'{term.Value}' is not a whole number.");
    }
}
