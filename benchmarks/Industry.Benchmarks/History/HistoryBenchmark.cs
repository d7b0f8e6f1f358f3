using System.Diagnostics;
using System.Globalization;
using Google.Protobuf;
using Grpc.Core;
using Industry.Benchmarks.Projects;
using Industry.History.V1;
using Industry.Projects.V1;
using Industry.ServiceDefaults.Messaging.Wire;
using Npgsql;
using RabbitMQ.Client;

namespace Industry.Benchmarks.History;

/// <summary>What one-client replay and broker ingest measured.</summary>
internal sealed record Throughput(string Name, int Events, double Seconds, double ServiceCpuSeconds, double MachineBusy)
{
    public double PerSecond => Events / Seconds;
}

/// <summary>
/// The <c>history</c> command: the real history service (its Release build, a separate process) on a fresh PostgreSQL
/// database bulk-loaded with stored changes over 36 months, measured over gRPC (ListChanges of one record, a
/// SearchChanges page, one StreamEvents client) and through the broker (raw events published to their exchanges,
/// stored rows per second), with the service's memory watched from start to stop.
/// </summary>
internal static class HistoryBenchmark
{
    public const double MinIngestPerSecond = 2_000;
    public const double MaxListP99Milliseconds = 20;
    public const double MaxSearchP99Milliseconds = 100;
    public const double MinStreamPerSecond = 20_000;
    public const long MaxPeakRssBytes = 300L * 1024 * 1024;

    private static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(30);

