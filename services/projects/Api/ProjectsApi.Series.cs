using Grpc.Core;
using Industry.Projects.Data;
using Proto = Industry.Projects.V1;

namespace Industry.Projects.Api;

/// <summary>月度累计与累计增速: a year's investment month by month, province-wide and per city, in one answer.</summary>
internal sealed partial class ProjectsApi
{
    public override async Task<Proto.InvestmentSeries> GetInvestmentSeries(Proto.GetInvestmentSeriesRequest request, ServerCallContext context)
    {
        var (year, month) = ResolvePeriod(request.Year, request.ThroughMonth, ChinaTime.Today(clock));
        var rows = await db.MonthlyInvestmentAsync(year, month, context.CancellationToken);

        // The province's months are the sum of every city's: the same totals GetPlanProgress sums.
        var province = rows.GroupBy(r => (r.Year, r.Month)).ToDictionary(g => g.Key, g => g.Sum(r => r.CompletedYuan));
        var series = new Proto.InvestmentSeries { Year = year, ThroughMonth = month, Months = { Points(province) } };
        foreach (var city in rows.Where(r => r.CompletedYuan != 0 && Divisions.IsCity(r.CityCode)).Select(r => r.CityCode).Distinct().Order(StringComparer.Ordinal))
        {
            var amounts = rows.Where(r => r.CityCode == city).ToDictionary(r => (r.Year, r.Month), r => r.CompletedYuan);
            series.Cities.Add(new Proto.CityInvestmentSeries { CityCode = city, Months = { Points(amounts) } });
        }

        return series;

        IEnumerable<Proto.InvestmentMonth> Points(IReadOnlyDictionary<(int Year, int Month), long> amounts) =>
            InvestmentSeries.Of(amounts, year, month).Select(m =>
            {
                var point = new Proto.InvestmentMonth
                {
                    Month = m.Number,
                    CompletedInvestmentYuan = m.CompletedYuan,
                    CumulativeInvestmentYuan = m.CumulativeYuan,
                    PreviousYearCumulativeInvestmentYuan = m.PreviousYearCumulativeYuan,
                };
                if (m.CumulativeGrowthPercent is { } growth)
                {
                    point.CumulativeGrowthPercent = growth;
                }

                return point;
            });
    }
}
