using Spectre.Console;

namespace Industry.Cli.Gateway;

/// <summary>
/// Runs a long transfer under a progress bar drawn on standard error, when a person watches a terminal; silently for
/// scripts: with <c>--json</c>, or when standard output or standard error is not a terminal (piped, redirected, captured
/// by a test), so that neither the output nor a log gets the bar's escape sequences.
/// </summary>
internal static class Transfers
{
    public static async Task<T> WithProgressAsync<T>(CliContext context, string description, long? total, Func<Action<long>, Task<T>> transfer)
    {
        if (!Shows(context))
        {
            return await transfer(_ => { });
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new DownloadedColumn(), new TransferSpeedColumn(), new ElapsedTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask(Markup.Escape(description), maxValue: total ?? 1);
                task.IsIndeterminate = total is null;
                var result = await transfer(done =>
                {
                    if (total is null)
                    {
                        task.MaxValue = Math.Max(task.MaxValue, done);
                    }

                    task.Value = done;
                });
                task.IsIndeterminate = false;
                task.Value = task.MaxValue;
                return result;
            });
    }

    /// <summary>Whether progress is drawn: a person at a terminal, not a script.</summary>
    public static bool Shows(CliContext context) => !context.Json && !Console.IsOutputRedirected && !Console.IsErrorRedirected;

    public static string Size(long bytes) =>
        bytes < 1024 * 1024 ? $"{bytes / 1024.0:0.0} KiB" : $"{bytes / (1024.0 * 1024):0.0} MiB";
}
