using System.Diagnostics;
using Industry.Projects.V1;
using Industry.ServiceDefaults.Messaging.Wire;
using Npgsql;
using NpgsqlTypes;
using RabbitMQ.Client;

namespace Industry.Benchmarks;

/// <summary>The projects service's memory while its relay drains a backlog.</summary>
internal sealed record MemoryResult(
    int Backlog,
    long PeakRssBytes,
    long MaxSampledRssBytes,
    long IdleRssBytes,
    long RssAfterDrainBytes,
    double StartToDrainedSeconds,
    double DispatchSeconds,
    int Samples)
{
    public double DispatchPerSecond => Backlog / DispatchSeconds;
}

/// <summary>
/// Runs the real projects service (its Release build) on a fresh PostgreSQL database: once with the relay off, to
/// migrate and measure its idle memory; then <see cref="EventsSettings.Backlog"/> pending <c>PlanUpdated</c> rows are
/// bulk-inserted with COPY; then once more with the relay on, sampling <c>/proc/&lt;pid&gt;/status</c> every 50 ms
/// and the pending count every 250 ms until the backlog is gone. The events go to a durable queue bound to the
/// event's exchange, so the broker does the work a real subscriber would make it do.
/// </summary>
internal static class MemoryBenchmark
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(15);

    public static async Task<MemoryResult> RunAsync(EventsSettings settings, CancellationToken cancellationToken)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var database = await Postgres.CreateDatabaseAsync(settings.PostgresAdmin, "bench_projects_" + run, cancellationToken);
        var sink = "bench-memory-sink-" + run;
        try
        {
            await BindSinkAsync(settings.RabbitMq, sink, cancellationToken);
            var environment = BenchServices.Environment("projects", database.ConnectionString, settings.RabbitMq);

            environment["Outbox__RelayEnabled"] = "false";
            long idle;
            await using (var first = ServiceProcess.Start("projects", settings.ProjectsDll, environment))
            {
                await first.WaitUntilReadyAsync(TimeSpan.FromMinutes(2), cancellationToken);
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
                idle = ResidentMemory.Read(first.Id)?.RssBytes ?? 0;
                await first.StopAsync(TimeSpan.FromSeconds(30));
            }

            Console.WriteLine($"memory: inserting {settings.Backlog:N0} pending outbox rows");
            await InsertBacklogAsync(database.ConnectionString, settings.Backlog, cancellationToken);

            environment["Outbox__RelayEnabled"] = "true";
            await using var service = ServiceProcess.Start("projects", settings.ProjectsDll, environment);
            var started = Stopwatch.GetTimestamp();
            long maxRss = 0, peak = 0;
            var samples = 0;
            var nextCount = TimeSpan.Zero;
            var pending = long.MaxValue;
            double drained = double.NaN;
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            while (true)
            {
                if (service.HasExited)
                {
                    throw new InvalidOperationException($"the projects service exited while draining:\n{service.RecentOutput}");
                }

                if (ResidentMemory.Read(service.Id) is { } memory)
                {
                    maxRss = Math.Max(maxRss, memory.RssBytes);
                    peak = Math.Max(peak, memory.PeakRssBytes);
                    samples++;
                }

                var elapsed = Stopwatch.GetElapsedTime(started);
                if (elapsed >= nextCount)
                {
                    nextCount = elapsed + TimeSpan.FromMilliseconds(250);
                    pending = await ScalarAsync<long>(connection, "SELECT count(*) FROM outbox_messages WHERE dispatch_time IS NULL", cancellationToken);
                    if (pending == 0)
                    {
                        drained = elapsed.TotalSeconds;
                        break;
                    }
                }

                if (elapsed > Timeout)
                {
                    throw new TimeoutException($"{pending:N0} of {settings.Backlog:N0} outbox rows still pending after {Timeout}:\n{service.RecentOutput}");
                }

                await Task.Delay(50, cancellationToken);
            }

            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            var after = ResidentMemory.Read(service.Id) ?? default;
            peak = Math.Max(peak, after.PeakRssBytes);
            var window = await ScalarAsync<double>(
                connection,
                "SELECT EXTRACT(EPOCH FROM max(dispatch_time) - min(dispatch_time))::float8 FROM outbox_messages",
                cancellationToken);
            await service.StopAsync(TimeSpan.FromSeconds(30));
            return new MemoryResult(settings.Backlog, peak, maxRss, idle, after.RssBytes, drained, window, samples);
        }
        finally
        {
            await Broker.DeleteQueueAndExchangeAsync(settings.RabbitMq, sink);
            await database.DropAsync();
        }
    }

    /// <summary>A durable queue bound to the PlanUpdated exchange, declared as MassTransit declares it.</summary>
    private static async Task BindSinkAsync(Uri broker, string name, CancellationToken cancellationToken)
    {
        var exchange = EventCatalog.For<PlanUpdated>().ExchangeName;
        var factory = new ConnectionFactory { Uri = broker };
        await using var connection = await factory.CreateConnectionAsync("benchmark memory sink", cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        await channel.QueueDeclareAsync(name, durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
        await channel.QueueBindAsync(name, exchange, routingKey: string.Empty, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// <paramref name="count"/> pending rows as <c>EventOutbox</c> writes them (valid bodies, unique event ids), in one
    /// COPY, then ANALYZE, as autovacuum would have done by the time a real backlog had built up.
    /// </summary>
    private static async Task InsertBacklogAsync(string connectionString, int count, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var type = PlanUpdated.Descriptor.FullName;
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY outbox_messages (message_id, event_type, subject, subject_version, actor, occur_time, body) FROM STDIN (FORMAT BINARY)",
            cancellationToken))
        {
            for (var i = 0; i < count; i++)
            {
                var id = Guid.CreateVersion7();
                var now = DateTime.UtcNow;
                var version = i + 1L;
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(id, NpgsqlDbType.Uuid, cancellationToken);
                await writer.WriteAsync(type, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync("plans/2024", NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(version, NpgsqlDbType.Bigint, cancellationToken);
                await writer.WriteAsync(SampleEvents.Actor, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
                await writer.WriteAsync(SampleEvents.Json(SampleEvents.WithMetadata(id, "plans/2024", version, now)), NpgsqlDbType.Text, cancellationToken);
            }

            await writer.CompleteAsync(cancellationToken);
        }

        await using var analyze = new NpgsqlCommand("ANALYZE outbox_messages", connection);
        await analyze.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