    public static async Task<HistoryReport> RunAsync(HistorySettings settings, CancellationToken cancellationToken)
    {
        var machine = await MachineFacts.CollectAsync(
            new EventsSettings { PostgresAdmin = settings.PostgresAdmin, RabbitMq = settings.RabbitMq, Output = settings.Output, ProjectsDll = settings.HistoryDll },
            cancellationToken);
        var name = "bench_history_" + Guid.NewGuid().ToString("N")[..8];
        var database = await Postgres.CreateDatabaseAsync(settings.PostgresAdmin, name, cancellationToken);
        var prefix = "bench-history-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            var environment = BenchServices.Environment("history", database.ConnectionString, settings.RabbitMq);
            environment["RabbitMq__EndpointPrefix"] = prefix; // its own queues, removed at the end
            await using var service = ServiceProcess.Start("history", settings.HistoryDll, environment);
            await service.WaitUntilReadyAsync(TimeSpan.FromMinutes(2), cancellationToken);
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            var idle = ResidentMemory.Read(service.Id)?.RssBytes ?? 0;
            await using var monitor = new ServiceMonitor(service.Id);

            Console.WriteLine($"seed: {settings.Changes:N0} changes over {settings.Months} months");
            var seed = await HistorySeed.RunAsync(database.ConnectionString, settings.Changes, settings.Months, cancellationToken);
            Console.WriteLine($"seed: {seed.Partitions} partitions, {EventsBenchmark.Mb(seed.TableBytes)}, {seed.Seconds:N1} s");

            using var channel = BenchAuth.Channel(service.GrpcPort);
            var client = new HistoryService.HistoryServiceClient(channel);

            var records = Enumerable.Range(0, seed.Subjects).ToArray();
            new Random(3401).Shuffle(records);
            var listTokens = new string[records.Length];
            var list = await ProjectsScenarios.MeasureAsync("ListChanges", settings.ListCalls, settings.Warmup, monitor, async i =>
            {
                // Every other call asks for the next page of the previous call's record (most have one page).
                var r = i / 2 % records.Length;
                var request = new ListChangesRequest { Parent = HistorySeed.Record.Of(records[r]).Name, PageSize = 50 };
                if (i % 2 == 1)
                {
                    request.PageToken = listTokens[r] ?? string.Empty;
                }

                listTokens[r] = (await client.ListChangesAsync(request, Options(cancellationToken))).NextPageToken;
            }, cancellationToken);
            Console.WriteLine($"ListChanges: p50 {list.Latency!.P50:N1} ms, p99 {list.Latency.P99:N1} ms");

            var queries = SearchQueries(seed);
            var searchTokens = new string[queries.Length];
            var search = await ProjectsScenarios.MeasureAsync("SearchChanges", settings.SearchCalls, settings.Warmup, monitor, async i =>
            {
                var q = i / 2 % queries.Length;
                var request = queries[q].Clone();
                if (i % 2 == 1)
                {
                    request.PageToken = searchTokens[q] ?? string.Empty;
                }

                searchTokens[q] = (await client.SearchChangesAsync(request, Options(cancellationToken))).NextPageToken;
            }, cancellationToken);
            Console.WriteLine($"SearchChanges: p50 {search.Latency!.P50:N1} ms, p99 {search.Latency.P99:N1} ms");

            var stream = await StreamAsync(client, settings, monitor, cancellationToken);
            Console.WriteLine($"StreamEvents: {stream.Events:N0} events in {stream.Seconds:N1} s, {stream.PerSecond:N0}/s");

            var ingest = await IngestAsync(settings, database.ConnectionString, monitor, cancellationToken);
            Console.WriteLine($"ingest: {ingest.Events:N0} events in {ingest.Seconds:N1} s, {ingest.PerSecond:N0}/s stored");

            var peak = monitor.PeakRssBytes;
            Console.WriteLine($"service peak RSS {EventsBenchmark.Mb(peak)}");
            await service.StopAsync(TimeSpan.FromSeconds(30));

            var report = HistoryReport.Create(settings, machine, seed, list, search, queries, stream, ingest, idle, peak);
            Directory.CreateDirectory(Path.GetDirectoryName(settings.Output)!);
            await File.WriteAllTextAsync(settings.Output, report.Markdown, cancellationToken);
            return report;
        }
        finally
        {
            await DeleteQueuesAsync(settings.RabbitMq, prefix);
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

    /// <summary>Pages of 50 as an inspector asks for them: an actor's, a city's month, a resource type, an event type in a county, the province's newest.</summary>
    private static SearchChangesRequest[] SearchQueries(HistorySeedResult seed)
    {
        var month = seed.First.AddMonths(Math.Max(0, (int)((seed.Last - seed.First).TotalDays / 30) / 2));
        var from = month.ToString("yyyy-MM-01T00:00:00Z", CultureInfo.InvariantCulture);
        var to = month.AddMonths(1).ToString("yyyy-MM-01T00:00:00Z", CultureInfo.InvariantCulture);
        return
        [
            new() { PageSize = 50, Filter = "actor = \"editor-340100-07\"" },
            new() { PageSize = 50, Filter = $"city_code = \"340200\" AND occur_time >= \"{from}\" AND occur_time < \"{to}\"" },
            new() { PageSize = 50, Filter = "resource_type = \"parks\"" },
            new() { PageSize = 50, Filter = "event_type = \"industry.projects.v1.ProjectCreated\" AND county_code = \"340102\"" },
            new() { PageSize = 50 },
            new() { PageSize = 50, Filter = $"actor = \"province-admin-3\" AND occur_time >= \"{from}\" AND occur_time < \"{to}\"" },
        ];
    }

    /// <summary>One client reads <c>--stream-events</c> events from the middle of the history, as a late consumer catching up would.</summary>
    private static async Task<Throughput> StreamAsync(HistoryService.HistoryServiceClient client, HistorySettings settings, ServiceMonitor monitor, CancellationToken cancellationToken)
    {
        var after = (settings.Changes - settings.StreamEvents) / 2;
        var cpu = monitor.CpuSeconds();
        var window = new CpuWindow();
        var started = Stopwatch.GetTimestamp();
        using var call = client.StreamEvents(new StreamEventsRequest { AfterPosition = after }, new CallOptions(deadline: DateTime.UtcNow.AddMinutes(10), cancellationToken: cancellationToken));
        var received = 0;
        var expected = (long)after + 1;
        while (received < settings.StreamEvents && await call.ResponseStream.MoveNext(cancellationToken))
        {
            if (call.ResponseStream.Current.Position != expected++ || call.ResponseStream.Current.Event is null)
            {
                throw new InvalidOperationException($"StreamEvents sent position {call.ResponseStream.Current.Position} where {expected - 1} was due, or no event");
            }

            received++;
        }

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return new Throughput("StreamEvents", received, seconds, monitor.CpuSeconds() - cpu, window.Stop().MachineBusy);
    }

    /// <summary>
    /// Publishes <c>--ingest-events</c> raw <c>ProjectUpdated</c> events to their exchange (plain RabbitMQ.Client, publisher
    /// confirms, 500 in flight), as fast as the broker takes them, and times from the first publish until the service has
    /// stored all of them.
    /// </summary>
    private static async Task<Throughput> IngestAsync(HistorySettings settings, string connectionString, ServiceMonitor monitor, CancellationToken cancellationToken)
    {
        var type = EventCatalog.For<ProjectUpdated>();
        var factory = new ConnectionFactory { Uri = settings.RabbitMq };
        await using var connection = await factory.CreateConnectionAsync("history benchmark", cancellationToken);
        await using var publisher = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        var bodies = Enumerable.Range(0, settings.IngestEvents).Select(i => Body(i)).ToArray();

        var cpu = monitor.CpuSeconds();
        var window = new CpuWindow();
        var started = Stopwatch.GetTimestamp();
        for (var done = 0; done < bodies.Length; done += 500)
        {
            var pending = new List<Task>(500);
            for (var i = done; i < Math.Min(done + 500, bodies.Length); i++)
            {
                var properties = new BasicProperties { MessageId = bodies[i].Id, ContentType = "application/json", DeliveryMode = DeliveryModes.Persistent };
                pending.Add(publisher.BasicPublishAsync(type.ExchangeName, string.Empty, mandatory: false, properties, bodies[i].Json, cancellationToken).AsTask());
            }

            await Task.WhenAll(pending);
        }

        var published = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Console.WriteLine($"ingest: published {bodies.Length:N0} in {published:N1} s");
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (await CountStoredAsync(connectionString, settings.Changes, cancellationToken) < bodies.Length)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("the history service did not store the published events within 10 minutes");
            }

            await Task.Delay(50, cancellationToken);
        }

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return new Throughput("ingest", bodies.Length, seconds, monitor.CpuSeconds() - cpu, window.Stop().MachineBusy);

