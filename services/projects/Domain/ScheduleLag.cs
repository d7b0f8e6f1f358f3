namespace Industry.Projects.Domain;

/// <summary>
/// 序时进度: how far a project under construction is behind its own schedule on a day. The schedule share is the time
/// elapsed from the planned start to the planned completion (clamped to 0..1), the investment share is the cumulative
/// completed investment over the total; the gap is the first minus the second in percentage points. A project is
/// behind schedule (滞后) when the gap exceeds the plan's tolerance, or when it is past its planned completion and
/// still under construction. The SQL form of the same rule is <c>ProjectPredicates.BehindSchedule</c>; both compute
/// the gap as <c>100·elapsed/span − 100·completed/total</c>, in that order, so that they agree to the last bit.
/// </summary>
public static class ScheduleLag
{
    /// <summary>
    /// The figures of a project in <paramref name="state"/> on <paramref name="today"/>, or null when it is not
    /// assessed: only UNDER_CONSTRUCTION projects are (a suspended project's lag is already known; reserve, completed
    /// and cancelled ones have no running schedule). A figure that cannot be computed (no planned dates, a planned
    /// completion not after the planned start, a zero total) is null and makes no gap; the planned completion alone
    /// still makes the project behind once it has passed.
    /// </summary>
    public static ScheduleLagFigures? Of(
        ProjectState state,
        DateOnly? plannedStart,
        DateOnly? plannedCompletion,
        long cumulativeCompletedYuan,
        long totalYuan,
        DateOnly today,
        double tolerancePoints)
    {
        if (state != ProjectState.UnderConstruction)
        {
            return null;
        }

        double? schedule = plannedStart is { } start && plannedCompletion is { } end && end > start
            ? SchedulePercent(start, end, today)
            : null;
        double? investment = totalYuan > 0 ? 100.0 * cumulativeCompletedYuan / totalYuan : null;
        double? gap = schedule - investment;
        var overdue = plannedCompletion is { } completion && today > completion;
        return new ScheduleLagFigures(schedule, investment, gap, overdue, overdue || gap > tolerancePoints);
    }

    /// <summary>The schedule share in percent: <c>100·(today − start) / (end − start)</c> in days, clamped to 0..100.</summary>
    private static double SchedulePercent(DateOnly start, DateOnly end, DateOnly today) =>
        today <= start ? 0
        : today >= end ? 100
        : 100.0 * (today.DayNumber - start.DayNumber) / (end.DayNumber - start.DayNumber);
}

/// <summary>
/// A project's schedule figures on a day (<see cref="ScheduleLag"/>): each percentage null when it cannot be computed.
/// </summary>
/// <param name="SchedulePercent">Time elapsed between the planned start and completion, 0..100.</param>
/// <param name="InvestmentPercent">Cumulative completed investment over the total, in percent.</param>
/// <param name="GapPoints">Schedule minus investment, in percentage points (positive: behind).</param>
/// <param name="PastPlannedCompletion">The planned completion has passed and the project is still under construction.</param>
/// <param name="BehindSchedule">The gap exceeds the tolerance, or the planned completion has passed.</param>
public sealed record ScheduleLagFigures(
    double? SchedulePercent,
    double? InvestmentPercent,
    double? GapPoints,
    bool PastPlannedCompletion,
    bool BehindSchedule);
