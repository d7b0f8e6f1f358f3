namespace Industry.Clusters.Domain;

/// <summary>
/// 营业收入: a cluster's revenue from January through a month (1—N月累计), <c>clusters/{c}/revenueReports/{YYYY-MM}</c>.
/// One per cluster and period; year and month are stored apart so that the year-earlier report is found by its key.
/// </summary>
public sealed class RevenueReport : VersionedResource
{
    public const string Collection = "revenueReports";

    private RevenueReport()
    {
    }

    /// <summary>A new report, its versions going on from <paramref name="previousVersion"/>, the last of a deleted report of the same period.</summary>
    public RevenueReport(string clusterId, ReportingPeriod period, RevenueFigures figures, DateTime now, string actor, long previousVersion = 0)
    {
        ClusterId = clusterId;
        Year = period.Year;
        Month = period.Month;
        Begin(now, previousVersion);
        Replace(figures, now, actor);
    }

    public string ClusterId { get; private set; } = string.Empty;

    public int Year { get; private set; }

    public int Month { get; private set; }

    public ReportingPeriod Period => new(Year, Month);

    public override string Name => $"{Cluster.Collection}/{ClusterId}/{Collection}/{Period}";

    public long YearToDateRevenueYuan { get; private set; }

    /// <summary>入统企业数: how many enterprises the figure covers; 0 when not reported.</summary>
    public int EnterpriseCount { get; private set; }

    public string Note { get; private set; } = string.Empty;

    /// <summary>The cluster id and the period in <c>clusters/{c}/revenueReports/{YYYY-MM}</c>.</summary>
    public static (string ClusterId, ReportingPeriod Period) ParseName(string name)
    {
        var (clusterId, period) = ResourceName.ChildId(name, Cluster.Collection, Collection);
        return (clusterId, ReportingPeriod.TryParse(period) ?? throw ServiceException.InvalidArgument("name", "must end in a month 'YYYY-MM'."));
    }

    /// <summary>Replaces the period's figures (already checked by <see cref="RevenueRules.Check"/>).</summary>
    public void Replace(RevenueFigures figures, DateTime now, string actor)
    {
        YearToDateRevenueYuan = figures.YearToDateRevenueYuan;
        EnterpriseCount = figures.EnterpriseCount;
        Note = figures.Note;
        Touch(now, actor);
    }
}

/// <summary>The figures a caller reports for a period.</summary>
public sealed record RevenueFigures(long YearToDateRevenueYuan, int EnterpriseCount, string Note);
