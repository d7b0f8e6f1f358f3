using System.Diagnostics;
using Industry.Projects.V1;
using Industry.ServiceDefaults.Resources;
using Npgsql;

namespace Industry.Benchmarks.Projects;

/// <summary>The service's memory over the whole run and what its relay did with the import's events.</summary>
internal sealed record ServiceMemory(long IdleRssBytes, long PeakRssBytes, long MaxSampledRssBytes, int Samples, long PeakRssAfterSeedBytes, long EventsRelayed, double? RelayDrainSeconds);

/// <summary>
/// The <c>projects</c> command: the real projects service (its Release build, a separate process) on a fresh
/// PostgreSQL database seeded at national scale, measured over gRPC: GetPlanProgress, ListProjects and ImportProjects,
/// with the service's memory watched from start to stop.
/// </summary>
internal static class ProjectsBenchmark
{
    public const double MaxProgressP99Milliseconds = 100;
    public const double MaxListP99Milliseconds = 20;
    public const double MaxReportingStatusP99Milliseconds = 100;

    /// <summary>Issue #18: a city's approval of a county's report (审核) is one click of a clerk going down a list.</summary>
    public const double MaxApproveP99Milliseconds = 50;
    public const double MaxMissingReportsP99Milliseconds = 20;

    /// <summary>
    /// Issue 18: the overdue-report job handles a month of 50,000 projects in under 10 s (scaled to the seeded count),
    /// measured on a month that every project owing it misses.
    /// </summary>
    public const double MaxOverdueSecondsPer50000Projects = 10;

    /// <summary>Issue 18: the dispatch bulletin, published or provisional, within the time of the progress it ranks.</summary>
    public const double MaxBulletinP99Milliseconds = 100;

    /// <summary>Issue #21: every breakdown the analysts asked for (series, rankings, statistics by any grouping).</summary>
    public const double MaxBreakdownP99Milliseconds = 100;
    public const double MinImportRowsPerSecond = 5_000;
    public const long MaxPeakRssBytes = 300L * 1024 * 1024;

    /// <summary>Rows of each unmeasured import that warms the import path up (1,800 changed, 200 new projects).</summary>
    private const int WarmupImportRows = 2_000;

    /// <summary>The relay is given up on when the pending count has not dropped for this long (e.g. it is switched off).</summary>
    private static readonly TimeSpan RelayStallTimeout = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan RelayDrainTimeout = TimeSpan.FromMinutes(5);

