using Industry.Benchmarks.Projects;
using Industry.Clusters.V1;
using Industry.ServiceDefaults.Resources;

namespace Industry.Benchmarks.Cluster;

/// <summary>
/// The <c>cluster</c> command: the real cluster service (its Release build, a separate process) on a fresh PostgreSQL
/// database seeded at national scale, measured over gRPC: GetClusterProgress and ListEnterprises, with the service's
/// memory watched from start to stop.
/// </summary>
internal static class ClusterBenchmark
{
    public const double MaxProgressP99Milliseconds = 100;
    public const double MaxListP99Milliseconds = 20;
    public const long MaxPeakRssBytes = 300L * 1024 * 1024;

    public static async Task<ClusterReport> RunAsync(ClusterSettings settings, CancellationToken cancellationToken)
    {
        var machine = await MachineFacts.CollectAsync(
            new EventsSettings { PostgresAdmin = settings.PostgresAdmin, RabbitMq = settings.RabbitMq, Output = settings.Output, ProjectsDll = settings.ClusterDll },
            cancellationToken);
        var name = "bench_cluster_" + Guid.NewGuid().ToString("N")[..8];
        var database = await Postgres.CreateDatabaseAsync(settings.PostgresAdmin, name, cancellationToken);
        try
        {
            await using var service = ServiceProcess.Start("cluster", settings.ClusterDll, BenchServices.Environment("cluster", database.ConnectionString, settings.RabbitMq));
            await service.WaitUntilReadyAsync(TimeSpan.FromMinutes(2), cancellationToken);
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            var idle = ResidentMemory.Read(service.Id)?.RssBytes ?? 0;
            await using var monitor = new ServiceMonitor(service.Id);

            var currentYear = ChinaTime.Today(TimeProvider.System).Year;
            Console.WriteLine($"seed: {settings.Enterprises:N0} enterprises and {settings.Clusters:N0} clusters");
            var seed = await ClusterSeed.RunAsync(database.ConnectionString, settings.Enterprises, settings.Clusters, currentYear, cancellationToken);
            Console.WriteLine($"seed: {seed.Enterprises:N0} enterprises, {seed.Qualifications:N0} qualifications, {seed.Members:N0} memberships in {seed.Seconds:N1} s");
            var afterSeed = monitor.PeakRssBytes;

            using var channel = BenchAuth.Channel(service.GrpcPort);
            var scenarios = new ClusterScenarios(new ClusterService.ClusterServiceClient(channel), monitor);

            Console.WriteLine($"GetClusterProgress: {settings.Warmup} warm-up and {settings.ProgressCalls} measured calls");
            var progress = await scenarios.ProgressAsync(settings.ProgressCalls, settings.Warmup, currentYear, cancellationToken);
            Console.WriteLine($"GetClusterProgress: p50 {progress.Latency!.P50:N1} ms, p99 {progress.Latency.P99:N1} ms");

            Console.WriteLine($"ListEnterprises: {settings.Warmup} warm-up and {settings.ListCalls} measured calls");
            var list = await scenarios.ListAsync(settings.ListCalls, settings.Warmup, cancellationToken);
            Console.WriteLine(list.Latency is { } l ? $"ListEnterprises: p50 {l.P50:N1} ms, p99 {l.P99:N1} ms" : "ListEnterprises: " + list.NotMeasured);

            var peak = monitor.PeakRssBytes;
            Console.WriteLine($"service peak RSS {EventsBenchmark.Mb(peak)}");
            await service.StopAsync(TimeSpan.FromSeconds(30));

            var report = ClusterReport.Create(settings, machine, seed, progress, list, idle, afterSeed, peak, monitor.MaxSampledRssBytes, monitor.Samples);
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
}
