using System.Globalization;
using System.Text;

namespace Industry.Benchmarks.Projects;

/// <summary>The results file of the <c>projects</c> command.</summary>
internal sealed record ProjectsReport(string Markdown, bool AllGoalsMet)
{
    public static ProjectsReport Create(ProjectsSettings settings, MachineFacts machine, SeedResult seed, ProjectsReads reads, IReadOnlyList<double> warmups, ImportRun import, ImportRun reimport, ServiceMemory memory, OverdueReminderRun reminders)
    {
        var (progress, bulletin, list, lagging, status, missing, review, breakdowns) = reads;
        var c = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        var goals = new List<(string Goal, string Measured, bool? Met)>
        {
            ($"GetPlanProgress p99 < {ProjectsBenchmark.MaxProgressP99Milliseconds:N0} ms", Ms(progress.Latency!.P99), progress.Latency.P99 < ProjectsBenchmark.MaxProgressP99Milliseconds),
            ($"GetDispatchBulletin p99 < {ProjectsBenchmark.MaxBulletinP99Milliseconds:N0} ms", Ms(bulletin.Latency!.P99), bulletin.Latency.P99 < ProjectsBenchmark.MaxBulletinP99Milliseconds),
            list.Latency is { } l
                ? ($"ListProjects (page of 50, filtered) p99 < {ProjectsBenchmark.MaxListP99Milliseconds:N0} ms", Ms(l.P99), l.P99 < ProjectsBenchmark.MaxListP99Milliseconds)
                : ($"ListProjects (page of 50, filtered) p99 < {ProjectsBenchmark.MaxListP99Milliseconds:N0} ms", list.NotMeasured!, null),
            lagging.Latency is { } g
                ? ($"ListProjects (page of 50, behind_schedule) p99 < {ProjectsBenchmark.MaxListP99Milliseconds:N0} ms", Ms(g.P99), g.P99 < ProjectsBenchmark.MaxListP99Milliseconds)
                : ($"ListProjects (page of 50, behind_schedule) p99 < {ProjectsBenchmark.MaxListP99Milliseconds:N0} ms", lagging.NotMeasured!, null),
            review.Latency is { } a && review.Calls > 0
                ? ($"ApproveInvestmentReport p99 < {ProjectsBenchmark.MaxApproveP99Milliseconds:N0} ms", Ms(a.P99), a.P99 < ProjectsBenchmark.MaxApproveP99Milliseconds)
                : ($"ApproveInvestmentReport p99 < {ProjectsBenchmark.MaxApproveP99Milliseconds:N0} ms", review.NotMeasured ?? "not measured: no project under construction", null),
            ($"ImportProjects ≥ {ProjectsBenchmark.MinImportRowsPerSecond:N0} rows/s", string.Create(c, $"{import.RowsPerSecond:N0} rows/s"),
                import.RowsPerSecond >= ProjectsBenchmark.MinImportRowsPerSecond && import.Response.FailedCount == 0),
            ($"GetReportingStatus p99 < {ProjectsBenchmark.MaxReportingStatusP99Milliseconds:N0} ms", Ms(status.Latency!.P99), status.Latency.P99 < ProjectsBenchmark.MaxReportingStatusP99Milliseconds),
            ($"ListMissingReports (page of 50) p99 < {ProjectsBenchmark.MaxMissingReportsP99Milliseconds:N0} ms", Ms(missing.Latency!.P99), missing.Latency.P99 < ProjectsBenchmark.MaxMissingReportsP99Milliseconds),
            reminders.NotMeasured is { } why
                ? (OverdueGoal(settings), why, null)
                : (OverdueGoal(settings),
                    string.Create(c, $"{reminders.Reminders:N0} reminders in {reminders.Seconds:N1} s ({reminders.PerSecond:N0}/s)"),
                    reminders.Seconds < OverdueLimitSeconds(settings)),
            ($"service peak RSS (VmHWM) < {EventsBenchmark.Mb(ProjectsBenchmark.MaxPeakRssBytes)} over the whole run", EventsBenchmark.Mb(memory.PeakRssBytes), memory.PeakRssBytes < ProjectsBenchmark.MaxPeakRssBytes),
        };

        goals.AddRange(breakdowns.All.Select(b => ($"{b.Name} p99 < {ProjectsBenchmark.MaxBreakdownP99Milliseconds:N0} ms", Ms(b.Latency!.P99), (bool?)(b.Latency.P99 < ProjectsBenchmark.MaxBreakdownP99Milliseconds))));
        md.AppendLine("# Projects service benchmark: results");
        md.AppendLine();
        md.AppendLine(c, $"Written by `scripts/bench-projects.sh` (`Industry.Benchmarks projects`) on {machine.Date:yyyy-MM-dd HH:mm} UTC. What each figure means: docs/benchmarks.md.");
        md.AppendLine();
        ReportTables.Goals(md, goals);
        ReportTables.Machine(md, machine, "projects", "local node; the service's outbox relay publishes the import's events meanwhile");
        md.AppendLine("## Data");
        md.AppendLine();
        md.AppendLine(c, $"{seed.Projects:N0} projects ({seed.KeyProjects:N0} key or major, {seed.Started:N0} started) and {seed.Reports:N0} monthly investment reports, bulk-loaded with binary COPY and VACUUM ANALYZEd in {seed.Seconds:N1} s ({seed.AllVisible:P0} of their pages all-visible afterwards); distributions as docs/benchmarks.md describes.");
        md.AppendLine();

        ReportTables.Reads(md, [progress, bulletin, list, lagging, status, missing, review, .. breakdowns.All]);
        md.AppendLine(c, $"One call at a time over one HTTP/2 connection, after {settings.Warmup} unmeasured calls of each. GetPlanProgress: every month of the last six years in a fixed shuffled order. GetDispatchBulletin: every month of the last three years, the earliest year's twelve closed first (published), the others provisional. ListProjects: `page_size` 50, rotating over six filters (a city and state, a tier, an industry and investment floor, a county, a city's completed projects by `update_time desc`, digital transformation and tier), every other call the next page of the one before. ListProjects behind_schedule: the same over three filters of lagging projects (the province's, Hefei's, Chuzhou's by total investment desc). ApproveInvestmentReport: a province admin approves, one by one, the reports a county editor of each project's county submitted for this month just before (unmeasured), on projects under construction in list order. GetReportingStatus: the 24 months before the current one, shuffled. ListMissingReports: `page_size` 50 of last month or the month before, rotating over the province, a city and a county, every other call the next page. GetInvestmentSeries: every year and month of the last six years, shuffled. GetCityRanking: the 24 months before the current one, shuffled, rotating over every ranking figure of the contract. GetInvestmentStats: rotating over every grouping of the contract, each over the twelve months ending in one of the 24 months before the current one, every third call filtered to the key and major tiers. The overdue-report job runs afterwards in a second process with the job on (the measured one has it off), catching up last month after the reports of the last two months were deleted (so every project under construction misses it); its time is the span of its batches' write times plus one batch.");
        md.AppendLine();

        md.AppendLine("## Import");
        md.AppendLine();
        md.AppendLine("| stream | rows | rows/s | created | updated | unchanged | failed | service CPU | machine busy |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var run in new[] { import, reimport })
        {
            var r = run.Response;
            md.AppendLine(c, $"| {run.Name} | {run.Rows:N0} | {run.RowsPerSecond:N0} | {r.CreatedCount:N0} | {r.UpdatedCount:N0} | {r.UnchangedCount:N0} | {r.FailedCount:N0} | {run.ServiceCpuSeconds / run.Seconds:N2} cores | {run.MachineBusy:P0} |");
        }

        md.AppendLine();
        md.AppendLine(c, $"One client stream each, rows written as fast as the channel takes them; rows/s: rows ÷ (first write → response). The sheet interleaves new projects with stored projects whose total investment rose by ¥10M; every row is valid. A row's new cluster or park is checked over gRPC with a stand-in for the cluster and parks services in the benchmark process, where every one exists ({ReferenceServices.Calls:N0} look-ups in the whole run: the service asks once per call about each name). Before it, {warmups.Count} unmeasured warm-up streams of 2,000 rows on other projects (1,800 changed, 200 new) ran at {(warmups.Count == 0 ? "– (none)" : string.Join(", ", warmups.Select(w => w.ToString("N0", c))) + " rows/s")}: the first imports after start-up run while the JIT compiler is still optimising the path (see docs/benchmarks.md).");
        foreach (var failure in import.Response.Failures.Take(5))
        {
            md.AppendLine(c, $"- failed row {failure.RowNumber} ({failure.ProjectCode}): {failure.Code} {failure.Message}");
        }

        md.AppendLine();
        md.AppendLine("## Service memory");
        md.AppendLine();
        md.AppendLine("| | |");
        md.AppendLine("| --- | --- |");
        md.AppendLine(c, $"| peak RSS (VmHWM, from start to stop) | **{EventsBenchmark.Mb(memory.PeakRssBytes)}** |");
        md.AppendLine(c, $"| highest sampled RSS (VmRSS every 100 ms, {memory.Samples:N0} samples) | {EventsBenchmark.Mb(memory.MaxSampledRssBytes)} |");
        md.AppendLine(c, $"| idle RSS after start-up and migration | {EventsBenchmark.Mb(memory.IdleRssBytes)} |");
        md.AppendLine(c, $"| peak RSS after the seed / after the reads / after the import | {EventsBenchmark.Mb(memory.PeakRssAfterSeedBytes)} / {EventsBenchmark.Mb(list.PeakRssAfterBytes)} / {EventsBenchmark.Mb(reimport.PeakRssAfterBytes)} |");
        md.AppendLine(c, $"| events the imports raised, relayed to RabbitMQ | {memory.EventsRelayed:N0}, {(memory.RelayDrainSeconds is { } s ? string.Create(c, $"all published {s:N1} s after the last import") : "**not all published** (relay off or stalled)")} |");
        md.AppendLine();
        md.AppendLine(c, $"Run: `{settings.CommandLine}`.");
        return new ProjectsReport(md.ToString(), goals.All(g => g.Met != false));
    }

    private static string Ms(double milliseconds) => ReportTables.Ms(milliseconds);

    private static double OverdueLimitSeconds(ProjectsSettings settings) =>
        ProjectsBenchmark.MaxOverdueSecondsPer50000Projects * settings.Projects / 50_000;

    private static string OverdueGoal(ProjectsSettings settings) =>
        string.Create(CultureInfo.InvariantCulture, $"overdue-report job: a month of {settings.Projects:N0} projects (every one owing it missing) < {OverdueLimitSeconds(settings):N1} s");
}

/// <summary>The measured reads of the run.</summary>
internal sealed record ProjectsReads(Phase Progress, Phase Bulletin, Phase List, Phase Lagging, Phase Status, Phase Missing, Phase Review, Breakdowns Breakdowns);

/// <summary>The analysts' breakdowns (issue #21), each goal the same.</summary>
internal sealed record Breakdowns(Phase Series, Phase Ranking, Phase Stats)
{
    public IEnumerable<Phase> All => [Series, Ranking, Stats];
}
