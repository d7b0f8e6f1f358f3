using System.Linq.Expressions;
using Industry.ServiceDefaults.Filtering;

namespace Industry.Clusters.Data;

/// <summary>What <c>ListPerMuEvaluations</c> filters on (year, grade, city) and its one order: by enterprise, then the latest year first.</summary>
internal static class PerMuEvaluationListing
{
    public static readonly FilterSchema<PerMuEvaluation> Filter = new FilterSchema<PerMuEvaluation>()
        .Custom("year", Year)
        .Enum("grade", e => e.Grade, "PER_MU_GRADE_")
        .Text("city_code", e => e.CityCode);

    /// <summary>(USCC, year) is the key, so nothing needs to follow the year.</summary>
    public static readonly SortSchema<PerMuEvaluation> Order = new SortSchema<PerMuEvaluation>(e => e.Uscc, "enterprise, year desc")
        .Field("enterprise", e => e.Uscc)
        .Field("year", e => e.Year, unique: true);

    private static Expression<Func<PerMuEvaluation, bool>> Year(FilterTerm term)
    {
        var value = term.IntegerValue();
        if (value is < 0 or > 9999)
        {
            throw term.Invalid($"{value} is not a year.");
        }

        return ColumnComparisons.Compare<PerMuEvaluation, int>(e => e.Year, term.Operator, (int)value);
    }
}
