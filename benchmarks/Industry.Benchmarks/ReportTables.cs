using System.Globalization;
using System.Text;
using Industry.Benchmarks.Projects;

namespace Industry.Benchmarks;

/// <summary>The tables the services' results files share: goals, machine, and read latencies.</summary>
internal static class ReportTables
{
    public static void Goals(StringBuilder md, IEnumerable<(string Goal, string Measured, bool? Met)> goals)
    {
        md.AppendLine("## Goals");
        md.AppendLine();
        md.AppendLine("| goal | measured | |");
        md.AppendLine("| --- | ---: | --- |");
        foreach (var (goal, measured, met) in goals)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {goal} | {measured} | {met switch { true => "pass", false => "**FAIL**", null => "not measured" }} |");
        }

        md.AppendLine();
    }

    /// <param name="md">The results file.</param>
    /// <param name="machine">What the machine is.</param>
    /// <param name="service">The service under benchmark (its folder under services/), whose deployed runtime settings the run used.</param>
    /// <param name="rabbitMqRole">What the broker did during the run, e.g. "idle during the run".</param>
    public static void Machine(StringBuilder md, MachineFacts machine, string service, string rabbitMqRole)
    {
        var c = CultureInfo.InvariantCulture;
        md.AppendLine("## Machine");
        md.AppendLine();
        md.AppendLine("| | |");
        md.AppendLine("| --- | --- |");
        md.AppendLine(c, $"| processors (nproc) | {machine.Processors} |");
        md.AppendLine(c, $"| CPU | {machine.Cpu} |");
        md.AppendLine(c, $"| memory | {machine.MemoryTotal} |");
        md.AppendLine(c, $"| OS | {machine.Os} |");
        var runtime = DeployedRuntimeSettings.For(service).Select(s => $"`{s.Key}={s.Value}`").ToList();
        var settings = runtime.Count == 0 ? "the runtime's defaults (Server GC)" : "as deployed, " + string.Join(", ", runtime);
        md.AppendLine(c, $"| .NET | {machine.Runtime}; the service: Release build, Production environment, runtime settings {settings} |");
        md.AppendLine(c, $"| PostgreSQL | {machine.PostgresVersion} (local, fsync off, synchronous_commit off) |");
        md.AppendLine(c, $"| RabbitMQ | {machine.RabbitMqVersion} ({rabbitMqRole}) |");
        md.AppendLine(c, $"| load average (1, 5, 15 min) at the start | {machine.LoadAverage} |");
        md.AppendLine();
    }

    public static void Reads(StringBuilder md, IEnumerable<Phase> phases)
    {
        var c = CultureInfo.InvariantCulture;
        md.AppendLine("## Reads");
        md.AppendLine();
        md.AppendLine("| call | calls | p50 | p99 | max | calls/s | service CPU | machine busy |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var phase in phases)
        {
            md.AppendLine(phase.Latency is { } latency
                ? string.Create(c, $"| {phase.Name} | {phase.Calls:N0} | {Ms(latency.P50)} | {Ms(latency.P99)} | {Ms(latency.Max)} | {phase.Calls / phase.Seconds:N0} | {phase.ServiceCores:N2} cores | {phase.MachineBusy:P0} |")
                : string.Create(c, $"| {phase.Name} | – | {phase.NotMeasured} | | | | | |"));
        }

        md.AppendLine();
    }

    public static string Ms(double milliseconds) => double.IsNaN(milliseconds)
        ? "–"
        : milliseconds.ToString(milliseconds < 10 ? "N2" : "N1", CultureInfo.InvariantCulture) + " ms";
}
