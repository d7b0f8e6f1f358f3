using Google.Protobuf.WellKnownTypes;
using Industry.Projects.Data;
using Industry.Projects.Writes;
using Industry.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace Industry.Projects.Messaging;

/// <summary>
/// 催报任务: after a month's reporting deadline, raises one <c>InvestmentReportOverdue</c> for each project still missing
/// the month's report (ADR 0024). Each round (at start, then every <see cref="OverdueReminderOptions.IntervalSeconds"/>)
/// walks the months of the catch-up window in batches; what was reminded is recorded with the event, so a round after a
/// crash or a restart goes on where the last commit left off, and replicas take turns on an advisory lock.
/// </summary>
internal sealed partial class OverdueReminderJob(
    IServiceScopeFactory scopes,
    OverdueReminderOptions options,
    TimeProvider clock,
    ILogger<OverdueReminderJob> logger) : BackgroundService
{
    /// <summary>The actor the reminders' events carry.</summary>
    public const string Actor = "projects-overdue-reminders";

    private static readonly Caller Caller = new(Actor, null, null);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var reminded = await RunRoundAsync(stoppingToken);
                if (reminded > 0)
                {
                    LogReminded(logger, reminded);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // A conflict with another replica's commit, or the database away: the next round picks up what is left.
                LogRoundFailed(logger, ex);
            }

            await Task.Delay(TimeSpan.FromSeconds(options.IntervalSeconds), clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>One round: every overdue month of the window, oldest first; returns the reminders raised (0 when another replica holds the lock).</summary>
    internal async Task<int> RunRoundAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        Dictionary<int, int?> deadlineDays;
        await using (var scope = scopes.CreateAsyncScope())
        {
            deadlineDays = await scope.ServiceProvider.GetRequiredService<ProjectsDbContext>().Plans
                .ToDictionaryAsync(p => p.Year, p => p.ReportingDeadlineDay, cancellationToken);
        }

        int DeadlineDay(int year) => deadlineDays.GetValueOrDefault(year) ?? Plan.DefaultReportingDeadlineDay;

        var total = 0;
        foreach (var period in ReportingCalendar.OverdueMonths(now, options.CatchUpMonths, DeadlineDay))
        {
            var deadline = ReportingCalendar.Deadline(period, DeadlineDay(period.Year));
            var after = string.Empty;
            while (true)
            {
                var batch = await RemindBatchAsync(period, deadline, after, cancellationToken);
                if (!batch.Locked)
                {
                    return total; // another replica is reminding right now
                }

                total += batch.Count;
                if (batch.Scanned < options.BatchSize)
                {
                    break;
                }

                after = batch.LastId;
            }
        }

        return total;
    }

    private async Task<RemindedBatch> RemindBatchAsync(ReportingPeriod period, DateOnly deadline, string after, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var writes = scope.ServiceProvider.GetRequiredService<OverdueReminderWrites>();
        var batch = RemindedBatch.Busy;
        await scope.ServiceProvider.GetRequiredService<WritePipeline>().RunAsync(
            new Empty(),
            new WriteCall("/" + nameof(OverdueReminderJob), Caller, cancellationToken),
            async write =>
            {
                batch = await writes.RemindAsync(write, period, deadline, options.BatchSize, after);
                return new Empty();
            });
        return batch;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Raised {Count} overdue report reminders")]
    private static partial void LogReminded(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Overdue report reminder round failed; retrying next round")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
