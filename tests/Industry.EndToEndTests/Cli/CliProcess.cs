using System.Diagnostics;
using Industry.TestInfrastructure;

namespace Industry.EndToEndTests.Cli;

/// <summary>
/// The built command-line client (<c>tools/Industry.Cli</c>, <c>industry.dll</c>) run as a process, as a clerk's shell
/// runs it: its own configuration folder per test, the gateway and broker of the suite, the test processes' development
/// key for <c>login --dev</c>, and no locale variable but the test's own.
/// </summary>
internal sealed class CliProcess(Uri gateway, Uri? broker = null) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public string ConfigFolder { get; } = Directory.CreateTempSubdirectory("industry-cli-").FullName;

    public static string Dll
    {
        get
        {
            var configuration = typeof(CliProcess).Assembly
                .GetCustomAttributes(typeof(System.Reflection.AssemblyConfigurationAttribute), false)
                .Cast<System.Reflection.AssemblyConfigurationAttribute>().Single().Configuration;
            var path = Path.Combine(RepositoryPaths.Root, "tools", "Industry.Cli", "bin", configuration, "net10.0", "industry.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException($"{path} is not built.", path);
        }
    }

    public ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string>? environment, string[] args)
    {
        var info = new ProcessStartInfo("dotnet", [Dll, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = ConfigFolder,
        };
        foreach (var variable in (string[])["LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE", "INDUSTRY_TOKEN"])
        {
            info.Environment.Remove(variable);
        }

        info.Environment["INDUSTRY_CONFIG_DIR"] = ConfigFolder;
        info.Environment["INDUSTRY_GATEWAY"] = gateway.ToString();
        info.Environment["INDUSTRY_DEV_SIGNING_KEY"] = TestTokens.SigningKey;
        if (broker is not null)
        {
            info.Environment["INDUSTRY_BROKER"] = broker.ToString();
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        return info;
    }

    /// <summary>Runs <c>industry ARGS</c> to its end.</summary>
    public Task<CliResult> RunAsync(params string[] args) => RunAsync(null, args);

    public async Task<CliResult> RunAsync(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var process = Process.Start(StartInfo(environment, args))!;
        process.StandardInput.Close();
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

        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    public void Dispose() => Directory.Delete(ConfigFolder, recursive: true);
}

internal sealed record CliResult(int ExitCode, string Output, string Errors)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Errors}";
}
