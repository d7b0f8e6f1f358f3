using System.Globalization;
using System.Text;
using Industry.Benchmarks.Projects;
using Industry.History.V1;

namespace Industry.Benchmarks.History;

/// <summary>The results file of the <c>history</c> command.</summary>
internal sealed record HistoryReport(string Markdown, bool AllGoalsMet)
{
    public static HistoryReport Create(
        HistorySettings settings, MachineFacts machine, HistorySeedResult seed, Phase list, Phase search, IReadOnlyList<SearchChangesRequest> queries,
        Throughput stream, Throughput ingest, long idleRss, long peakRss)
    {
        var c = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        var goals = new List<(string Goal, string Measured, bool Met)>
        {
            ($"ingest from the broker ≥ {HistoryBenchmark.MinIngestPerSecond:N0} events/s stored", $"{ingest.PerSecond:N0}/s", ingest.PerSecond >= HistoryBenchmark.MinIngestPerSecond),
            ($"ListChanges of one record p99 < {HistoryBenchmark.MaxListP99Milliseconds:N0} ms", Ms(list.Latency!.P99), list.Latency.P99 < HistoryBenchmark.MaxListP99Milliseconds),
            ($"SearchChanges page of 50 p99 < {HistoryBenchmark.MaxSearchP99Milliseconds:N0} ms", Ms(search.Latency!.P99), search.Latency.P99 < HistoryBenchmark.MaxSearchP99Milliseconds),
            ($"StreamEvents to one client ≥ {HistoryBenchmark.MinStreamPerSecond:N0} events/s", $"{stream.PerSecond:N0}/s", stream.PerSecond >= HistoryBenchmark.MinStreamPerSecond),
            ($"service peak RSS (VmHWM) < {EventsBenchmark.Mb(HistoryBenchmark.MaxPeakRssBytes)} over the whole run", EventsBenchmark.Mb(peakRss), peakRss < HistoryBenchmark.MaxPeakRssBytes),
        };

        md.AppendLine("# History service benchmark: results");
        md.AppendLine();
        md.AppendLine(c, $"Written by `scripts/bench-history.sh` (`Industry.Benchmarks history`) on {machine.Date:yyyy-MM-dd HH:mm} UTC. What each figure means: docs/benchmarks.md.");
        md.AppendLine();
        md.AppendLine("## Goals");
        md.AppendLine();
        md.AppendLine(c, $"With {seed.Changes:N0} stored changes{(seed.Changes < 10_000_000 ? " (**fewer than the 10,000,000 the goals name**: see Data)" : string.Empty)}:");
        md.AppendLine();
        md.AppendLine("| goal | measured | |");
        md.AppendLine("| --- | ---: | --- |");
        foreach (var (goal, measured, met) in goals)
        {
            md.AppendLine(c, $"| {goal} | {measured} | {(met ? "pass" : "**FAIL**")} |");
        }

        md.AppendLine();
        md.AppendLine("## Machine");
        md.AppendLine();
        md.AppendLine("| | |");
        md.AppendLine("| --- | --- |");
        md.AppendLine(c, $"| processors (nproc) | {machine.Processors} |");
        md.AppendLine(c, $"| CPU | {machine.Cpu} |");
        md.AppendLine(c, $"| memory | {machine.MemoryTotal} |");
        md.AppendLine(c, $"| .NET | {machine.Runtime}; the service: Release build, Production environment |");
        md.AppendLine(c, $"| PostgreSQL | {machine.PostgresVersion} (local) |");
        md.AppendLine(c, $"| RabbitMQ | {machine.RabbitMqVersion} (local) |");
        md.AppendLine(c, $"| load average (1, 5, 15 min) at the start | {machine.LoadAverage} |");
        md.AppendLine();
        md.AppendLine("## Data");
        md.AppendLine();
        md.AppendLine(c, $"{seed.Changes:N0} stored changes of {seed.Subjects:N0} records (about {HistorySeed.ChangesPerSubject} versions each; one in seven a park, the rest projects) over the 104 counties, by 20 editors per city and 5 province admins, stored from {seed.First:yyyy-MM-dd} to {seed.Last:yyyy-MM-dd} in {seed.Partitions} month partitions ({EventsBenchmark.Mb(seed.TableBytes)} with indexes), bulk-loaded with one binary COPY through the partitioned table and VACUUM ANALYZEd in {seed.Seconds:N1} s ({seed.AllVisible:P0} of their pages all-visible afterwards). Bodies are the events' proto3 JSON (`ProjectCreated`/`ProjectUpdated`, `ParkCreated`/`ParkUpdated` with the full record).");
        md.AppendLine();
        md.AppendLine("## Reads");
        md.AppendLine();
        md.AppendLine("| call | calls | p50 | p99 | max | calls/s | service CPU | machine busy |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var phase in new[] { list, search })
        {
            var l = phase.Latency!;
            md.AppendLine(c, $"| {phase.Name} | {phase.Calls:N0} | {Ms(l.P50)} | {Ms(l.P99)} | {Ms(l.Max)} | {phase.Calls / phase.Seconds:N0} | {phase.ServiceCores:N2} cores | {phase.MachineBusy:P0} |");
        }

        md.AppendLine();
        md.AppendLine(c, $"One call at a time over one HTTP/2 connection, after {settings.Warmup} unmeasured calls of each. ListChanges: `page_size` 50 (field diffs included), a different record each time in a fixed shuffled order, every other call the next page of the one before (most records have one page). SearchChanges: `page_size` 50, rotating over these filters, every other call the next page:");
        md.AppendLine();
        foreach (var q in queries)
        {
            md.AppendLine(c, $"- {(q.Filter.Length > 0 ? $"`{q.Filter}`" : "no filter (the province's newest)")}");
        }

        md.AppendLine();
        md.AppendLine("## Replay and ingest");
        md.AppendLine();
        md.AppendLine("| | events | seconds | events/s | service CPU | machine busy |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var t in new[] { stream, ingest })
        {
            md.AppendLine(c, $"| {t.Name} | {t.Events:N0} | {t.Seconds:N1} | {t.PerSecond:N0} | {t.ServiceCpuSeconds / t.Seconds:N2} cores | {t.MachineBusy:P0} |");
        }

        md.AppendLine();
        md.AppendLine("StreamEvents: one client, one call from the middle of the history (`after_position`), without `follow`, each event checked for the next position and a body. Ingest: raw `ProjectUpdated` events of fresh records published to their exchange with publisher confirms (500 in flight), timed from the first publish until the service had stored the last one (counted in its database), on top of the loaded history.");
        md.AppendLine();
        md.AppendLine("## Service memory");
        md.AppendLine();
        md.AppendLine(c, $"Peak RSS (VmHWM, from start to stop) **{EventsBenchmark.Mb(peakRss)}**; idle after start-up and migration {EventsBenchmark.Mb(idleRss)}.");
        md.AppendLine();
        md.AppendLine(c, $"Run: `{settings.CommandLine}`.");
        return new HistoryReport(md.ToString(), goals.All(g => g.Met));
    }

    private static string Ms(double milliseconds) => double.IsNaN(milliseconds)
        ? "–"
        : milliseconds.ToString(milliseconds < 10 ? "N2" : "N1", CultureInfo.InvariantCulture) + " ms";
}
