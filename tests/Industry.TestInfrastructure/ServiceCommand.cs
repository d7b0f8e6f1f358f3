using System.Diagnostics;
using Industry.ServiceDefaults.Security;

namespace Industry.TestInfrastructure;

/// <summary>
/// One of a service's commands that run and exit (<c>dotnet Industry.X.dll outbox list</c>, <c>errors replay</c>,
/// <c>--deploy-topology</c>) as a separate process, with the settings
/// <see cref="ServiceProcess.Start(string, string, string, IReadOnlyDictionary{string, string})"/> gives a service: the
/// <c>Testing</c> environment, the test tokens' key, then the command's own environment.
/// </summary>
public static class ServiceCommand
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    /// <summary>Runs the command to its end and returns its standard output; fails with both outputs on a non-zero exit code.</summary>
    public static async Task<string> RunAsync(string folder, string assemblyName, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var (exitCode, output, errors) = await RunToExitAsync(folder, assemblyName, environment, args);
        return exitCode == 0
            ? output
            : throw new InvalidOperationException($"{assemblyName} {string.Join(' ', args)} exited with {exitCode}:\n{output}\n{errors}");
    }

    /// <summary>Runs the command to its end, whatever its exit code: for a test of a refusal.</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunToExitAsync(
        string folder, string assemblyName, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var dll = RepositoryPaths.ServiceAssembly(folder, assemblyName);
        var info = new ProcessStartInfo("dotnet", [dll, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = DevelopmentEnvironments.Testing;
        foreach (var (key, value) in TestTokens.Environment.Concat(environment))
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(Timeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
