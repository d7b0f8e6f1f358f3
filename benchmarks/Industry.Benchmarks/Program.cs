using Industry.Benchmarks;

// Industry.Benchmarks: `events` benchmarks the event backbone (docs/benchmarks.md). Run through
// scripts/bench-events.sh, which builds Release and starts a throwaway PostgreSQL and RabbitMQ.
if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
{
    Console.WriteLine(EventsSettings.Usage);
    return args.Length == 0 ? 2 : 0;
}

if (args[0] != "events")
{
    await Console.Error.WriteLineAsync($"unknown command '{args[0]}'\n\n{EventsSettings.Usage}");
    return 2;
}

EventsSettings settings;
try
{
    settings = EventsSettings.Parse(args[1..]);
}
catch (ArgumentException ex)
{
    await Console.Error.WriteLineAsync($"{ex.Message}\n\n{EventsSettings.Usage}");
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

var report = await EventsBenchmark.RunAsync(settings, cancel.Token);
Console.WriteLine($"results written to {settings.Output}{(report.AllGoalsMet ? string.Empty : " (a goal was missed)")}");
return report.AllGoalsMet || !settings.FailOnMiss ? 0 : 1;
