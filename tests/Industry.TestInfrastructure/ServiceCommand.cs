using System.Diagnostics;
using Industry.ServiceDefaults.Security;

namespace Industry.TestInfrastructure;

/// <summary>One of a service's operator commands (<c>dotnet Industry.X.dll outbox list</c>, …) run as its own process.</summary>
public static class ServiceCommand
{
    /// <summary>
    /// Runs <c>dotnet &lt;assembly&gt;.dll args…</c> of the service in <paramref name="folder"/> in the Testing environment
    /// with <paramref name="environment"/>; its exit code, standard output and standard error.
    /// </summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string folder, string assembly, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var dll = RepositoryPaths.ServiceAssembly(folder, assembly);
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
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await stdout, await stderr);
    }
}
