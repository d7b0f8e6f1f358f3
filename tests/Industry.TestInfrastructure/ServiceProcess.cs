using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Industry.ServiceDefaults.Security;

namespace Industry.TestInfrastructure;

/// <summary>
/// One service of the suite as a real, separate process (<c>dotnet Industry.X.dll</c>), on free loopback ports, with
/// its output kept for the failure message. Stopped with SIGTERM, as Kubernetes does, then killed if it hangs. Tests
/// and benchmarks (benchmarks/Industry.Benchmarks) start services through it.
/// </summary>
public sealed partial class ServiceProcess : IAsyncDisposable
{
    private const int Sigterm = 15;
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ServiceProcess(string name, Process process, int grpcPort, int httpPort)
    {
        Name = name;
        _process = process;
        GrpcPort = grpcPort;
        HttpPort = httpPort;
    }

    public string Name { get; }

    public int GrpcPort { get; }

    public int HttpPort { get; }

    public Uri GrpcAddress => new($"http://127.0.0.1:{GrpcPort}");

    public Uri HttpAddress => new($"http://127.0.0.1:{HttpPort}");

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the process wrote, for assertion messages.</summary>
    public string RecentOutput => string.Join(Environment.NewLine, _output.TakeLast(60));

    public int Id => _process.Id;

    /// <summary>
    /// A service of the suite as a test runs it: its build output in the tests' configuration, the <c>Testing</c>
    /// environment and the test tokens' key (<see cref="TestTokens"/>), then <paramref name="environment"/>.
    /// </summary>
    public static ServiceProcess Start(string name, string folder, string assemblyName, IReadOnlyDictionary<string, string> environment)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_ENVIRONMENT"] = DevelopmentEnvironments.Testing,
            ["Logging__Console__FormatterName"] = "simple",
        };
        foreach (var (key, value) in TestTokens.Environment.Concat(environment))
        {
            settings[key] = value;
        }

        return Start(name, RepositoryPaths.ServiceAssembly(folder, assemblyName), settings);
    }

    /// <summary>
    /// The built service <paramref name="dll"/> with exactly <paramref name="environment"/> besides its two ports and
    /// the runtime settings it is deployed with (<see cref="DeployedRuntimeSettings"/>), which the environment may override.
    /// </summary>
    public static ServiceProcess Start(string name, string dll, IReadOnlyDictionary<string, string> environment)
    {
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{dll} is not built; build it first (dotnet build Industry.slnx -c Release).", dll);
        }

        int grpcPort = FreePort.Next(), httpPort = FreePort.Next();
        var info = new ProcessStartInfo("dotnet", [dll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        info.Environment["Kestrel__Endpoints__Grpc__Url"] = $"http://127.0.0.1:{grpcPort}";
        info.Environment["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{httpPort}";
        foreach (var (key, value) in DeployedRuntimeSettings.For(DeployedRuntimeSettings.ServiceOf(dll)).Concat(environment))
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var service = new ServiceProcess(name, process, grpcPort, httpPort);
        process.OutputDataReceived += (_, e) => service.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => service.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

    /// <summary>Waits until <c>/health/ready</c> answers 200 (database and broker reachable), or fails with the process's output.</summary>
    public Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken = default) =>
        WaitForHealthAsync("/health/ready", timeout, cancellationToken);

    /// <summary>Waits until <c>/health/live</c> answers 200 (serving, whatever its dependencies).</summary>
    public Task WaitUntilLiveAsync(TimeSpan timeout, CancellationToken cancellationToken = default) =>
        WaitForHealthAsync("/health/live", timeout, cancellationToken);

    private async Task WaitForHealthAsync(string path, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode}:\n{RecentOutput}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(HttpAddress, path), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new TimeoutException($"{Name} was not ready within {timeout}:\n{RecentOutput}");
    }

    /// <summary>SIGTERM, then SIGKILL if the process has not exited within <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process.HasExited)
        {
            return;
        }

        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            _ = Kill(_process.Id, Sigterm);
        }
        else
        {
            _process.Kill(entireProcessTree: true);
        }

        using var cts = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public int ExitCode => _process.ExitCode;

    /// <summary>SIGKILL: the process dies at once, as in a crash or an OOM kill; nothing is flushed or drained.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>Stops the process with 20 s of grace: time for a service to drain its relay batch and consumers.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(20));
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 500 && _output.TryDequeue(out _))
        {
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
