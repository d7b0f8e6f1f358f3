using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;

namespace Industry.Benchmarks;

/// <summary>The <c>events</c> command: runs the scenarios in turn and writes the results file.</summary>
internal static class EventsBenchmark
{
    public const double MinEventsPerSecond = 2_000;
    public const double MinShareOfCeiling = 0.25;
    public const long MaxPeakRssBytes = 300L * 1024 * 1024;

    public static async Task<EventsReport> RunAsync(EventsSettings settings, CancellationToken cancellationToken)
    {
        var machine = await MachineFacts.CollectAsync(settings, cancellationToken);
        var body = SampleEvents.TypicalBody();

        RawResult? raw = null;
        PipelineResult? pipeline = null;
        MemoryResult? memory = null;
        if (settings.RunRaw)
        {
            Console.WriteLine($"raw ceiling: {settings.RawMessages:N0} messages of {body.Length:N0} bytes");
            raw = await RawCeilingBenchmark.RunAsync(settings, body, cancellationToken);
            Console.WriteLine($"raw ceiling: {raw.MessagesPerSecond:N0} msg/s");
        }

        if (settings.RunPipeline)
        {
            Console.WriteLine($"pipeline: {settings.PipelineEvents:N0} PlanUpdated events");
            pipeline = await PipelineBenchmark.RunAsync(settings, cancellationToken);
            Console.WriteLine($"pipeline: {pipeline.EventsPerSecond:N0} events/s");
        }

        IReadOnlyList<StageResult>? stages = null;
        if (settings.RunStages)
        {
            Console.WriteLine($"stages: {settings.StageEvents:N0} events through each stage alone");
            stages = await StagesBenchmark.RunAsync(settings, cancellationToken);
            foreach (var stage in stages)
            {
                Console.WriteLine($"stages: {stage.Stage}: {stage.EventsPerSecond:N0} events/s, {stage.Cpu.MillisecondsPerMessage(stage.Events):N2} ms CPU/event");
            }
        }

        if (settings.RunMemory)
        {
            Console.WriteLine($"memory: projects service draining {settings.Backlog:N0} outbox rows");
            memory = await MemoryBenchmark.RunAsync(settings, cancellationToken);
            Console.WriteLine($"memory: peak RSS {Mb(memory.PeakRssBytes)}");
        }

        var report = EventsReport.Create(settings, machine, body.Length, raw, pipeline, stages, memory);
        Directory.CreateDirectory(Path.GetDirectoryName(settings.Output)!);
        await File.WriteAllTextAsync(settings.Output, report.Markdown, cancellationToken);
        return report;
    }

    public static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("N0", CultureInfo.InvariantCulture) + " MB";
}

/// <summary>What the results are relative to.</summary>
internal sealed record MachineFacts(int Processors, string Cpu, string MemoryTotal, string Os, string Runtime, string Gc, string PostgresVersion, string RabbitMqVersion, string LoadAverage, DateTime Date)
{
    public static async Task<MachineFacts> CollectAsync(EventsSettings settings, CancellationToken cancellationToken)
    {
        static string FirstValue(string file, string key)
        {
            try
            {
                var line = File.ReadLines(file).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
                return line is null ? "unknown" : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
            }
            catch (IOException)
            {
                return "unknown";
            }
        }

        static string LoadAverage()
        {
            try
            {
                return string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
            }
            catch (IOException)
            {
                return "unknown";
            }
        }

        return new MachineFacts(
            Environment.ProcessorCount,
            FirstValue("/proc/cpuinfo", "model name"),
            FirstValue("/proc/meminfo", "MemTotal"),
            RuntimeInformation.OSDescription,
            RuntimeInformation.FrameworkDescription,
            GCSettings.IsServerGC ? "Server" : "Workstation",
            await Postgres.VersionAsync(settings.PostgresAdmin, cancellationToken),
            await Broker.VersionAsync(settings.RabbitMq, cancellationToken),
            LoadAverage(),
            DateTime.UtcNow);
    }
}

