using Proto = Industry.Projects.V1;

namespace Industry.Projects.Data;

/// <summary>
/// The figures a month's snapshot publishes, computed now: the plan progress through the month, its reporting status and
/// the projects behind schedule. Stored as they are by ClosePeriod, served as they are by the provisional dispatch
/// bulletin, so that what a month publishes at its close is what its bulletin showed just before.
/// </summary>
internal static class ProgressFigures
{
    /// <summary>The current figures of <paramref name="period"/> at <paramref name="nowUtc"/>, <paramref name="today"/> being its day in China; no name, no time.</summary>
    public static async Task<Proto.ProgressSnapshot> CurrentFiguresAsync(this ProjectsDbContext db, ReportingPeriod period, DateTime nowUtc, DateOnly today, CancellationToken cancellationToken)
    {
        var figures = new Proto.ProgressSnapshot
        {
            Period = period.ToString(),
            PlanProgress = await db.PlanProgressAsync(period.Year, period.Month, today, cancellationToken),
            ReportingStatus = await db.ReportingStatusAsync(period, nowUtc, cancellationToken),
        };
        (var lagging, figures.LaggingProjectsTruncated) = await db.LaggingProjectsAsync(today, cancellationToken);
        figures.LaggingProjects.Add(lagging);
        return figures;
    }
}
