namespace Industry.Projects.Domain;

/// <summary>
/// 月度累计与累计增速: a year's completed investment month by month, each month with the cumulative sum from January and
/// its growth against the same months of the year before (the curve the department's monthly bulletin draws). Built
/// from monthly amounts alone, so the province's series and each city's follow one rule; a month without reports is 0.
/// </summary>
public static class InvestmentSeries
{
    /// <summary>One month of the series: the month's amount, the year's sum through it, the previous year's sum through the same month and the growth.</summary>
    public sealed record Month(int Number, long CompletedYuan, long CumulativeYuan, long PreviousYearCumulativeYuan, double? CumulativeGrowthPercent);

    /// <summary>
    /// Months 1..<paramref name="throughMonth"/> from the amounts of <paramref name="year"/> and the year before, keyed
    /// by (year, month); amounts of other years or later months are ignored.
    /// </summary>
    public static IReadOnlyList<Month> Of(IReadOnlyDictionary<(int Year, int Month), long> amounts, int year, int throughMonth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(throughMonth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(throughMonth, 12);
        var months = new List<Month>(throughMonth);
        var (cumulative, previous) = (0L, 0L);
        for (var m = 1; m <= throughMonth; m++)
        {
            var amount = amounts.GetValueOrDefault((year, m));
            cumulative += amount;
            previous += amounts.GetValueOrDefault((year - 1, m));
            months.Add(new Month(m, amount, cumulative, previous, YearOnYear.GrowthPercent(cumulative, previous)));
        }

        return months;
    }
}
