using System.Linq.Expressions;
using Industry.ServiceDefaults.Filtering;

namespace Industry.Projects.Data;

/// <summary>
/// What <c>ListProjects</c> (and <c>GetInvestmentStats</c>, over the projects it counts) filters and orders by: the
/// fields of the proto's <c>filter</c> and <c>order_by</c> comments, each on its column, translated to SQL. The columns
/// are bound once; <c>behind_schedule</c> is added per call, as it is judged on the call's day against the current plan.
/// </summary>
internal static class ProjectListing
{
    public const string DefaultOrder = "create_time desc";

    public static FilterSchema<Project> Filter(ScheduleLagBasis asOf) => Columns.With("behind_schedule", term => BehindSchedule(term, asOf));

    private static readonly FilterSchema<Project> Columns = new FilterSchema<Project>()
        .Enum("state", p => p.State, "PROJECT_STATE_")
        .Enum("tier", p => p.Tier, "PROJECT_TIER_")
        .Enum("nature", p => p.Nature, "PROJECT_NATURE_")
        .Enum("source", p => p.Source, "PROJECT_SOURCE_")
        .Text("city_code", p => p.CityCode)
        .Text("county_code", p => p.CountyCode)
        .Text("industry", p => p.Industry, Industries.CodeOf)
        .Text("gbt4754_class", p => p.Gbt4754Class, v => v.ToUpperInvariant())
        .Text("cluster", p => p.Cluster)
        .Text("park", p => p.Park)
        .Flag("digital_transformation", p => p.DigitalTransformation)
        .Text("enterprise_uscc", p => p.EnterpriseUscc, v => v.ToUpperInvariant())
        .Text("project_code", p => p.ProjectCode)
        .Number("total_investment_yuan", p => p.TotalInvestmentYuan)
        .Date("planned_start_date", p => p.PlannedStartDate)
        .Date("actual_start_date", p => p.ActualStartDate)
        .Date("actual_completion_date", p => p.ActualCompletionDate)
        .Timestamp("update_time", p => p.UpdateTime)
        .Custom("implementation_year", ImplementationYear);

    public static readonly SortSchema<Project> Order = new SortSchema<Project>(p => p.Id, DefaultOrder)
        .Field("create_time", p => p.CreateTime)
        .Field("update_time", p => p.UpdateTime)
        .Field("total_investment_yuan", p => p.TotalInvestmentYuan)
        .Field("project_code", p => p.ProjectCode, unique: true)
        .Field("display_name", p => p.DisplayName);

    /// <summary><c>implementation_year = Y</c>: under implementation in Y (<see cref="ProjectPredicates.UnderImplementationIn"/>), whatever the tier; <c>=</c> only.</summary>
    private static Expression<Func<Project, bool>> ImplementationYear(FilterTerm term)
    {
        term.RequireOperator(FilterOperator.Equal);
        var year = term.IntegerValue();
        return year is >= 1 and <= 9999
            ? ProjectPredicates.UnderImplementationIn((int)year)
            : throw term.Invalid($"{year} is not a year.");
    }

    /// <summary><c>behind_schedule = true|false</c>: <see cref="ProjectPredicates.BehindSchedule"/> on the call's day, or its complement; <c>=</c> and <c>!=</c> only.</summary>
    private static Expression<Func<Project, bool>> BehindSchedule(FilterTerm term, ScheduleLagBasis asOf)
    {
        term.RequireOperator(FilterOperator.Equal, FilterOperator.NotEqual);
        var behind = ProjectPredicates.BehindSchedule(asOf);
        return term.BooleanValue() == (term.Operator == FilterOperator.Equal)
            ? behind
            : Expression.Lambda<Func<Project, bool>>(Expression.Not(behind.Body), behind.Parameters);
    }
}
