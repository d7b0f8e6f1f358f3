using Industry.Benchmarks;
using Industry.Benchmarks.Chaos;
using Industry.Benchmarks.Cluster;
using Industry.Benchmarks.History;
using Industry.Benchmarks.Parks;
using Industry.Benchmarks.Projects;

// Industry.Benchmarks: `events` benchmarks the event backbone, `projects`, `cluster`, `parks` and `history` the services at national
// scale, `chaos` runs the whole suite under faults (docs/benchmarks.md). Run through scripts/bench-*.sh, which build
// Release and start a throwaway PostgreSQL and RabbitMQ.
if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
{
    Console.WriteLine(EventsSettings.Usage);
    Console.WriteLine(ProjectsSettings.Usage);
    Console.WriteLine(ClusterSettings.Usage);
    Console.WriteLine(ParksSettings.Usage);
    Console.WriteLine(HistorySettings.Usage);
    Console.WriteLine(ChaosSettings.Usage);
    Console.WriteLine(CostLoad.Usage);
    Console.WriteLine(SpreadsheetFiles.Usage);
    return args.Length == 0 ? 2 : 0;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

return args[0] switch
{
    "events" => await BenchCommand.RunAsync(args[1..], EventsSettings.Parse, EventsSettings.Usage,
        async (settings, ct) => (await EventsBenchmark.RunAsync(settings, ct)).AllGoalsMet, cancel.Token),
    "projects" => await BenchCommand.RunAsync(args[1..], ProjectsSettings.Parse, ProjectsSettings.Usage,
        async (settings, ct) => (await ProjectsBenchmark.RunAsync(settings, ct)).AllGoalsMet, cancel.Token),
    "cluster" => await BenchCommand.RunAsync(args[1..], ClusterSettings.Parse, ClusterSettings.Usage,
        async (settings, ct) => (await ClusterBenchmark.RunAsync(settings, ct)).AllGoalsMet, cancel.Token),
    "parks" => await BenchCommand.RunAsync(args[1..], ParksSettings.Parse, ParksSettings.Usage,
        async (settings, ct) => (await ParksBenchmark.RunAsync(settings, ct)).AllGoalsMet, cancel.Token),
    "history" => await BenchCommand.RunAsync(args[1..], HistorySettings.Parse, HistorySettings.Usage,
        async (settings, ct) => (await HistoryBenchmark.RunAsync(settings, ct)).AllGoalsMet, cancel.Token),
    "chaos" => await BenchCommand.RunAsync(args[1..], ChaosSettings.Parse, ChaosSettings.Usage,
        async (settings, ct) => (await ChaosBenchmark.RunAsync(settings, ct)).AllGoalsMet, cancel.Token),
    "cost-seed" when args.Length == 5 => await CostLoad.SeedAsync(args[1..], cancel.Token),
    "cost-update" when args.Length >= 5 => await CostLoad.UpdateAsync(args[1..], cancel.Token),
    "sheet-make" when args.Length == 5 => SpreadsheetFiles.Make(args[1..]),
    "sheet-count" when args.Length == 2 => SpreadsheetFiles.Count(args[1..]),
    "sheet-monthly" when args.Length == 5 => await SpreadsheetFiles.MakeMonthlyAsync(args[1..], cancel.Token),
    _ => await UnknownAsync(args[0]),
};

static async Task<int> UnknownAsync(string command)
{
    await Console.Error.WriteLineAsync($"unknown command '{command}'; run without arguments for the usage");
    return 2;
}
