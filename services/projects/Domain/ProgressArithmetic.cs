namespace Industry.Projects.Domain;

/// <summary>The arithmetic of the plan's progress figures, kept apart from the SQL that feeds it so that it is tested alone.</summary>
public static class ProgressArithmetic
{
    /// <summary>
    /// 实施: a project is under implementation in <paramref name="year"/> when it actually started on or before
    /// 31 December of that year and was not completed before 1 January of it (新开工 and 续建 alike).
    /// </summary>
    public static bool IsUnderImplementation(DateOnly? actualStart, DateOnly? actualCompletion, int year) =>
        actualStart is { } start && start <= new DateOnly(year, 12, 31)
        && (actualCompletion is not { } end || end >= new DateOnly(year, 1, 1));

    /// <summary>序时进度: the share of the year elapsed after month M, in percent (M/12).</summary>
    public static double TimeSchedulePercent(int throughMonth) =>
        throughMonth is < 1 or > 12
            ? throw new ArgumentOutOfRangeException(nameof(throughMonth), throughMonth, "A month is 1 to 12.")
            : Math.Round(throughMonth / 12.0 * 100, 1, MidpointRounding.AwayFromZero);

    /// <summary>
    /// The last day the figures of months 1..<paramref name="throughMonth"/> of <paramref name="year"/> count: the
    /// month's last day, or <paramref name="today"/> while that month is running.
    /// </summary>
    public static DateOnly PeriodEnd(int year, int throughMonth, DateOnly today)
    {
        var end = new DateOnly(year, throughMonth, DateTime.DaysInMonth(year, throughMonth));
        return end < today ? end : today;
    }
}
