using System.Globalization;
using Grpc.Core;
using Industry.Benchmarks.Projects;
using Industry.Parks.V1;
using Industry.ServiceDefaults.Resources;

namespace Industry.Benchmarks.Parks;

/// <summary>
/// The <c>parks</c> command: the real parks service (its Release build, a separate process) on a fresh PostgreSQL
/// database seeded at national scale (3,000 parks, 200,000 transformations), measured over gRPC: GetDigitalProgress and
/// ListTransformations, one call at a time, with the service's memory watched from start to stop.
/// </summary>
internal static class ParksBenchmark
{
    public const double MaxProgressP99Milliseconds = 100;
    public const double MaxListP99Milliseconds = 20;
    public const long MaxPeakRssBytes = 300L * 1024 * 1024;

    private static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(30);

    public static async Task<ParksReport> RunAsync(ParksSettings settings, CancellationToken cancellationToken)
    {
        var machine = await MachineFacts.CollectAsync(
            new EventsSettings { PostgresAdmin = settings.PostgresAdmin, RabbitMq = settings.RabbitMq, Output = settings.Output, ProjectsDll = settings.ParksDll },
            cancellationToken);
        var name = "bench_parks_" + Guid.NewGuid().ToString("N")[..8];
        var database = await Postgres.CreateDatabaseAsync(settings.PostgresAdmin, name, cancellationToken);
        try
        {
            await using var service = ServiceProcess.Start("parks", settings.ParksDll, BenchServices.Environment("parks", database.ConnectionString, settings.RabbitMq));
            await service.WaitUntilReadyAsync(TimeSpan.FromMinutes(2), cancellationToken);
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            var idle = ResidentMemory.Read(service.Id)?.RssBytes ?? 0;
            await using var monitor = new ServiceMonitor(service.Id);

            var currentYear = ChinaTime.Today(TimeProvider.System).Year;
            Console.WriteLine($"seed: {settings.Parks:N0} parks and {settings.Transformations:N0} transformations");
            var seed = await ParksSeed.RunAsync(database.ConnectionString, settings.Parks, settings.Transformations, currentYear, cancellationToken);
            Console.WriteLine($"seed: {seed.Milestones:N0} milestones, {seed.Seconds:N1} s");

            using var channel = BenchAuth.Channel(service.GrpcPort);
            var client = new ParkService.ParkServiceClient(channel);

            // The last seven years, the seeded ones, in a fixed shuffled order.
            var years = Enumerable.Range(currentYear - 6, 7).ToArray();
            new Random(2024).Shuffle(years);
            var progress = await ProjectsScenarios.MeasureAsync("GetDigitalProgress", settings.ProgressCalls, settings.Warmup, monitor, async i =>
                await client.GetDigitalProgressAsync(new GetDigitalProgressRequest { Year = years[i % years.Length] }, Options(cancellationToken)), cancellationToken);
            Console.WriteLine($"GetDigitalProgress: p50 {progress.Latency!.P50:N1} ms, p99 {progress.Latency.P99:N1} ms");

            var queries = ListQueries(settings, currentYear);
            var tokens = new string[queries.Length];
            var list = await ProjectsScenarios.MeasureAsync("ListTransformations", settings.ListCalls, settings.Warmup, monitor, async i =>
            {
                // Every other call asks for the next page of the previous call's query.
                var q = i / 2 % queries.Length;
                var request = queries[q].Clone();
                if (i % 2 == 1)
                {
                    request.PageToken = tokens[q];
                }

                tokens[q] = (await client.ListTransformationsAsync(request, Options(cancellationToken))).NextPageToken;
            }, cancellationToken);
            Console.WriteLine($"ListTransformations: p50 {list.Latency!.P50:N1} ms, p99 {list.Latency.P99:N1} ms");

            var peak = monitor.PeakRssBytes;
            Console.WriteLine($"service peak RSS {EventsBenchmark.Mb(peak)}");
            await service.StopAsync(TimeSpan.FromSeconds(30));

            var report = ParksReport.Create(settings, machine, seed, progress, list, queries, idle, peak);
            Directory.CreateDirectory(Path.GetDirectoryName(settings.Output)!);
            await File.WriteAllTextAsync(settings.Output, report.Markdown, cancellationToken);
            return report;
        }
        finally
        {
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

    /// <summary>Pages of 50 as a park, a city and the province would ask for them.</summary>
    private static ListTransformationsRequest[] ListQueries(ParksSettings settings, int currentYear) =>
    [
        new() { Parent = "parks/bench-park-00042", PageSize = 50 },
        new() { Parent = $"parks/bench-park-{Math.Min(settings.Parks, 1234):D5}", PageSize = 50, OrderBy = "level desc" },
        new() { Parent = "parks/-", PageSize = 50, Filter = "city_code = \"340100\"" },
        new() { Parent = "parks/-", PageSize = 50, Filter = "level >= TRANSFORMATION_LEVEL_SMART_FACTORY" },
        new() { Parent = "parks/-", PageSize = 50, Filter = string.Create(CultureInfo.InvariantCulture, $"milestone_year = {currentYear - 1}") },
        new() { Parent = "parks/-", PageSize = 50, OrderBy = "update_time desc" },
    ];

    private static CallOptions Options(CancellationToken cancellationToken) => new(deadline: DateTime.UtcNow + CallDeadline, cancellationToken: cancellationToken);
}
