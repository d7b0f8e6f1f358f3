namespace Industry.Projects.Data;

/// <summary>
/// The completed investment of every project of one city in one month: a running total that the writes of investment
/// reports keep in their own transaction (<see cref="CityInvestmentTotals"/>), so that <c>GetPlanProgress</c> sums a
/// few hundred rows instead of joining a million reports to their projects (ADR 0014).
/// </summary>
public sealed class CityMonthInvestment
{
    public string CityCode { get; set; } = string.Empty;

    public int Year { get; set; }

    public int Month { get; set; }

    public long CompletedInvestmentYuan { get; set; }
}
