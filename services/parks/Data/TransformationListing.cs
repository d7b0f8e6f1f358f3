using System.Linq.Expressions;
using Industry.ServiceDefaults.Filtering;

namespace Industry.Parks.Data;

/// <summary>What <c>ListTransformations</c> filters and orders by: the fields of the proto's <c>filter</c> and <c>order_by</c> comments.</summary>
internal static class TransformationListing
{
    public static readonly FilterSchema<Transformation> Filter = new FilterSchema<Transformation>()
        .Enum("level", t => t.Level, "TRANSFORMATION_LEVEL_", ordered: true)
        .Number("year", t => t.Year)
        .Enum("source", t => t.Source, "TRANSFORMATION_SOURCE_")
        .Text("city_code", t => t.CityCode)
        .Text("enterprise_uscc", t => t.EnterpriseUscc, v => v.ToUpperInvariant())
        .Text("project", t => t.Project)
        .Timestamp("update_time", t => t.UpdateTime)
        .Custom("milestone_year", MilestoneYear);

    /// <summary>Default <c>name</c>: the key <c>{park}/{uscc}</c> orders as the names do.</summary>
    public static readonly SortSchema<Transformation> Order = new SortSchema<Transformation>(t => t.Id, "name")
        .Field("name", t => t.Id, unique: true)
        .Field("enterprise_display_name", t => t.EnterpriseDisplayName)
        .Field("level", t => (int)t.Level)
        .Field("year", t => t.Year)
        .Field("update_time", t => t.UpdateTime);

    /// <summary><c>milestone_year = Y</c>: records with a milestone of any level dated Y (the enterprises transformed in Y); <c>=</c> only.</summary>
    private static Expression<Func<Transformation, bool>> MilestoneYear(FilterTerm term)
    {
        term.RequireOperator(FilterOperator.Equal);
        var year = term.IntegerValue();
        if (year is < 1 or > 9999)
        {
            throw term.Invalid($"{year} is not a year.");
        }

        var y = (int)year;
        return t => t.Milestones.Any(m => m.Year == y);
    }
}
