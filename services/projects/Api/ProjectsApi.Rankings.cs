using Grpc.Core;
using Industry.Projects.Data;
using Proto = Industry.Projects.V1;

namespace Industry.Projects.Api;

/// <summary>
/// GetCityRanking: the cities ranked by growth, target completion or reporting discipline, as the bulletin ranks, from
/// the same figures: a closed month's snapshot, the current figures otherwise.
/// </summary>
internal sealed partial class ProjectsApi
{
    public override async Task<Proto.CityRanking> GetCityRanking(Proto.GetCityRankingRequest request, ServerCallContext context)
    {
        if (request.Ranking is not (Proto.CityRankingFigure.InvestmentGrowth or Proto.CityRankingFigure.TargetCompletion or Proto.CityRankingFigure.ReportingDiscipline))
        {
            throw ServiceException.InvalidArgument("ranking", "must be INVESTMENT_GROWTH, TARGET_COMPLETION or REPORTING_DISCIPLINE.");
        }

        var period = ReportedMonth(request.Period);

        // A closed month ranks its published figures (关账), as its dispatch bulletin does, so the two never disagree.
        var published = (await db.ClosedAsync(period, context.CancellationToken))?.ToSnapshot();
        var figures = request.Ranking == Proto.CityRankingFigure.ReportingDiscipline
            ? (published?.ReportingStatus ?? await db.ReportingStatusAsync(period, clock.GetUtcNow().UtcDateTime, context.CancellationToken)).Cities
                .Select(c => (c.CityCode, Figure: ReportingDiscipline.OnTimePercent(c.Counts.DueCount, c.Counts.OnTimeCount)))
            : (published?.PlanProgress ?? await db.PlanProgressAsync(period.Year, period.Month, ChinaTime.Today(clock), context.CancellationToken)).Cities
                .Select(c => (c.CityCode, Figure: request.Ranking == Proto.CityRankingFigure.InvestmentGrowth
                    ? (c.HasInvestmentGrowthPercent ? c.InvestmentGrowthPercent : (double?)null)
                    : (c.KeyProjectsUnderImplementation.HasCompletionPercent ? c.KeyProjectsUnderImplementation.CompletionPercent : null)));
        var cities = figures.ToList();
        var ranks = DispatchRanking.Ranks(cities);
        var rows = cities.Select(c =>
        {
            var row = new Proto.RankedCity { CityCode = c.CityCode, Rank = ranks[c.CityCode] };
            if (c.Figure is { } figure)
            {
                row.FigurePercent = figure;
            }

            return row;
        });
        return new Proto.CityRanking { Period = period.ToString(), Ranking = request.Ranking, Cities = { DispatchRanking.Order(rows, r => r.Rank, r => r.CityCode) } };
    }
}
