namespace Industry.Benchmarks.Chaos;

/// <summary>
/// The <c>chaos</c> command (issue 17's chaos run): the suite as four processes on PostgreSQL and RabbitMQ, writers
/// issuing a steady mix of writes through the gateway while <see cref="FaultInjector"/> stops the broker, refuses a
/// database's connections and kills services; then, once the backlog has drained, every event checked from the
/// databases (<see cref="ChaosCheck"/>).
/// </summary>
internal static class ChaosBenchmark
{
    public static async Task<ChaosReport> RunAsync(ChaosSettings settings, CancellationToken cancellationToken)
    {
        var machine = await MachineFacts.CollectAsync(
            new EventsSettings { PostgresAdmin = settings.PostgresAdmin, RabbitMq = settings.RabbitMq, Output = settings.Output, ProjectsDll = ChaosSettings.ServiceDll("projects", "Industry.Projects") },
            cancellationToken);
        var suite = await ChaosSuite.StartAsync(settings, Guid.NewGuid().ToString("N")[..8], cancellationToken);
        try
        {
            using var channel = BenchAuth.Channel(suite.GatewayPort);
            var workload = new ChaosWorkload(settings, channel);
            await workload.SeedAsync(cancellationToken);

            var start = DateTime.UtcNow;
            var end = start + TimeSpan.FromMinutes(settings.Minutes);
            Console.WriteLine($"writing for {settings.Minutes} min with {settings.Writers} writers at {settings.WritesPerSecond}/s each, faults on seed {settings.Seed}");
            var injector = new FaultInjector(settings, suite);
            await Task.WhenAll(workload.RunAsync(end, cancellationToken), injector.RunAsync(end, cancellationToken));
            var writesEnd = DateTime.UtcNow;
            Console.WriteLine($"{workload.Outcomes.Count:N0} writes, {injector.Faults.Count} faults; settling (at most {settings.SettleSeconds} s)");

            var settled = await SettleAsync(suite, settings, cancellationToken);
            Console.WriteLine(settled is { } s ? $"settled after {s.TotalSeconds:N0} s" : "the backlog did not drain");
            var check = await ChaosCheck.RunAsync(suite, settings, workload.Outcomes);
            var report = ChaosReport.Create(settings, machine, start, writesEnd, settled, workload.Outcomes, injector.Faults, check);
            Directory.CreateDirectory(Path.GetDirectoryName(settings.Output)!);
            await File.WriteAllTextAsync(settings.Output, report.Markdown, cancellationToken);
            Console.WriteLine(check.Passed ? "verdict: PASS" : $"verdict: FAIL ({check.Lost} lost, {check.InErrorQueues} in error queues, {check.DivergedProjections.Count} diverged)");
            return report;
        }
        finally
        {
            await suite.DisposeAsync();
            foreach (var database in suite.Databases.Values)
            {
                await database.DropAsync();
            }
        }
    }

    /// <summary>Waits until no outbox row is pending and every consumer queue is empty twice in a row; null if it never is.</summary>
    private static async Task<TimeSpan?> SettleAsync(ChaosSuite suite, ChaosSettings settings, CancellationToken cancellationToken)
    {
        var started = DateTime.UtcNow;
        var quietPolls = 0;
        while (DateTime.UtcNow - started < TimeSpan.FromSeconds(settings.SettleSeconds))
        {
            quietPolls = await ChaosCheck.BacklogAsync(suite, settings) == 0 ? quietPolls + 1 : 0;
            if (quietPolls == 2)
            {
                return DateTime.UtcNow - started;
            }

            await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
        }

        return null;
    }
}
