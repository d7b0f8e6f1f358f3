using System.Diagnostics;
using Industry.TestInfrastructure;

namespace Industry.EndToEndTests.Quickstarts;

/// <summary>What one command of a quickstart did: its exit code and both outputs.</summary>
public sealed record QuickstartOutput(string Command, int ExitCode, string Output, string Errors)
{
    public override string ToString() => $"$ {Command}\nexit code {ExitCode}\n--- stdout ---\n{Output}\n--- stderr ---\n{Errors}";
}

/// <summary>
/// Runs a quickstart's command as a child process from the repository's root, as its README tells a developer to, with
/// the given environment on top of the test process's, and kills it (with its children) when it outlives the timeout.
/// </summary>
public static class QuickstartProcess
{
    public static async Task<QuickstartOutput> RunAsync(IReadOnlyList<string> command, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(command[0], command.Skip(1))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPaths.Root,
        };
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var text = string.Join(' ', command);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {text}");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"{text} did not finish within {timeout}:\n{new QuickstartOutput(text, -1, await output, await errors)}");
        }

        return new QuickstartOutput(text, process.ExitCode, await output, await errors);
    }
}
