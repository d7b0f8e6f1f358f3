using Industry.Clusters.V1;
using Industry.ServiceDefaults.Reference;
using Industry.ServiceDefaults.Reporting;

namespace Industry.Demo.Plan;

/// <summary>
/// The report's growth statements (<c>report-growth.csv</c>) on a year's figures, from the plan or from the API alike:
/// which figure of <see cref="DemoFigures"/> each statement is about, the growth the two years give, and how close a
/// scale can come to it.
/// </summary>
public static class GrowthFigures
{
    /// <summary>The value of report figure <paramref name="figure"/> in <paramref name="figures"/>.</summary>
    public static long ValueOf(string figure, DemoFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return figure switch
        {
            "P2" => figures.CompletedInvestmentYuan,
            "C9" => figures.NewQualifications[QualificationType.InnovativeSme],
            _ => throw new KeyNotFoundException($"No figure of the data set answers report figure {figure}: add it here, or mark its growth statement answered=no."),
        };
    }

    /// <summary>The growth the two years' figures give, rounded to one decimal as the API's growth figures are.</summary>
    public static double? GrowthOf(ReportGrowth statement, DemoFigures current, DemoFigures previous)
    {
        ArgumentNullException.ThrowIfNull(statement);
        return YearOnYear.GrowthPercent(ValueOf(statement.Figure, current), ValueOf(statement.Figure, previous));
    }

    /// <summary>
    /// How far from the statement the growth may be: nothing at full scale; at a smaller one a count scaled down may
    /// have no whole previous year that gives the rate to one decimal (281 innovative SMEs at a tenth), so the rounding
    /// of the growth (0.05) and one unit of the previous year (<c>100 · current / previous²</c> points) are allowed.
    /// </summary>
    public static double Tolerance(ReportGrowth statement, DemoFigures current, DemoFigures previous, DemoScale scale)
    {
        ArgumentNullException.ThrowIfNull(statement);
        ArgumentNullException.ThrowIfNull(scale);
        if (scale == DemoScale.Full)
        {
            return 0;
        }

        double now = ValueOf(statement.Figure, current), before = ValueOf(statement.Figure, previous);
        return 0.05 + (100 * now / (before * before));
    }
}
