namespace Industry.Benchmarks;

/// <summary>What every command's settings say about its results.</summary>
internal interface IBenchSettings
{
    /// <summary>The results file (markdown).</summary>
    string Output { get; }

    /// <summary><c>--fail-on-miss</c>: exit 1 when a goal is missed.</summary>
    bool FailOnMiss { get; }
}

/// <summary>One command line: settings, run, exit code.</summary>
internal static class BenchCommand
{
    /// <summary>
    /// Parses the settings (a bad argument prints it with <paramref name="usage"/>: exit 2), runs, and exits 0 once the
    /// results are written, or 1 when a goal was missed and <c>--fail-on-miss</c> asks for it.
    /// </summary>
    public static async Task<int> RunAsync<TSettings>(
        string[] args, Func<string[], TSettings> parse, string usage, Func<TSettings, CancellationToken, Task<bool>> run, CancellationToken cancellationToken)
        where TSettings : IBenchSettings
    {
        TSettings settings;
        try
        {
            settings = parse(args);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync($"{ex.Message}\n\n{usage}");
            return 2;
        }

        var allGoalsMet = await run(settings, cancellationToken);
        Console.WriteLine($"results written to {settings.Output}{(allGoalsMet ? string.Empty : " (a goal was missed)")}");
        return allGoalsMet || !settings.FailOnMiss ? 0 : 1;
    }
}
