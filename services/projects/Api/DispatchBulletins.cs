using Industry.Projects.Data;
using Proto = Industry.Projects.V1;

namespace Industry.Projects.Api;

/// <summary>调度通报: a month's bulletin from its figures, published (a closed month's snapshot) or current.</summary>
internal static class DispatchBulletins
{
    public const string Collection = "dispatchBulletins";

    /// <summary>
    /// The lagging projects a bulletin names: the worst cases, as a bulletin does. At national scale thousands are
    /// behind, and the whole list in every bulletin made it megabytes and its p99 290 ms; the snapshot keeps them all.
    /// </summary>
    public const int MaxLaggingProjects = 100;

    /// <summary>
    /// The cities of <paramref name="figures"/> ranked, with their reporting counts when the figures have a reporting
    /// status, and the lagging projects as listed; provisional when there is no <paramref name="progressSnapshot"/>.
    /// </summary>
    public static Proto.DispatchBulletin From(ReportingPeriod period, Proto.ProgressSnapshot figures, string? progressSnapshot)
    {
        var reporting = figures.ReportingStatus?.Cities.ToDictionary(c => c.CityCode, c => c.Counts, StringComparer.Ordinal);
        var rows = figures.PlanProgress.Cities.Select(c =>
        {
            var row = new Proto.DispatchBulletinCity
            {
                CityCode = c.CityCode,
                CompletedInvestmentYuan = c.CompletedInvestmentYuan,
                PreviousYearCompletedInvestmentYuan = c.PreviousYearCompletedInvestmentYuan,
                KeyProjectsUnderImplementation = c.KeyProjectsUnderImplementation.Actual,
                LaggingProjectCount = c.ProjectsBehindSchedule,
            };
            if (c.HasInvestmentGrowthPercent)
            {
                row.InvestmentGrowthPercent = c.InvestmentGrowthPercent;
            }

            if (c.KeyProjectsUnderImplementation.HasTarget)
            {
                row.TargetKeyProjectsUnderImplementation = c.KeyProjectsUnderImplementation.Target;
            }

            if (c.KeyProjectsUnderImplementation.HasCompletionPercent)
            {
                row.TargetCompletionPercent = c.KeyProjectsUnderImplementation.CompletionPercent;
            }

            if (reporting?.GetValueOrDefault(c.CityCode) is { } counts)
            {
                (row.MissingReportCount, row.LateReportCount) = (counts.MissingCount, counts.LateCount);
            }

            return row;
        }).ToList();

        var growthRanks = DispatchRanking.Ranks(rows.Select(r => (r.CityCode, r.HasInvestmentGrowthPercent ? r.InvestmentGrowthPercent : (double?)null)));
        var completionRanks = DispatchRanking.Ranks(rows.Select(r => (r.CityCode, r.HasTargetCompletionPercent ? r.TargetCompletionPercent : (double?)null)));
        foreach (var row in rows)
        {
            (row.InvestmentGrowthRank, row.TargetCompletionRank) = (growthRanks[row.CityCode], completionRanks[row.CityCode]);
        }

        var (named, truncated) = LaggingList.Of(figures.LaggingProjects, LaggingProjectsReport.Key, MaxLaggingProjects);
        return new Proto.DispatchBulletin
        {
            Name = $"{Collection}/{period}",
            Period = period.ToString(),
            Provisional = progressSnapshot is null,
            ProgressSnapshot = progressSnapshot ?? string.Empty,
            Cities = { DispatchRanking.Order(rows, r => r.InvestmentGrowthRank, r => r.CityCode) },
            LaggingProjects = { named },
            LaggingProjectsTruncated = truncated || figures.LaggingProjectsTruncated,
        };
    }
}
