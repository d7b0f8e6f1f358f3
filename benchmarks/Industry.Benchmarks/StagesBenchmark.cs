using Industry.Projects.V1;
using Industry.ServiceDefaults.Messaging.Wire;
using Npgsql;
using RabbitMQ.Client;

namespace Industry.Benchmarks;

/// <summary>One stage of the pipeline run alone: its rate and the CPU this process spent on it.</summary>
internal sealed record StageResult(string Stage, int Events, double Seconds, CpuUse Cpu)
{
    public double EventsPerSecond => Events / Seconds;
}

/// <summary>
/// Where the pipeline's time goes: its three stages one after another, each alone in this process, on the same
/// wiring as the pipeline scenario (run after it, so the code is warm).
/// <list type="number">
/// <item>insert: <see cref="EventsSettings.StageEvents"/> events through <c>EventOutbox</c> + SaveChanges, relay off;</item>
/// <item>relay: a host with the relay on and no consumer drains them into the consumer's queue (declared beforehand
/// as MassTransit declares it), from the first to the last confirmed row;</item>
/// <item>consume: a host with the relay off and the consumer on drains the queue, first to last inbox commit.</item>
/// </list>
/// </summary>
internal static class StagesBenchmark
{
    public static async Task<IReadOnlyList<StageResult>> RunAsync(EventsSettings settings, CancellationToken cancellationToken)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var database = await Postgres.CreateDatabaseAsync(settings.PostgresAdmin, "bench_stages_" + run, cancellationToken);
        var queue = "benchmarks-stages-" + run;
        var commits = new CommitLog();
        var count = settings.StageEvents;
        var results = new List<StageResult>();
        try
        {
            await DeclareConsumerQueueAsync(settings.RabbitMq, queue, cancellationToken);

            await using (var producer = BenchHost.Build(settings, database.ConnectionString, commits, relay: false, consumerQueue: null))
            {
                await BenchHost.CreateSchemaAsync(producer, cancellationToken);
                await producer.StartAsync(cancellationToken);
                await BenchHost.WaitForBusAsync(producer);
                var cpu = new CpuWindow();
                await BenchHost.ProduceAsync(producer.Services, count, settings.InsertBatch, 0, cancellationToken);
                var use = cpu.Stop();
                results.Add(new StageResult("insert (EventOutbox.Add + SaveChanges)", count, use.Elapsed.TotalSeconds, use));
                await producer.StopAsync(cancellationToken);
            }

            // The relay reads a table of 10,000 rows, not the empty one it was created as. (The inbox tables are empty until
            // the consume stage fills them: statistics of empty tables would be no better than none.)
            await database.AnalyzeAsync("outbox_messages", cancellationToken);

            await using (var relay = BenchHost.Build(settings, database.ConnectionString, commits, relay: true, consumerQueue: null))
            {
                await using var connection = new NpgsqlConnection(database.ConnectionString);
                await connection.OpenAsync(cancellationToken);
                await relay.StartAsync(cancellationToken);
                while (!await AnyAsync(connection, "dispatch_time IS NOT NULL", cancellationToken))
                {
                    await Task.Delay(10, cancellationToken);
                }

                var cpu = new CpuWindow();
                while (await AnyAsync(connection, "dispatch_time IS NULL", cancellationToken))
                {
                    await Task.Delay(10, cancellationToken);
                }

                var use = cpu.Stop();
                await using var window = new NpgsqlCommand("SELECT EXTRACT(EPOCH FROM max(dispatch_time) - min(dispatch_time))::float8 FROM outbox_messages", connection);
                var seconds = (double)(await window.ExecuteScalarAsync(cancellationToken))!;
                results.Add(new StageResult("relay (OutboxRelay → RabbitMQ publish, confirmed)", count, seconds, use));
                await relay.StopAsync(cancellationToken);
            }

            await using (var consumer = BenchHost.Build(settings, database.ConnectionString, commits, relay: false, consumerQueue: queue))
            {
                var phase = commits.Begin(count);
                await consumer.StartAsync(cancellationToken);
                while (phase.Count == 0)
                {
                    await Task.Delay(5, cancellationToken);
                }

                var cpu = new CpuWindow();
                await phase.Done.Task.WaitAsync(TimeSpan.FromMinutes(15), cancellationToken);
                var use = cpu.Stop();
                results.Add(new StageResult("consume (MassTransit → InboxConsumer, committed)", count, (phase.LastCommit - phase.FirstCommit).TotalSeconds, use));
                await consumer.StopAsync(cancellationToken);
            }

            return results;
        }
        finally
        {
            await Broker.DeleteQueueAndExchangeAsync(settings.RabbitMq, queue);
            await database.DropAsync();
        }
    }

    /// <summary>
    /// Whether an outbox row matches <paramref name="condition"/>: an index probe. (It was a <c>count(*)</c>, which read
    /// every row each 10 ms and was a third of PostgreSQL's CPU in the relay's window.)
    /// </summary>
    private static async Task<bool> AnyAsync(NpgsqlConnection connection, string condition, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT EXISTS (SELECT 1 FROM outbox_messages WHERE {condition})", connection);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The consumer's queue as MassTransit declares it (event exchange → queue-named exchange → queue), ahead of the consumer.</summary>
    private static async Task DeclareConsumerQueueAsync(Uri broker, string queue, CancellationToken cancellationToken)
    {
        var exchange = EventCatalog.For<PlanUpdated>().ExchangeName;
        var factory = new ConnectionFactory { Uri = broker };
        await using var connection = await factory.CreateConnectionAsync("benchmark stages", cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        await channel.ExchangeDeclareAsync(queue, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
        await channel.QueueBindAsync(queue, queue, routingKey: string.Empty, cancellationToken: cancellationToken);
        await channel.ExchangeBindAsync(queue, exchange, routingKey: string.Empty, cancellationToken: cancellationToken);
    }
}
