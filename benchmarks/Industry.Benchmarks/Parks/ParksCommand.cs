namespace Industry.Benchmarks.Parks;

/// <summary>The <c>parks</c> command line: settings, run, exit code (0 once the results are written, unless <c>--fail-on-miss</c>).</summary>
internal static class ParksCommand
{
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        ParksSettings settings;
        try
        {
            settings = ParksSettings.Parse(args);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync($"{ex.Message}\n\n{ParksSettings.Usage}");
            return 2;
        }

        var report = await ParksBenchmark.RunAsync(settings, cancellationToken);
        Console.WriteLine($"results written to {settings.Output}{(report.AllGoalsMet ? string.Empty : " (a goal was missed)")}");
        return report.AllGoalsMet || !settings.FailOnMiss ? 0 : 1;
    }
}
