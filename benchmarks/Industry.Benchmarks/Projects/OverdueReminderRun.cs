using System.Diagnostics;
using Npgsql;

namespace Industry.Benchmarks.Projects;

/// <summary>What the overdue-report reminder job did on the seeded database: reminders raised and how fast, or why not measured.</summary>
internal sealed record OverdueReminderRun(long Reminders, double Seconds, string? NotMeasured)
{
    /// <summary>Reminders per transaction: the job's default (OverdueReminderOptions.BatchSize).</summary>
    private const int BatchSize = 2000;

    public double PerSecond => Seconds > 0 ? Reminders / Seconds : 0;

    /// <summary>
    /// Takes last month's and the month before's reports out of the seeded database, so that the month the job catches
    /// up is a whole month of projects missing their report (the goal's "a month of 50,000 projects"), then starts a
    /// second projects process with the job on (the measured service runs with it off, so that it does not disturb the
    /// reads), whose first round catches up that month, and watches
    /// <c>overdue_reminders</c> until it stops growing. The round's time is the span of its batches' write times (each
    /// batch stamps its rows with its start), extended by one batch's average for the last batch's own work.
    /// </summary>
    public static async Task<OverdueReminderRun> RunAsync(string projectsDll, Dictionary<string, string> environment, string connectionString, CancellationToken cancellationToken)
    {
        await DeleteRecentReportsAsync(connectionString, cancellationToken);
        environment["OverdueReminders__Enabled"] = "true";
        environment["OverdueReminders__CatchUpMonths"] = "1";
        environment["OverdueReminders__IntervalSeconds"] = "3600";
        await using var service = ServiceProcess.Start("projects-reminders", projectsDll, environment);
        await service.WaitUntilReadyAsync(TimeSpan.FromMinutes(2), cancellationToken);

        var watch = Stopwatch.StartNew();
        var (count, stableSince) = (0L, watch.Elapsed);
        while (watch.Elapsed < TimeSpan.FromMinutes(3))
        {
            var now = await CountAsync(connectionString, cancellationToken);
            if (now != count)
            {
                (count, stableSince) = (now, watch.Elapsed);
            }
            else if (watch.Elapsed - stableSince > TimeSpan.FromSeconds(count == 0 ? 30 : 5))
            {
                break;
            }

            await Task.Delay(100, cancellationToken);
        }

        await service.StopAsync(TimeSpan.FromSeconds(30));
        if (count == 0)
        {
            return new OverdueReminderRun(0, 0, "not measured: no project missed last month's report after its deadline");
        }

        var span = await SpanSecondsAsync(connectionString, cancellationToken);
        var batches = (count + BatchSize - 1) / BatchSize;
        var seconds = batches > 1 ? span * batches / (batches - 1) : span;
        return new OverdueReminderRun(count, seconds, null);
    }

    /// <summary>
    /// Deletes the reports of the two months before the current one (China Standard Time): whichever of them the job
    /// finds past its deadline, every project under construction then misses it.
    /// </summary>
    private static async Task DeleteRecentReportsAsync(string connectionString, CancellationToken cancellationToken)
    {
        var month = DateTime.UtcNow.AddHours(8);
        var last = new DateOnly(month.Year, month.Month, 1).AddMonths(-1);
        var before = last.AddMonths(-1);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "DELETE FROM investment_reports WHERE (year = $1 AND month = $2) OR (year = $3 AND month = $4)", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = last.Year });
        command.Parameters.Add(new NpgsqlParameter { Value = last.Month });
        command.Parameters.Add(new NpgsqlParameter { Value = before.Year });
        command.Parameters.Add(new NpgsqlParameter { Value = before.Month });
        await command.ExecuteNonQueryAsync(cancellationToken);
        await using var vacuum = new NpgsqlCommand("VACUUM ANALYZE investment_reports", connection);
        await vacuum.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<long> CountAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM overdue_reminders", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<double> SpanSecondsAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT EXTRACT(EPOCH FROM max(remind_time) - min(remind_time))::float8 FROM overdue_reminders", connection);
        return (double)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
