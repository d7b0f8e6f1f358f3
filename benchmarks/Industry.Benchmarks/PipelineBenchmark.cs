using Industry.ServiceDefaults.Messaging;
using Industry.ServiceDefaults.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Industry.Benchmarks;

/// <summary>What the suite's outbox → relay → RabbitMQ → inbox pipeline achieved.</summary>
internal sealed record PipelineResult(
    int Events,
    double Seconds,
    double InsertSeconds,
    double RelaySeconds,
    LatencySummary Latency,
    CpuUse Cpu,
    int InsertBatch,
    int WarmupEvents,
    OutboxOptions Outbox,
    RabbitMqOptions RabbitMq)
{
    public double EventsPerSecond => Events / Seconds;

    public double InsertsPerSecond => Events / InsertSeconds;

    public double RelayPerSecond => Events / RelaySeconds;
}

/// <summary>
/// The suite's pipeline in one process, wired as a service is: <c>AddServiceDefaults</c>, <c>AddServiceDatabase</c>
/// on a fresh PostgreSQL database and <c>AddServiceMessaging</c> with the real <c>OutboxRelay</c> and a consumer on the
/// real <c>InboxConsumer</c> base. Events are raised with the real <see cref="EventOutbox"/> and committed with
/// SaveChanges, <see cref="EventsSettings.InsertBatch"/> per transaction, while the relay and consumer run. Throughput is
/// events over the time from the first insert commit to the last inbox commit; latency is each event's inbox commit
/// minus its <c>metadata.occur_time</c> (both on this process's clock).
/// </summary>
internal static class PipelineBenchmark
{
    public static async Task<PipelineResult> RunAsync(EventsSettings settings, CancellationToken cancellationToken)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var database = await Postgres.CreateDatabaseAsync(settings.PostgresAdmin, "bench_pipeline_" + run, cancellationToken);
        var queue = "benchmarks-pipeline-" + run;
        var commits = new CommitLog();

        await using var app = BenchHost.Build(settings, database.ConnectionString, commits, relay: true, consumerQueue: queue);
        await BenchHost.CreateSchemaAsync(app, cancellationToken);
        await app.StartAsync(cancellationToken);
        try
        {
            // The consumer's queue must be bound before the first publish, or the fanout exchange drops the events.
            await BenchHost.WaitForBusAsync(app);

            // Warm-up rounds until the JIT compiler is mostly done: tiering up this much code takes a while on 2 cores.
            var warmed = 0;
            var rounds = 0;
            CpuUse? round = null, previous = null;
            CpuUse? beforePrevious;
            do
            {
                (beforePrevious, previous) = (previous, round);
                var cpuRound = new CpuWindow();
                var warmup = commits.Begin(settings.Warmup);
                await BenchHost.ProduceAsync(app.Services, settings.Warmup, settings.InsertBatch, warmed, cancellationToken);
                await warmup.Done.Task.WaitAsync(TimeSpan.FromMinutes(5), cancellationToken);
                round = cpuRound.Stop();
                Console.Error.WriteLine($"pipeline warm-up round {rounds + 1}: JIT {round.JitShare:P0} of {round.Elapsed.TotalSeconds:N1} s, {round.Process.TotalMilliseconds / settings.Warmup:N2} ms CPU/event; PostgreSQL {round.Servers.Postgres.TotalMilliseconds / settings.Warmup:N2}, RabbitMQ {round.Servers.RabbitMq.TotalMilliseconds / settings.Warmup:N2} ms/event");
                warmed += settings.Warmup;
                rounds++;
            }
            while (!Warmup.Done(rounds, round, previous, beforePrevious));

            // Statistics as a long-running service's tables have them (autovacuum may not have come yet; Postgres.AnalyzeAsync).
            await database.AnalyzeAsync("outbox_messages, inbox_messages, inbox_subject_versions", cancellationToken);

            var jit = JitReport.StartIfRequested("pipeline, measured window");
            var measured = commits.Begin(settings.PipelineEvents);
            var cpu = new CpuWindow();
            var (firstCommit, lastInsert) = await BenchHost.ProduceAsync(app.Services, settings.PipelineEvents, settings.InsertBatch, warmed, cancellationToken);
            await measured.Done.Task.WaitAsync(TimeSpan.FromMinutes(15), cancellationToken);
            var cpuUse = cpu.Stop();
            jit?.Print();

            var (firstDispatch, lastDispatch) = await DispatchWindowAsync(app.Services, warmed, cancellationToken);
            var options = app.Services.GetRequiredService<OutboxOptions>();
            var rabbit = app.Services.GetRequiredService<RabbitMqOptions>();
            return new PipelineResult(
                settings.PipelineEvents,
                (measured.LastCommit - firstCommit).TotalSeconds,
                (lastInsert - firstCommit).TotalSeconds,
                (lastDispatch - firstDispatch).TotalSeconds,
                LatencySummary.Of(measured.Latencies),
                cpuUse,
                settings.InsertBatch,
                warmed,
                options,
                rabbit);
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
            await Broker.DeleteQueueAndExchangeAsync(settings.RabbitMq, queue);
            await database.DropAsync();
        }
    }

    /// <summary>When the relay marked the first and the last measured row as dispatched (its confirm times).</summary>
    private static async Task<(DateTime First, DateTime Last)> DispatchWindowAsync(IServiceProvider services, int warmup, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbContext>();
        var rows = db.Set<OutboxMessage>().Where(m => m.Id > warmup && m.DispatchTime != null);
        var first = await rows.MinAsync(m => m.DispatchTime, cancellationToken);
        var last = await rows.MaxAsync(m => m.DispatchTime, cancellationToken);
        return (first ?? DateTime.MinValue, last ?? DateTime.MinValue);
    }
}
