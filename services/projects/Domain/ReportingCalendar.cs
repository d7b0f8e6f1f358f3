using System.Linq.Expressions;

namespace Industry.Projects.Domain;

/// <summary>
/// 报送日历: which months a project owes a report for, by when, and whether a report came in time. A month's deadline is
/// the plan's <see cref="Plan.EffectiveReportingDeadlineDay"/> of the following month, to the end of that day in China
/// Standard Time. A project owes every month from its actual start through its actual completion (or to date), while it
/// is under construction and also while suspended (ADR 0024): the project keeps no history of its states, so a rule
/// that skipped suspended months would rewrite past months' figures whenever a project is suspended or resumed.
/// </summary>
public static class ReportingCalendar
{
    /// <summary>The day the report of <paramref name="period"/> is due: day <paramref name="deadlineDay"/> of the following month.</summary>
    public static DateOnly Deadline(ReportingPeriod period, int deadlineDay) =>
        new DateOnly(period.Year, period.Month, 1).AddMonths(1).AddDays(deadlineDay - 1);

    /// <summary>The instant the deadline ends (midnight China Standard Time after the deadline day), in UTC: a report first made before it is on time.</summary>
    public static DateTime DeadlineEndUtc(ReportingPeriod period, int deadlineDay) =>
        DateTime.SpecifyKind(Deadline(period, deadlineDay).AddDays(1).ToDateTime(TimeOnly.MinValue) - ChinaTime.Offset, DateTimeKind.Utc);

    /// <summary>Whether the deadline of <paramref name="period"/> has passed at <paramref name="nowUtc"/>.</summary>
    public static bool DeadlinePassed(ReportingPeriod period, int deadlineDay, DateTime nowUtc) => nowUtc >= DeadlineEndUtc(period, deadlineDay);

    /// <summary>
    /// The projects owing <paramref name="period"/>'s report, as a query predicate: started on or before the month's last
    /// day, not completed before its first, and not cancelled (a cancelled project can report nothing, so it owes
    /// nothing). A project in RESERVE has no actual start.
    /// </summary>
    public static Expression<Func<Project, bool>> Owing(ReportingPeriod period)
    {
        var first = new DateOnly(period.Year, period.Month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        return p => p.State != ProjectState.Cancelled
            && p.ActualStartDate != null && p.ActualStartDate <= last
            && (p.ActualCompletionDate == null || p.ActualCompletionDate >= first);
    }

    /// <summary>
    /// The status of a project's report of <paramref name="period"/>: on time or late when it was first made at
    /// <paramref name="firstReportUtc"/>, else pending or missing by whether the deadline has passed at
    /// <paramref name="nowUtc"/>. Only for a month the project owes, or one it reported anyway.
    /// </summary>
    public static ReportStatus Status(ReportingPeriod period, int deadlineDay, DateTime? firstReportUtc, DateTime nowUtc) =>
        firstReportUtc is { } reported
            ? reported < DeadlineEndUtc(period, deadlineDay) ? ReportStatus.OnTime : ReportStatus.Late
            : DeadlinePassed(period, deadlineDay, nowUtc) ? ReportStatus.Missing : ReportStatus.Pending;

    /// <summary>
    /// The months whose deadline passed at <paramref name="nowUtc"/> and that the reminder job still looks at, oldest
    /// first: the last <paramref name="catchUpMonths"/> months before the current one (China Standard Time) whose deadline
    /// has passed. <paramref name="deadlineDay"/> gives each month's deadline day (from its year's plan).
    /// </summary>
    public static IReadOnlyList<ReportingPeriod> OverdueMonths(DateTime nowUtc, int catchUpMonths, Func<int, int> deadlineDay)
    {
        var today = DateOnly.FromDateTime(nowUtc + ChinaTime.Offset);
        var months = new List<ReportingPeriod>();
        for (var back = catchUpMonths; back >= 1; back--)
        {
            var month = new DateOnly(today.Year, today.Month, 1).AddMonths(-back);
            var period = ReportingPeriod.Of(month);
            if (DeadlinePassed(period, deadlineDay(period.Year), nowUtc))
            {
                months.Add(period);
            }
        }

        return months;
    }
}

/// <summary>报送状态: where a project stands with one month's report.</summary>
public enum ReportStatus
{
    /// <summary>Owed, not reported, the deadline not passed.</summary>
    Pending = 1,

    /// <summary>逾期未报: owed, not reported, the deadline passed.</summary>
    Missing = 2,

    /// <summary>按时报送: first reported by the deadline.</summary>
    OnTime = 3,

    /// <summary>迟报: first reported after the deadline.</summary>
    Late = 4,
}