    public static async Task<ProjectsReport> RunAsync(ProjectsSettings settings, CancellationToken cancellationToken)
    {
        var machine = await MachineFacts.CollectAsync(
            new EventsSettings { PostgresAdmin = settings.PostgresAdmin, RabbitMq = settings.RabbitMq, Output = settings.Output, ProjectsDll = settings.ProjectsDll },
            cancellationToken);
        var name = "bench_projects_" + Guid.NewGuid().ToString("N")[..8];
        var database = await Postgres.CreateDatabaseAsync(settings.PostgresAdmin, name, cancellationToken);
        try
        {
            // The stand-in binds its port first, so that the service's free port cannot be the same one.
            await using var references = await ReferenceServices.StartAsync(cancellationToken);
            var environment = BenchServices.Environment("projects", database.ConnectionString, settings.RabbitMq);
            environment["Services__cluster__Address"] = references.Address.ToString();
            environment["Services__parks__Address"] = references.Address.ToString();
            // The reminder job is measured on its own at the end, by a process of its own.
            var reminderEnvironment = new Dictionary<string, string>(environment);
            environment["OverdueReminders__Enabled"] = "false";
            await using var service = ServiceProcess.Start("projects", settings.ProjectsDll, environment);
            await service.WaitUntilReadyAsync(TimeSpan.FromMinutes(2), cancellationToken);
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            var idle = ResidentMemory.Read(service.Id)?.RssBytes ?? 0;
            await using var monitor = new ServiceMonitor(service.Id);

            var today = ChinaTime.Today(TimeProvider.System);
            var catalog = new SeedCatalog(SeedCatalog.MonthIndex(today.Year, today.Month) - 1);
            Console.WriteLine($"seed: {settings.Projects:N0} projects and {settings.Reports:N0} investment reports");
            var seed = await ProjectsSeed.RunAsync(database.ConnectionString, catalog, settings.Projects, settings.Reports, cancellationToken);
            Console.WriteLine($"seed: {seed.Projects:N0} projects, {seed.Reports:N0} reports in {seed.Seconds:N1} s");
            var afterSeed = monitor.PeakRssBytes;

            using var channel = BenchAuth.Channel(service.GrpcPort);
            var scenarios = new ProjectsScenarios(new ProjectService.ProjectServiceClient(channel), monitor);

            Console.WriteLine($"GetPlanProgress: {settings.Warmup} warm-up and {settings.ProgressCalls} measured calls");
            var progress = await scenarios.ProgressAsync(settings.ProgressCalls, settings.Warmup, today, cancellationToken);
            Console.WriteLine($"GetPlanProgress: p50 {progress.Latency!.P50:N1} ms, p99 {progress.Latency.P99:N1} ms");

            Console.WriteLine($"GetDispatchBulletin: {settings.Warmup} warm-up and {settings.ProgressCalls} measured calls");
            var bulletin = await scenarios.BulletinAsync(settings.ProgressCalls, settings.Warmup, today, cancellationToken);
            Console.WriteLine($"GetDispatchBulletin: p50 {bulletin.Latency!.P50:N1} ms, p99 {bulletin.Latency.P99:N1} ms");

            Console.WriteLine($"ListProjects: {settings.Warmup} warm-up and {settings.ListCalls} measured calls");
            var list = await scenarios.ListAsync(settings.ListCalls, settings.Warmup, cancellationToken);
            Console.WriteLine(list.Latency is { } l ? $"ListProjects: p50 {l.P50:N1} ms, p99 {l.P99:N1} ms" : "ListProjects: " + list.NotMeasured);
            var lagging = await scenarios.LaggingAsync(settings.ListCalls, settings.Warmup, cancellationToken);
            Console.WriteLine(lagging.Latency is { } g ? $"ListProjects behind_schedule: p50 {g.P50:N1} ms, p99 {g.P99:N1} ms" : "ListProjects behind_schedule: " + lagging.NotMeasured);

            Console.WriteLine($"GetReportingStatus: {settings.Warmup} warm-up and {settings.ProgressCalls} measured calls");
            var status = await scenarios.ReportingStatusAsync(settings.ProgressCalls, settings.Warmup, today, cancellationToken);
            Console.WriteLine($"GetReportingStatus: p50 {status.Latency!.P50:N1} ms, p99 {status.Latency.P99:N1} ms");

            Console.WriteLine($"Breakdowns (GetInvestmentSeries, GetCityRanking, GetInvestmentStats): {settings.Warmup} warm-up and {settings.ProgressCalls} measured calls each");
            var series = await scenarios.SeriesAsync(settings.ProgressCalls, settings.Warmup, today, cancellationToken);
            var ranking = await scenarios.RankingAsync(settings.ProgressCalls, settings.Warmup, today, cancellationToken);
            var stats = await scenarios.StatsAsync(settings.ProgressCalls, settings.Warmup, today, cancellationToken);
            foreach (var phase in new[] { series, ranking, stats })
            {
                Console.WriteLine($"{phase.Name}: p50 {phase.Latency!.P50:N1} ms, p99 {phase.Latency.P99:N1} ms");
            }

            Console.WriteLine($"ListMissingReports: {settings.Warmup} warm-up and {settings.ListCalls} measured calls");
            var missing = await scenarios.MissingReportsAsync(settings.ListCalls, settings.Warmup, today, cancellationToken);
            Console.WriteLine($"ListMissingReports: p50 {missing.Latency!.P50:N1} ms, p99 {missing.Latency.P99:N1} ms");

            Console.WriteLine($"ApproveInvestmentReport: {settings.Warmup} warm-up and {settings.ReviewCalls} measured calls");
            var review = await scenarios.ReviewAsync(settings.ReviewCalls, settings.Warmup, today, cancellationToken);
            Console.WriteLine(review.Latency is { } r ? $"ApproveInvestmentReport: p50 {r.P50:N1} ms, p99 {r.P99:N1} ms" : "ApproveInvestmentReport: " + review.NotMeasured);

            var sheet = await MeasuredSheetAsync(settings, catalog, database.ConnectionString, cancellationToken);
            var eventsBefore = await OutboxCountAsync(database.ConnectionString, pendingOnly: false, cancellationToken);
            var warmups = new List<double>();
            // On two cores the service's JIT compiler takes tens of thousands of rows to move the import path (gRPC,
            // EF Core, Npgsql, protobuf JSON, the relay) to optimised code, compiling ~1,000 methods a second meanwhile:
            // a cold run measures the JIT compiler rather than the import (docs/benchmarks.md).
            while (warmups.Count < settings.WarmupImports)
            {
                var warmupSheet = await WarmupSheetAsync(settings, catalog, database.ConnectionString, warmups.Count, cancellationToken);
                warmups.Add((await scenarios.ImportAsync("warm-up", warmupSheet, cancellationToken)).RowsPerSecond);
                Console.WriteLine($"ImportProjects: warm-up stream {warmups.Count} of {warmupSheet.Count:N0} rows: {warmups[^1]:N0} rows/s");
            }

            Console.WriteLine($"ImportProjects: {sheet.Count:N0} rows ({sheet.Count - (sheet.Count / 2):N0} new, {sheet.Count / 2:N0} changed)");
            var import = await scenarios.ImportAsync("new and changed projects", sheet, cancellationToken);
            Console.WriteLine($"ImportProjects: {import.RowsPerSecond:N0} rows/s");
            var reimport = await scenarios.ImportAsync("the same sheet again (all unchanged)", sheet, cancellationToken);
            Console.WriteLine($"ImportProjects again: {reimport.RowsPerSecond:N0} rows/s");

            var drain = await WaitForRelayAsync(database.ConnectionString, cancellationToken);
            var relayed = await OutboxCountAsync(database.ConnectionString, pendingOnly: false, cancellationToken) - eventsBefore;
            var memory = new ServiceMemory(idle, monitor.PeakRssBytes, monitor.MaxSampledRssBytes, monitor.Samples, afterSeed, relayed, drain);
            Console.WriteLine($"service peak RSS {EventsBenchmark.Mb(memory.PeakRssBytes)}");
            await service.StopAsync(TimeSpan.FromSeconds(30));

            Console.WriteLine("overdue reminders: a process with the job on catches up last month");
            var reminders = await OverdueReminderRun.RunAsync(settings.ProjectsDll, reminderEnvironment, database.ConnectionString, cancellationToken);
            Console.WriteLine(reminders.NotMeasured ?? $"overdue reminders: {reminders.Reminders:N0} in {reminders.Seconds:N1} s");

            var report = ProjectsReport.Create(settings, machine, seed, new ProjectsReads(progress, bulletin, list, lagging, status, missing, review, new Breakdowns(series, ranking, stats)), warmups, import, reimport, memory, reminders);
            Directory.CreateDirectory(Path.GetDirectoryName(settings.Output)!);
            await File.WriteAllTextAsync(settings.Output, report.Markdown, cancellationToken);
            return report;
        }
        finally
        {
            if (settings.KeepDatabase)
            {
                Console.WriteLine($"kept the database {name}");
            }
            else
            {
                await database.DropAsync();
            }
        }
    }

