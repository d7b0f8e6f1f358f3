using System.CommandLine;
using Industry.Cli.Commands;

namespace Industry.Cli;

/// <summary>The command tree, and the one place where a failure becomes an exit code and a message.</summary>
internal static class CliApplication
{
    public static RootCommand Build(Func<string, string?> environment)
    {
        var root = new RootCommand("industry: the command-line client of the Anhui industry suite (安徽省工业和信息化厅产业服务平台命令行客户端)");
        root.Options.Add(CliContext.GatewayOption);
        root.Options.Add(CliContext.JsonOption);
        root.Options.Add(CliContext.LangOption);
        root.Subcommands.Add(LoginCommand.Create(environment));
        root.Subcommands.Add(WhoamiCommand.Create(environment));
        root.Subcommands.Add(ProgressCommand.Create(environment));
        root.Subcommands.Add(EventsCommand.Create(environment));
        root.Subcommands.Add(ExportCommand.Create(environment));
        root.Subcommands.Add(ImportCommand.Create(environment));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, Func<string, string?> environment)
    {
        var parse = Build(environment).Parse(args);
        return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
    }

    /// <summary>Runs a command's body: a <see cref="CliException"/> is reported (as JSON with <c>--json</c>) and becomes its exit code.</summary>
    public static Func<ParseResult, CancellationToken, Task<int>> Action(Func<string, string?> environment, Func<CliContext, ParseResult, CancellationToken, Task<int>> body) =>
        async (parse, cancellation) =>
        {
            CliContext? context = null;
            try
            {
                context = CliContext.From(parse, environment);
                return await body(context, parse, cancellation);
            }
            catch (CliException e)
            {
                Report(context?.Json ?? parse.GetValue(CliContext.JsonOption), e.ExitCode, e.Reason, e.Message);
                return e.ExitCode;
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                return ExitCodes.Ok; // Ctrl+C ends a command the user meant to stop (events tail).
            }
        };

    private static void Report(bool json, int exitCode, string? reason, string message)
    {
        if (json)
        {
            Console.Error.WriteLine(System.Text.Json.JsonSerializer.Serialize(new { error = new { exitCode, reason, message } }, JsonLines.Options));
        }
        else
        {
            Console.Error.WriteLine(reason is null ? message : $"{message} [{reason}]");
        }
    }
}
