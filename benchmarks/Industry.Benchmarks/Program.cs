using Industry.Benchmarks;
using Industry.Benchmarks.Cluster;
using Industry.Benchmarks.Parks;
using Industry.Benchmarks.Projects;

// Industry.Benchmarks: `events` benchmarks the event backbone, `projects`, `cluster` and `parks` the services at national
// scale (docs/benchmarks.md). Run through scripts/bench-*.sh, which build Release and start a throwaway PostgreSQL and
// RabbitMQ.
if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
{
    Console.WriteLine(EventsSettings.Usage);
    Console.WriteLine(ProjectsSettings.Usage);
    Console.WriteLine(ClusterSettings.Usage);
    Console.WriteLine(ParksSettings.Usage);
    return args.Length == 0 ? 2 : 0;
}

if (args[0] == "cluster")
{
    return await ClusterCommand.RunAsync(args[1..]);
}

if (args[0] is not ("events" or "projects" or "parks"))
{
    await Console.Error.WriteLineAsync($"unknown command '{args[0]}'; run without arguments for the usage");
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

if (args[0] == "parks")
{
    return await ParksCommand.RunAsync(args[1..], cancel.Token);
}

if (args[0] == "projects")
{
    ProjectsSettings projects;
    try
    {
        projects = ProjectsSettings.Parse(args[1..]);
    }
    catch (ArgumentException ex)
    {
        await Console.Error.WriteLineAsync($"{ex.Message}\n\n{ProjectsSettings.Usage}");
        return 2;
    }

    var projectsReport = await ProjectsBenchmark.RunAsync(projects, cancel.Token);
    Console.WriteLine($"results written to {projects.Output}{(projectsReport.AllGoalsMet ? string.Empty : " (a goal was missed)")}");
    return projectsReport.AllGoalsMet || !projects.FailOnMiss ? 0 : 1;
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

var report = await EventsBenchmark.RunAsync(settings, cancel.Token);
Console.WriteLine($"results written to {settings.Output}{(report.AllGoalsMet ? string.Empty : " (a goal was missed)")}");
return report.AllGoalsMet || !settings.FailOnMiss ? 0 : 1;
