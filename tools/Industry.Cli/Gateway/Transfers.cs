using Spectre.Console;

namespace Industry.Cli.Gateway;

/// <summary>Runs a long transfer under a progress bar on standard error's terminal, or silently for scripts (<c>--json</c>, output redirected).</summary>
internal static class Transfers
{
    public static async Task<T> WithProgressAsync<T>(CliContext context, string description, long? total, Func<Action<long>, Task<T>> transfer)
    {
        if (context.Json || Console.IsErrorRedirected)
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

    public static string Size(long bytes) =>
        bytes < 1024 * 1024 ? $"{bytes / 1024.0:0.0} KiB" : $"{bytes / (1024.0 * 1024):0.0} MiB";
}
