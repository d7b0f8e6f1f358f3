namespace Industry.Projects.Domain;

/// <summary>
/// 报送及时率, the reporting discipline the cities are ranked by: the share of a month's due reports made on time. Rounded
/// to one decimal, as the bulletin prints it, so that cities equal in print share a rank.
/// </summary>
public static class ReportingDiscipline
{
    /// <summary>The on-time share in percent; none when no report is due (a city cannot be disciplined about nothing).</summary>
    public static double? OnTimePercent(int dueCount, int onTimeCount) =>
        dueCount <= 0 ? null : Math.Round(onTimeCount * 100.0 / dueCount, 1, MidpointRounding.AwayFromZero);
}