        static (string Id, byte[] Json) Body(int i)
        {
            var record = HistorySeed.Record.Of(1_000_001 + (7 * i)); // never a multiple of 7: a project
            var id = Guid.CreateVersion7();
            var @event = (ProjectUpdated)record.Event(2, "editor-ingest", DateTime.UtcNow, id, new Random(i));
            return (id.ToString(), System.Text.Encoding.UTF8.GetBytes(JsonFormatter.Default.Format(@event)));
        }
    }

    /// <summary>Rows the service stored (the seed's positions are 1…<paramref name="seeded"/>; the writer's follow).</summary>
    private static async Task<long> CountStoredAsync(string connectionString, int seeded, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM history_entries WHERE position > @seeded", connection);
        command.Parameters.AddWithValue("seeded", (long)seeded);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Removes the service's queues of this run (one per event type), so a shared broker does not keep collecting for them.</summary>
    private static async Task DeleteQueuesAsync(Uri broker, string prefix)
    {
        try
        {
            var factory = new ConnectionFactory { Uri = broker };
            await using var connection = await factory.CreateConnectionAsync("history benchmark cleanup");
            await using var channel = await connection.CreateChannelAsync();
            foreach (var type in EventCatalog.All)
            {
                await channel.QueueDeleteAsync($"{prefix}-{type.ExchangeName}");
                await channel.ExchangeDeleteAsync($"{prefix}-{type.ExchangeName}");
            }
        }
        catch (Exception ex) when (ex is RabbitMQ.Client.Exceptions.RabbitMQClientException or IOException)
        {
            Console.WriteLine($"could not remove the benchmark's queues: {ex.Message}");
        }
    }

    private static CallOptions Options(CancellationToken cancellationToken) => new(deadline: DateTime.UtcNow + CallDeadline, cancellationToken: cancellationToken);
}
