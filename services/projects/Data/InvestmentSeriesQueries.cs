using Microsoft.EntityFrameworkCore;

namespace Industry.Projects.Data;

/// <summary>GetInvestmentSeries: the monthly totals per city of a year and the year before, read from the running totals (ADR 0014).</summary>
internal static class InvestmentSeriesQueries
{
    public sealed record CityMonth(string CityCode, int Year, int Month, long CompletedYuan);

    /// <summary>At most 16 cities × 24 months of rows, whatever the number of reports.</summary>
    public static Task<List<CityMonth>> MonthlyInvestmentAsync(this ProjectsDbContext db, int year, int throughMonth, CancellationToken cancellationToken) =>
        db.CityMonthInvestments
            .Where(c => (c.Year == year || c.Year == year - 1) && c.Month <= throughMonth)
            .Select(c => new CityMonth(c.CityCode, c.Year, c.Month, c.CompletedInvestmentYuan))
            .ToListAsync(cancellationToken);
}
