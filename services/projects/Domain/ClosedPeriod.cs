namespace Industry.Projects.Domain;

/// <summary>
/// A closed reporting month (月度关账, <c>reportingPeriods/{YYYY-MM}</c>) and its published figures
/// (<c>progressSnapshots/{YYYY-MM}</c>): one row, written once by ClosePeriod and never changed. An open month has no
/// row. The figures are kept as the serialized messages the API returns, so that what was published is returned
/// byte for byte however the computation of the current figures changes later (ADR 0027).
/// </summary>
public sealed class ClosedPeriod : VersionedResource
{
    public const string Collection = "reportingPeriods";

    public const string SnapshotCollection = "progressSnapshots";

    private ClosedPeriod()
    {
    }

    /// <summary>Closes <paramref name="period"/> now with its figures at this moment, serialized.</summary>
    public ClosedPeriod(ReportingPeriod period, byte[] planProgress, byte[] reportingStatus, byte[] laggingProjects, DateTime now, string actor, long previousVersion = 0)
    {
        (Year, Month, PlanProgress, ReportingStatus, LaggingProjects) = (period.Year, period.Month, planProgress, reportingStatus, laggingProjects);
        Begin(now, previousVersion);
        Touch(now, actor);
    }

    public int Year { get; private set; }

    public int Month { get; private set; }

    public string Period => $"{Year:D4}-{Month:D2}";

    public override string Name => $"{Collection}/{Period}";

    public string SnapshotName => $"{SnapshotCollection}/{Period}";

    /// <summary>The serialized <c>PlanProgress</c> of the year through the month, as computed at the close.</summary>
    public byte[] PlanProgress { get; private set; } = [];

    /// <summary>The serialized <c>ReportingStatus</c> of the month, as GetReportingStatus answered at the close; null for months closed before it was kept.</summary>
    public byte[]? ReportingStatus { get; private set; }

    /// <summary>
    /// The lagging projects at the close, serialized as the <c>ProgressSnapshot</c> fields that hold them
    /// (<c>lagging_projects</c>, <c>lagging_projects_truncated</c>), so that reading them back is a merge; null for
    /// months closed before the list was kept.
    /// </summary>
    public byte[]? LaggingProjects { get; private set; }
}
