using Proto = Industry.Projects.V1;

namespace Industry.Projects.Data;

/// <summary>
/// The figures a month's snapshot publishes, computed now: the plan progress through the month, its reporting status and
/// the projects behind schedule. Stored as they are by ClosePeriod, served as they are by the provisional dispatch
/// bulletin, so that what a month publishes at its close is what its bulletin showed just before.
/// </summary>
internal static class ProgressFigures
{
    /// <summary>
    /// The current figures of <paramref name="period"/> at <paramref name="nowUtc"/>, <paramref name="today"/> being its
    /// day in China, one after the other on <paramref name="db"/>: a close computes them in its transaction.
    /// </summary>
    public static async Task<Proto.ProgressSnapshot> CurrentFiguresAsync(this ProjectsDbContext db, ReportingPeriod period, DateTime nowUtc, DateOnly today, CancellationToken cancellationToken)
    {
        var progress = await db.PlanProgressAsync(period.Year, period.Month, today, cancellationToken);
        var status = await db.ReportingStatusAsync(period, nowUtc, cancellationToken);
        return Assemble(period, progress, status, await db.LaggingProjectsAsync(today, LaggingList.MaxProjects, cancellationToken));
    }

    /// <summary>
    /// The same figures for a read, with at most <paramref name="maxLagging"/> lagging projects, the three at once on
    /// contexts (so connections) of their own: a provisional bulletin then waits for the slowest of them, not for their
    /// sum, which would exceed its latency goal at 50,000 projects.
    /// </summary>
    public static async Task<Proto.ProgressSnapshot> CurrentFiguresAsync(this IServiceScopeFactory scopes, ReportingPeriod period, DateTime nowUtc, DateOnly today, int maxLagging, CancellationToken cancellationToken)
    {
        var progress = ReadAsync(scopes, db => db.PlanProgressAsync(period.Year, period.Month, today, cancellationToken));
        var status = ReadAsync(scopes, db => db.ReportingStatusAsync(period, nowUtc, cancellationToken));
        var lagging = ReadAsync(scopes, db => db.LaggingProjectsAsync(today, maxLagging, cancellationToken));
        await Task.WhenAll(progress, status, lagging);
        return Assemble(period, await progress, await status, await lagging);
    }

    private static async Task<T> ReadAsync<T>(IServiceScopeFactory scopes, Func<ProjectsDbContext, Task<T>> read)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<ProjectsDbContext>());
    }

    private static Proto.ProgressSnapshot Assemble(ReportingPeriod period, Proto.PlanProgress progress, Proto.ReportingStatus status, (List<Proto.LaggingProject> Projects, bool Truncated) lagging) => new()
    {
        Period = period.ToString(),
        PlanProgress = progress,
        ReportingStatus = status,
        LaggingProjects = { lagging.Projects },
        LaggingProjectsTruncated = lagging.Truncated,
    };
}