    /// <summary>
    /// The measured sheet: half new projects (serials above the seeded ones) and half seeded projects spread evenly
    /// over the table (serials 1, 1 + stride, …), with a changed total investment.
    /// </summary>
    private static Task<List<ImportProjectsRequest>> MeasuredSheetAsync(ProjectsSettings settings, SeedCatalog catalog, string connectionString, CancellationToken cancellationToken)
    {
        var changed = settings.ImportRows / 2;
        var stride = Stride(settings);
        return ImportSheet.BuildAsync(connectionString, catalog, settings.Projects + 1, settings.ImportRows - changed,
            [.. Enumerable.Range(0, changed).Select(i => 1 + (i * stride))], cancellationToken);
    }

    /// <summary>
    /// Warm-up sheet <paramref name="round"/>: the same 1,800 seeded projects each round (between the measured ones, so
    /// never the same), read again and changed again, and 200 new projects above the measured sheet's: every path of
    /// the measured import, while the table grows by only 200 projects a round.
    /// </summary>
    private static Task<List<ImportProjectsRequest>> WarmupSheetAsync(ProjectsSettings settings, SeedCatalog catalog, string connectionString, int round, CancellationToken cancellationToken)
    {
        var stride = Stride(settings);
        List<int> changed = stride < 2 ? [] : [.. Enumerable.Range(0, Math.Min(WarmupImportRows * 9 / 10, settings.Projects / stride)).Select(i => 1 + (i * stride) + (stride / 2))];
        var fresh = WarmupImportRows - changed.Count;
        return ImportSheet.BuildAsync(connectionString, catalog, settings.Projects + settings.ImportRows + 1 + (round * WarmupImportRows), fresh, changed, cancellationToken);
    }

    private static int Stride(ProjectsSettings settings) => Math.Max(1, settings.Projects / (settings.ImportRows / 2));

    /// <summary>
    /// Waits until the relay has published every event of the run (the service's memory is watched meanwhile); null
    /// when it has not within <see cref="RelayDrainTimeout"/>, or made no progress for <see cref="RelayStallTimeout"/>.
    /// </summary>
    private static async Task<double?> WaitForRelayAsync(string connectionString, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var (lowest, progressed) = (long.MaxValue, started);
        while (Stopwatch.GetElapsedTime(started) < RelayDrainTimeout && Stopwatch.GetElapsedTime(progressed) < RelayStallTimeout)
        {
            var pending = await OutboxCountAsync(connectionString, pendingOnly: true, cancellationToken);
            if (pending == 0)
            {
                return Stopwatch.GetElapsedTime(started).TotalSeconds;
            }

            if (pending < lowest)
            {
                (lowest, progressed) = (pending, Stopwatch.GetTimestamp());
            }

            await Task.Delay(250, cancellationToken);
        }

        return null;
    }

    private static async Task<long> OutboxCountAsync(string connectionString, bool pendingOnly, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM outbox_messages" + (pendingOnly ? " WHERE dispatch_time IS NULL" : string.Empty), connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
