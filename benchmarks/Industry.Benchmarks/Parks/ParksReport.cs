using System.Globalization;
using System.Text;
using Industry.Benchmarks.Projects;
using Industry.Parks.V1;

namespace Industry.Benchmarks.Parks;

/// <summary>The results file of the <c>parks</c> command.</summary>
internal sealed record ParksReport(string Markdown, bool AllGoalsMet)
{
    public static ParksReport Create(
        ParksSettings settings, MachineFacts machine, ParksSeedResult seed, Phase progress, Phase list, IReadOnlyList<ListTransformationsRequest> queries, long idleRss, long peakRss)
    {
        var c = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        var goals = new List<(string Goal, string Measured, bool Met)>
        {
            ($"GetDigitalProgress p99 < {ParksBenchmark.MaxProgressP99Milliseconds:N0} ms", Ms(progress.Latency!.P99), progress.Latency.P99 < ParksBenchmark.MaxProgressP99Milliseconds),
            ($"ListTransformations (page of 50) p99 < {ParksBenchmark.MaxListP99Milliseconds:N0} ms", Ms(list.Latency!.P99), list.Latency.P99 < ParksBenchmark.MaxListP99Milliseconds),
            ($"service peak RSS (VmHWM) < {EventsBenchmark.Mb(ParksBenchmark.MaxPeakRssBytes)} over the whole run", EventsBenchmark.Mb(peakRss), peakRss < ParksBenchmark.MaxPeakRssBytes),
        };

        md.AppendLine("# Parks service benchmark: results");
        md.AppendLine();
        md.AppendLine(c, $"Written by `scripts/bench-parks.sh` (`Industry.Benchmarks parks`) on {machine.Date:yyyy-MM-dd HH:mm} UTC. What each figure means: docs/benchmarks.md.");
        md.AppendLine();
        md.AppendLine("## Goals");
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
        md.AppendLine(c, $"| load average (1, 5, 15 min) at the start | {machine.LoadAverage} |");
        md.AppendLine();
        md.AppendLine("## Data");
        md.AppendLine();
        md.AppendLine(c, $"{seed.Parks:N0} parks ({seed.Certified:N0} certified) over the 104 counties, {seed.Transformations:N0} transformations with {seed.Milestones:N0} milestones over the last seven years, bulk-loaded with binary COPY and VACUUM ANALYZEd in {seed.Seconds:N1} s ({seed.AllVisible:P0} of their pages all-visible afterwards).");
        md.AppendLine();
        md.AppendLine("## Reads");
        md.AppendLine();
        md.AppendLine("| call | calls | p50 | p99 | max | calls/s | service CPU | machine busy |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var phase in new[] { progress, list })
        {
            var l = phase.Latency!;
            md.AppendLine(c, $"| {phase.Name} | {phase.Calls:N0} | {Ms(l.P50)} | {Ms(l.P99)} | {Ms(l.Max)} | {phase.Calls / phase.Seconds:N0} | {phase.ServiceCores:N2} cores | {phase.MachineBusy:P0} |");
        }

        md.AppendLine();
        md.AppendLine(c, $"One call at a time over one HTTP/2 connection, after {settings.Warmup} unmeasured calls of each. GetDigitalProgress: each of the last seven years in a fixed shuffled order. ListTransformations: `page_size` 50, rotating over these queries, every other call the next page of the one before:");
        md.AppendLine();
        foreach (var q in queries)
        {
            md.AppendLine(c, $"- `{q.Parent}`{(q.Filter.Length > 0 ? $", filter `{q.Filter}`" : string.Empty)}{(q.OrderBy.Length > 0 ? $", order `{q.OrderBy}`" : string.Empty)}");
        }

        md.AppendLine();
        md.AppendLine("## Service memory");
        md.AppendLine();
        md.AppendLine(c, $"Peak RSS (VmHWM, from start to stop) **{EventsBenchmark.Mb(peakRss)}**; idle after start-up and migration {EventsBenchmark.Mb(idleRss)}.");
        md.AppendLine();
        md.AppendLine(c, $"Run: `{settings.CommandLine}`.");
        return new ParksReport(md.ToString(), goals.All(g => g.Met));
    }

    private static string Ms(double milliseconds) => double.IsNaN(milliseconds)
        ? "–"
        : milliseconds.ToString(milliseconds < 10 ? "N2" : "N1", CultureInfo.InvariantCulture) + " ms";
}