/// <summary>The results file.</summary>
internal sealed record EventsReport(string Markdown, bool AllGoalsMet)
{
    public static EventsReport Create(EventsSettings settings, MachineFacts machine, int bodyBytes, RawResult? raw, PipelineResult? pipeline, IReadOnlyList<StageResult>? stages, MemoryResult? memory)
    {
        var c = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        var goals = new List<(string Goal, string Measured, bool? Met)>();
        md.AppendLine("# Event backbone benchmark: results");
        md.AppendLine();
        md.AppendLine(c, $"Written by `scripts/bench-events.sh` (`Industry.Benchmarks events`) on {machine.Date:yyyy-MM-dd HH:mm} UTC. What each figure means: docs/benchmarks.md.");
        md.AppendLine();
        md.AppendLine("## Machine");
        md.AppendLine();
        md.AppendLine("| | |");
        md.AppendLine("| --- | --- |");
        md.AppendLine(c, $"| processors (nproc) | {machine.Processors} |");
        md.AppendLine(c, $"| CPU | {machine.Cpu} |");
        md.AppendLine(c, $"| memory | {machine.MemoryTotal} |");
        md.AppendLine(c, $"| OS | {machine.Os} |");
        md.AppendLine(c, $"| .NET | {machine.Runtime}, {machine.Gc} GC |");
        md.AppendLine(c, $"| PostgreSQL | {machine.PostgresVersion} (local, fsync off, synchronous_commit off) |");
        md.AppendLine(c, $"| RabbitMQ | {machine.RabbitMqVersion} (local node) |");
        md.AppendLine(c, $"| load average (1, 5, 15 min) at the start | {machine.LoadAverage} |");
        md.AppendLine(c, $"| message body | {bodyBytes:N0} bytes: a full-plan `PlanUpdated` in proto3 JSON |");
        md.AppendLine();

        md.AppendLine("## Throughput and latency");
        md.AppendLine();
        md.AppendLine("| | messages | throughput | p50 latency | p99 latency | max latency | CPU: this process; the servers | machine busy |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        if (raw is not null)
        {
            md.AppendLine(c, $"| raw RabbitMQ.Client (ceiling) | {raw.Messages:N0} | {raw.MessagesPerSecond:N0} msg/s | {Ms(raw.Latency.P50)} | {Ms(raw.Latency.P99)} | {Ms(raw.Latency.Max)} | {Cpu(raw.Cpu, raw.Messages)} | {raw.Cpu.MachineBusy:P0} |");
        }

        if (pipeline is not null)
        {
            md.AppendLine(c, $"| suite pipeline (outbox → relay → RabbitMQ → inbox) | {pipeline.Events:N0} | {pipeline.EventsPerSecond:N0} events/s | {Ms(pipeline.Latency.P50)} | {Ms(pipeline.Latency.P99)} | {Ms(pipeline.Latency.Max)} | {Cpu(pipeline.Cpu, pipeline.Events)} | {pipeline.Cpu.MachineBusy:P0} |");
        }

        md.AppendLine();
        if (raw is not null && pipeline is not null)
        {
            var share = pipeline.EventsPerSecond / raw.MessagesPerSecond;
            md.AppendLine(c, $"Pipeline / ceiling: **{share:P0}**.");
            md.AppendLine();
            goals.Add(($"pipeline ≥ {EventsBenchmark.MinShareOfCeiling:P0} of the raw ceiling", share.ToString("P0", c), share >= EventsBenchmark.MinShareOfCeiling));
        }

        if (pipeline is not null)
        {
            goals.Add(($"pipeline ≥ {EventsBenchmark.MinEventsPerSecond:N0} events/s", pipeline.EventsPerSecond.ToString("N0", c) + " events/s", pipeline.EventsPerSecond >= EventsBenchmark.MinEventsPerSecond));
        }

        md.AppendLine(c, $"CPU: the benchmark process's CPU time over the measured window, in cores (of {machine.Processors}) and in milliseconds per message, with the share of the window the JIT compiler was busy (high while code is still warming up); then the CPU time of the PostgreSQL and RabbitMQ servers' process trees over the same window, per message. Machine busy: the busy share of all processors over the window (this process, PostgreSQL, RabbitMQ and anything else that ran); near 100 % the machine, not the code, set the pace.");
        md.AppendLine();
        if (raw is not null)
        {
            md.AppendLine(c, $"Raw ceiling: one connection publishes persistent messages to a durable fanout exchange with publisher confirms tracked by RabbitMQ.Client, {raw.ConfirmBatch} publishes in flight before their confirms are awaited ({raw.PublishesPerSecond:N0} confirmed publishes/s); another connection consumes the durable queue with prefetch {raw.Prefetch} and one ack per message. Latency: receipt in the consumer minus the publish timestamp in a header.");
            md.AppendLine();
        }

        if (pipeline is not null)
        {
            md.AppendLine(c, $"Suite pipeline: **one process** holds the producer, the relay and the consumer (they share its 2 cores and its connection pool). Events are raised with the real `EventOutbox.Add`, {pipeline.InsertBatch} per `SaveChanges` transaction ({pipeline.InsertsPerSecond:N0} events/s inserted; the relay and consumer run meanwhile); the real `OutboxRelay` publishes them on its own RabbitMQ channel (batch {pipeline.Outbox.BatchSize}, poll {pipeline.Outbox.PollIntervalMilliseconds} ms; its confirmed rows span {pipeline.RelaySeconds:N2} s, {pipeline.RelayPerSecond:N0} events/s); a consumer on the real `InboxConsumer` base with an empty handler (prefetch {pipeline.RabbitMq.PrefetchCount}, concurrency {pipeline.RabbitMq.ConcurrentMessageLimit}) commits the inbox rows of the events it holds together, at most {pipeline.RabbitMq.InboxBatchSize} per transaction and {pipeline.RabbitMq.InboxParallelGroups} transactions at once (group commit, ADR 0011). Throughput: events over first insert commit → last inbox commit ({pipeline.Seconds:N2} s), after {pipeline.WarmupEvents:N0} warm-up events. Latency: inbox commit minus `metadata.occur_time`. Each event has its own subject, so the per-subject version check never contends.");
            md.AppendLine();
        }

        if (stages is not null)
        {
            md.AppendLine("## Where the pipeline's time goes: each stage alone");
            md.AppendLine();
            md.AppendLine("| stage | events | rate alone | CPU: this process; the servers | machine busy |");
            md.AppendLine("| --- | ---: | ---: | ---: | ---: |");
            foreach (var stage in stages)
            {
                md.AppendLine(c, $"| {stage.Stage} | {stage.Events:N0} | {stage.EventsPerSecond:N0} events/s | {Cpu(stage.Cpu, stage.Events)} | {stage.Cpu.MachineBusy:P0} |");
            }

            md.AppendLine();
            md.AppendLine(c, $"The same wiring as the pipeline, one stage at a time in this process: insert with the relay off; then a host with the relay on and no consumer drains the rows into the consumer's queue (declared beforehand as MassTransit declares it); then a host with only the consumer drains that queue. In the pipeline all three share the process, so its rate is bounded by about 1 / (sum of the stages' CPU per event) × the cores it gets.");
            md.AppendLine();
        }

        md.AppendLine("## Memory: the projects service draining a backlog");
        md.AppendLine();
        if (memory is not null)
        {
            md.AppendLine("| | |");
            md.AppendLine("| --- | --- |");
            md.AppendLine(c, $"| backlog | {memory.Backlog:N0} pending `PlanUpdated` outbox rows |");
            md.AppendLine(c, $"| peak RSS (VmHWM, whole process life) | **{EventsBenchmark.Mb(memory.PeakRssBytes)}** |");
            md.AppendLine(c, $"| highest sampled RSS while draining (VmRSS, every 50 ms, {memory.Samples:N0} samples) | {EventsBenchmark.Mb(memory.MaxSampledRssBytes)} |");
            md.AppendLine(c, $"| idle RSS (relay off, after start-up) | {EventsBenchmark.Mb(memory.IdleRssBytes)} |");
            md.AppendLine(c, $"| RSS 2 s after the backlog was gone | {EventsBenchmark.Mb(memory.RssAfterDrainBytes)} |");
            md.AppendLine(c, $"| process start → no row pending | {memory.StartToDrainedSeconds:N1} s |");
            md.AppendLine(c, $"| first → last dispatch | {memory.DispatchSeconds:N1} s ({memory.DispatchPerSecond:N0} events/s) |");
            md.AppendLine();
            md.AppendLine("The Release build of services/projects with its deployed runtime settings (ADR 0028), Production environment, relay defaults; the events go to a durable queue bound to `industry.projects.v1.plan-updated`.");
            md.AppendLine();
            goals.Add(($"peak RSS < {EventsBenchmark.Mb(EventsBenchmark.MaxPeakRssBytes)} while {memory.Backlog:N0} rows drain", EventsBenchmark.Mb(memory.PeakRssBytes), memory.PeakRssBytes < EventsBenchmark.MaxPeakRssBytes));
        }
        else
        {
            md.AppendLine("Not run.");
            md.AppendLine();
        }

        md.AppendLine("## Goals");
        md.AppendLine();
        md.AppendLine("| goal | measured | |");
        md.AppendLine("| --- | ---: | --- |");
        foreach (var (goal, measured, met) in goals)
        {
            md.AppendLine(c, $"| {goal} | {measured} | {(met == true ? "pass" : "**FAIL**")} |");
        }

        md.AppendLine();
        md.AppendLine(c, $"Run: `events --raw-messages {settings.RawMessages} --events {settings.PipelineEvents} --warmup {settings.Warmup} --insert-batch {settings.InsertBatch} --confirm-batch {settings.ConfirmBatch} --raw-prefetch {settings.RawPrefetch} --stage-events {settings.StageEvents} --backlog {settings.Backlog}`; the raw and pipeline scenarios first run warm-up rounds of {settings.Warmup * 5:N0} and {settings.Warmup:N0} unmeasured messages until the JIT compiler is busy at most {Warmup.MaxJitShare:P0} of a round, or the CPU per message stops falling (two rounds in a row within 5 % of the round before, from round {Warmup.MinRounds}; at most {Warmup.MaxRounds} rounds); the stages and memory scenarios run after them, on warm code.");
        return new EventsReport(md.ToString(), goals.All(g => g.Met == true));
    }

    private static string Cpu(CpuUse cpu, int messages)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{cpu.ProcessCores:N2} cores, {cpu.MillisecondsPerMessage(messages):N2} ms/msg (JIT {cpu.Jit.TotalSeconds / cpu.Elapsed.TotalSeconds:P0})");
        return cpu.Servers.Postgres + cpu.Servers.RabbitMq == TimeSpan.Zero
            ? text
            : text + string.Create(CultureInfo.InvariantCulture,
                $"; PostgreSQL {cpu.Servers.Postgres.TotalMilliseconds / messages:N2}, RabbitMQ {cpu.Servers.RabbitMq.TotalMilliseconds / messages:N2} ms/msg");
    }

    private static string Ms(double milliseconds) => double.IsNaN(milliseconds)
        ? "–"
        : milliseconds.ToString(milliseconds < 10 ? "N1" : "N0", CultureInfo.InvariantCulture) + " ms";
}
