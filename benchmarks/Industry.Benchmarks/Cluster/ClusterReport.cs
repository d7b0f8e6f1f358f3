using System.Globalization;
using System.Text;
using Industry.Benchmarks.Projects;

namespace Industry.Benchmarks.Cluster;

/// <summary>The results file of the <c>cluster</c> command.</summary>
internal sealed record ClusterReport(string Markdown, bool AllGoalsMet)
{
    public static ClusterReport Create(
        ClusterSettings settings, MachineFacts machine, ClusterSeedResult seed, Phase progress, Phase list, long idleRss, long peakAfterSeed, long peakRss, long maxSampledRss, int samples)
    {
        var c = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        var goals = new List<(string Goal, string Measured, bool? Met)>
        {
            ($"GetClusterProgress p99 < {ClusterBenchmark.MaxProgressP99Milliseconds:N0} ms", ReportTables.Ms(progress.Latency!.P99), progress.Latency.P99 < ClusterBenchmark.MaxProgressP99Milliseconds),
            list.Latency is { } l
                ? ($"ListEnterprises (page of 50, filtered) p99 < {ClusterBenchmark.MaxListP99Milliseconds:N0} ms", ReportTables.Ms(l.P99), l.P99 < ClusterBenchmark.MaxListP99Milliseconds)
                : ($"ListEnterprises (page of 50, filtered) p99 < {ClusterBenchmark.MaxListP99Milliseconds:N0} ms", list.NotMeasured!, null),
            ($"service peak RSS (VmHWM) < {EventsBenchmark.Mb(ClusterBenchmark.MaxPeakRssBytes)} over the whole run", EventsBenchmark.Mb(peakRss), peakRss < ClusterBenchmark.MaxPeakRssBytes),
        };

        md.AppendLine("# Cluster service benchmark: results");
        md.AppendLine();
        md.AppendLine(c, $"Written by `scripts/bench-cluster.sh` (`Industry.Benchmarks cluster`) on {machine.Date:yyyy-MM-dd HH:mm} UTC. What each figure means: docs/benchmarks.md.");
        md.AppendLine();
        ReportTables.Goals(md, goals);
        ReportTables.Machine(md, machine, "cluster", "local node; idle during the run");
        md.AppendLine("## Data");
        md.AppendLine();
        md.AppendLine(c, $"{seed.Enterprises:N0} enterprises ({seed.AboveSize:N0} above size) with {seed.Qualifications:N0} qualifications and {seed.Members:N0} cluster memberships; {seed.Clusters:N0} clusters with {seed.Recognitions:N0} recognitions. Bulk-loaded with binary COPY and VACUUM ANALYZEd in {seed.Seconds:N1} s ({seed.AllVisible:P0} of their pages all-visible afterwards); distributions as docs/benchmarks.md describes.");
        md.AppendLine();
        ReportTables.Reads(md, [progress, list]);
        md.AppendLine(c, $"One call at a time over one HTTP/2 connection, after {settings.Warmup} unmeasured calls of each. GetClusterProgress: the last seven years in a fixed shuffled order. ListEnterprises: `page_size` 50, rotating over six filters (a city's above-size enterprises, a city's specialised SMEs, a county, a cluster's members, an industry's enterprises above size since 2020 by `above_size_year desc`, the little giants), every other call the next page of the one before.");
        md.AppendLine();
        md.AppendLine("## Service memory");
        md.AppendLine();
        md.AppendLine("| | |");
        md.AppendLine("| --- | --- |");
        md.AppendLine(c, $"| peak RSS (VmHWM, from start to stop) | **{EventsBenchmark.Mb(peakRss)}** |");
        md.AppendLine(c, $"| highest sampled RSS (VmRSS every 100 ms, {samples:N0} samples) | {EventsBenchmark.Mb(maxSampledRss)} |");
        md.AppendLine(c, $"| idle RSS after start-up and migration / peak after the seed | {EventsBenchmark.Mb(idleRss)} / {EventsBenchmark.Mb(peakAfterSeed)} |");
        md.AppendLine();
        md.AppendLine(c, $"Run: `{settings.CommandLine}`.");
        return new ClusterReport(md.ToString(), goals.All(g => g.Met != false));
    }
}
