namespace Industry.Benchmarks.Cluster;

/// <summary>The <c>cluster</c> command line: parse, run, and the exit code (kept apart so that Program.cs only dispatches to it).</summary>
internal static class ClusterCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        ClusterSettings settings;
        try
        {
            settings = ClusterSettings.Parse(args);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync($"{ex.Message}\n\n{ClusterSettings.Usage}");
            return 2;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        var report = await ClusterBenchmark.RunAsync(settings, cancel.Token);
        Console.WriteLine($"results written to {settings.Output}{(report.AllGoalsMet ? string.Empty : " (a goal was missed)")}");
        return report.AllGoalsMet || !settings.FailOnMiss ? 0 : 1;
    }
}
