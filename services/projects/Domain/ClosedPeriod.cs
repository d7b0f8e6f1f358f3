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

    /// <summary>Closes <paramref name="period"/> now with its plan progress at this moment.</summary>
    public ClosedPeriod(ReportingPeriod period, byte[] planProgress, DateTime now, string actor, long previousVersion = 0)
    {
        (Year, Month, PlanProgress) = (period.Year, period.Month, planProgress);
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

    /// <summary>
    /// The serialized <c>GetReportingStatus</c> answer of the month at the close. Filled when the reporting-status part
    /// of the monthly dispatch cycle (#18 item 2) is merged: the close then stores it; null for months closed before.
    /// </summary>
    public byte[]? ReportingStatus { get; private set; }

    /// <summary>
    /// The serialized lagging-project list of the month at the close. Filled when the lagging-projects part (#18 item
    /// 3) is merged, as <see cref="ReportingStatus"/>.
    /// </summary>
    public byte[]? LaggingProjects { get; private set; }
}
