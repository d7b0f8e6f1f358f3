namespace Industry.ServiceDefaults.Reporting;

/// <summary>同比: the year-on-year arithmetic every programme's figures use, kept apart from the SQL that feeds it.</summary>
public static class YearOnYear
{
    /// <summary>
    /// The change of <paramref name="current"/> against <paramref name="previous"/> in percent, <c>(current / previous - 1) * 100</c>,
    /// rounded to one decimal as the department publishes it (27.7); null without a base (none, or 0).
    /// </summary>
    public static double? GrowthPercent(long current, long? previous) =>
        previous is null or 0 ? null : Math.Round((double)(current - previous.Value) / previous.Value * 100, 1, MidpointRounding.AwayFromZero);
}
