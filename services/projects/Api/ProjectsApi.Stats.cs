using System.Linq.Expressions;
using Grpc.Core;
using Industry.Projects.Data;
using Proto = Industry.Projects.V1;

namespace Industry.Projects.Api;

/// <summary>GetInvestmentStats: completed investment over a range of months, by city, industry or cluster.</summary>
internal sealed partial class ProjectsApi
{
    private const int MaxStatsMonths = 120;

    public override async Task<Proto.InvestmentStats> GetInvestmentStats(Proto.GetInvestmentStatsRequest request, ServerCallContext context)
    {
        Expression<Func<Project, string>> key = request.GroupBy switch
        {
            Proto.InvestmentGroupBy.City => p => p.CityCode,
            Proto.InvestmentGroupBy.Industry => p => "industries/" + p.Industry, // Industries.NameOf, in a form EF translates
            Proto.InvestmentGroupBy.Cluster => p => p.Cluster,
            _ => throw ServiceException.InvalidArgument("group_by", "must be CITY, INDUSTRY or CLUSTER."),
        };
        var first = ReportingPeriod.TryParse(request.StartPeriod) ?? throw ServiceException.InvalidArgument("start_period", "must be a month 'YYYY-MM'.");
        var last = ReportingPeriod.TryParse(request.EndPeriod) ?? throw ServiceException.InvalidArgument("end_period", "must be a month 'YYYY-MM'.");
        var months = ((last.Year * 12) + last.Month) - ((first.Year * 12) + first.Month) + 1;
        if (months is < 1 or > MaxStatsMonths)
        {
            throw ServiceException.InvalidArgument("end_period", $"must be from start_period to {MaxStatsMonths} months after it.");
        }

        // The filter selects the projects counted, in both ranges alike.
        var projects = ProjectListing.Filter(ScheduleLagBasis.Of(db, clock)).Translate(request.Filter);
        var current = await db.CompletedByAsync(key, projects, first, last, context.CancellationToken);
        var previous = (await db.CompletedByAsync(key, projects, first with { Year = first.Year - 1 }, last with { Year = last.Year - 1 }, context.CancellationToken))
            .ToDictionary(g => g.Key, StringComparer.Ordinal);
        var ordered = current.Select(g => g.Key).Union(previous.Keys)
            .Select(k => (Now: current.SingleOrDefault(g => g.Key == k), Key: k))
            .Select(g => Row(g.Key, g.Now?.ProjectCount ?? 0, g.Now?.TotalInvestmentYuan ?? 0, g.Now?.CompletedYuan ?? 0, previous.GetValueOrDefault(g.Key)?.CompletedYuan ?? 0))
            .OrderByDescending(r => r.CompletedInvestmentYuan).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();

        var stats = new Proto.InvestmentStats { GroupBy = request.GroupBy, StartPeriod = first.ToString(), EndPeriod = last.ToString(), Rows = { ordered } };
        stats.Total = Row(string.Empty, ordered.Sum(r => r.ProjectCount), ordered.Sum(r => r.TotalInvestmentYuan), ordered.Sum(r => r.CompletedInvestmentYuan), ordered.Sum(r => r.PreviousYearCompletedInvestmentYuan));
        return stats;
    }

    private static Proto.InvestmentStatsRow Row(string key, int projects, long total, long completed, long previous)
    {
        var row = new Proto.InvestmentStatsRow
        {
            Key = key,
            ProjectCount = projects,
            TotalInvestmentYuan = total,
            CompletedInvestmentYuan = completed,
            PreviousYearCompletedInvestmentYuan = previous,
        };
        if (YearOnYear.GrowthPercent(completed, previous) is { } growth)
        {
            row.InvestmentGrowthPercent = growth;
        }

        return row;
    }
}
