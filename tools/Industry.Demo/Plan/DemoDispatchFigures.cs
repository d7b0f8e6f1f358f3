using Industry.Projects.V1;

namespace Industry.Demo.Plan;

/// <summary>
/// What the dispatch-cycle methods (<c>GetReportingStatus</c>, <c>ListMissingReports</c>, <c>ListProjects</c> with
/// <c>behind_schedule</c>) must answer once the plan is loaded, counted from the plan by the definitions of
/// docs/progress-figures.md ("Reporting calendar", "Lagging projects"). The end-to-end test checks the API against these.
/// </summary>
public static class DemoDispatchFigures
{
    /// <summary>The schedule-lag tolerance of a year without a plan, or whose plan sets none (the demo sets none).</summary>
    public const double DefaultTolerancePoints = 10;

    /// <summary>
    /// 应报: the projects that owe the report of <paramref name="year"/>-<paramref name="month"/>: actually started by the
    /// month's last day and not completed before its first (a cancelled project never started in the demo).
    /// </summary>
    public static IReadOnlyList<DemoProject> Due(DemoPlan plan, int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        return [.. plan.Projects.Where(p => p.ActualStart is { } start && start <= last && !(p.ActualCompletion is { } done && done < first))];
    }

    /// <summary>未报: the projects that owe the month's report and have none (the missed ones, and suspended projects' idle months).</summary>
    public static IReadOnlyList<DemoProject> Missing(DemoPlan plan, int year, int month) =>
        [.. Due(plan, year, month).Where(p => !p.Reports.Any(r => r.Year == year && r.Month == month))];

    /// <summary>
    /// 滞后于序时进度: the projects under construction on <paramref name="day"/> (by their transitions) that are behind their
    /// schedule then, counting the reports of the months up to the day's: past the planned completion, or the schedule
    /// share minus the investment share above <paramref name="tolerancePoints"/>, computed as the service does
    /// (<c>100·elapsed/span − 100·completed/total</c>). On today's date this is the service's <c>behind_schedule</c>.
    /// </summary>
    public static IReadOnlyList<DemoProject> BehindSchedule(IEnumerable<DemoProject> projects, DateOnly day, double tolerancePoints = DefaultTolerancePoints) =>
        [.. projects.Where(p => IsBehind(p, day, tolerancePoints))];

    private static bool IsBehind(DemoProject p, DateOnly day, double tolerancePoints)
    {
        if (p.Transitions.LastOrDefault(t => t.Date <= day)?.State != ProjectState.UnderConstruction)
        {
            return false;
        }

        if (day > p.PlannedCompletion)
        {
            return true;
        }

        var completed = p.Reports.Where(r => new DateOnly(r.Year, r.Month, 1) <= day).Sum(r => r.Yuan);
        var (start, end) = (p.PlannedStart, p.PlannedCompletion);
        var schedule = day <= start ? 0 : 100.0 * (day.DayNumber - start.DayNumber) / (end.DayNumber - start.DayNumber);
        return schedule - (100.0 * completed / p.TotalInvestmentYuan) > tolerancePoints;
    }
}
