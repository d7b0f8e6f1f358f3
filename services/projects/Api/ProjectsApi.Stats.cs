using System.Linq.Expressions;
using Grpc.Core;
using Industry.Projects.Data;
using Proto = Industry.Projects.V1;

namespace Industry.Projects.Api;

/// <summary>GetInvestmentStats: completed investment over a range of months, by city, county, industry, cluster, tier, nature, source or month.</summary>
internal sealed partial class ProjectsApi
{
    private const int MaxStatsMonths = 120;

    public override async Task<Proto.InvestmentStats> GetInvestmentStats(Proto.GetInvestmentStatsRequest request, ServerCallContext context)
    {
        var grouping = GroupingOf(request.GroupBy);
        var first = ReportingPeriod.TryParse(request.StartPeriod) ?? throw ServiceException.InvalidArgument("start_period", "must be a month 'YYYY-MM'.");
        var last = ReportingPeriod.TryParse(request.EndPeriod) ?? throw ServiceException.InvalidArgument("end_period", "must be a month 'YYYY-MM'.");
        var range = new MonthRange(first, last);
        if (range.Count is < 1 or > MaxStatsMonths)
        {
            throw ServiceException.InvalidArgument("end_period", $"must be from start_period to {MaxStatsMonths} months after it.");
        }

        // The filter selects the projects counted, in both ranges alike.
        var projects = ProjectListing.Filter(ScheduleLagBasis.Of(db, clock)).Translate(request.Filter);
        var (groups, monthsTotal) = grouping is null
            ? await db.CompletedByMonthAsync(projects, range, context.CancellationToken)
            : (await db.CompletedByAsync(grouping.Key, projects, range, context.CancellationToken), (InvestmentStatsQueries.Group?)null);
        var rows = groups.Select(g => Row(grouping?.Name(g.Key) ?? g.Key, g.ProjectCount, g.TotalInvestmentYuan, g.CompletedYuan, g.PreviousYearCompletedYuan));
        var ordered = grouping is null
            ? rows.OrderBy(r => r.Key, StringComparer.Ordinal).ToList()
            : rows.OrderByDescending(r => r.CompletedInvestmentYuan).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();

        var stats = new Proto.InvestmentStats { GroupBy = request.GroupBy, StartPeriod = first.ToString(), EndPeriod = last.ToString(), Rows = { ordered } };
        // A project reports in several months: under MONTH the total counts each project once, as the query did.
        var (projectCount, totalInvestment) = monthsTotal is null
            ? (ordered.Sum(r => r.ProjectCount), ordered.Sum(r => r.TotalInvestmentYuan))
            : (monthsTotal.ProjectCount, monthsTotal.TotalInvestmentYuan);
        stats.Total = Row(string.Empty, projectCount, totalInvestment, ordered.Sum(r => r.CompletedInvestmentYuan), ordered.Sum(r => r.PreviousYearCompletedInvestmentYuan));
        return stats;
    }

    /// <summary>
    /// A grouping by one of the project's columns: the SQL key, and the key's name in the answer. Null for MONTH, which
    /// groups the reports, not the projects.
    /// </summary>
    private sealed record ProjectGrouping(Expression<Func<Project, string>> Key, Func<string, string> Name);

    private static ProjectGrouping? GroupingOf(Proto.InvestmentGroupBy groupBy) => groupBy switch
    {
        Proto.InvestmentGroupBy.City => new(p => p.CityCode, k => k),
        Proto.InvestmentGroupBy.Industry => new(p => "industries/" + p.Industry, k => k), // Industries.NameOf, in a form EF translates
        Proto.InvestmentGroupBy.Cluster => new(p => p.Cluster, k => k),
        Proto.InvestmentGroupBy.County => new(p => p.CountyCode, k => k),
        // Grouped by the stored number, named as the filter names the values (`tier = PROJECT_TIER_KEY`).
        Proto.InvestmentGroupBy.Tier => new(p => ((int)p.Tier).ToString(), k => EnumName<Proto.ProjectTier>(k)),
        Proto.InvestmentGroupBy.Nature => new(p => ((int)p.Nature).ToString(), k => EnumName<Proto.ProjectNature>(k)),
        Proto.InvestmentGroupBy.Source => new(p => ((int)p.Source).ToString(), k => EnumName<Proto.ProjectSource>(k)),
        Proto.InvestmentGroupBy.Month => null,
        _ => throw ServiceException.InvalidArgument("group_by", "must be CITY, INDUSTRY, CLUSTER, COUNTY, TIER, NATURE, SOURCE or MONTH."),
    };

    private static string EnumName<TEnum>(string number)
        where TEnum : struct, Enum =>
        Proto.ProjectReflection.Descriptor.EnumTypes.Single(e => e.ClrType == typeof(TEnum))
            .FindValueByNumber(int.Parse(number, System.Globalization.CultureInfo.InvariantCulture)).Name;

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
