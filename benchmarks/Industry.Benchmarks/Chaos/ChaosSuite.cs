namespace Industry.Benchmarks.Chaos;

/// <summary>
/// The suite under chaos: the cluster, parks and projects services (each on its own database) and the gateway, as
/// separate processes of their Release builds. Each keeps its gRPC port across a restart, because the gateway and the
/// projects service's reference checks were pointed at it once.
/// </summary>
internal sealed class ChaosSuite : IAsyncDisposable
{
    public static readonly string[] Services = ["cluster", "parks", "projects"];

    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan PortReleaseTimeout = TimeSpan.FromMinutes(2);
    private readonly Dictionary<string, Member> _members = new(StringComparer.Ordinal);

    private ChaosSuite(IReadOnlyDictionary<string, Postgres> databases) => Databases = databases;

    /// <summary>Each service's database, by service name.</summary>
    public IReadOnlyDictionary<string, Postgres> Databases { get; }

    public int GatewayPort => _members["gateway"].GrpcPort;

    public static async Task<ChaosSuite> StartAsync(ChaosSettings settings, string runId, CancellationToken cancellationToken)
    {
        var databases = new Dictionary<string, Postgres>(StringComparer.Ordinal);
        foreach (var service in Services)
        {
            databases[service] = await Postgres.CreateDatabaseAsync(settings.PostgresAdmin, $"chaos_{service}_{runId}", cancellationToken);
        }

        var suite = new ChaosSuite(databases);
        var ports = Services.Append("gateway").ToDictionary(s => s, _ => FreePort.Next(), StringComparer.Ordinal);
        string Address(string service) => $"http://127.0.0.1:{ports[service]}";

        foreach (var (service, assembly) in new[] { ("cluster", "Industry.Cluster"), ("parks", "Industry.Parks"), ("projects", "Industry.Projects") })
        {
            var environment = BenchServices.Environment(service, databases[service].ConnectionString, settings.RabbitMq);
            if (service == "projects")
            {
                environment["Services__cluster__Address"] = Address("cluster");
                environment["Services__parks__Address"] = Address("parks");
            }

            suite._members[service] = new Member(service, ChaosSettings.ServiceDll(service, assembly), ports[service], environment);
        }

        var gateway = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Logging__Console__FormatterName"] = "simple",
            ["ReverseProxy__Clusters__cluster__Destinations__primary__Address"] = Address("cluster"),
            ["ReverseProxy__Clusters__projects__Destinations__primary__Address"] = Address("projects"),
            ["ReverseProxy__Clusters__parks__Destinations__primary__Address"] = Address("parks"),
            // One identity writes steadily; the rate limit is the gateway's own benchmark's business.
            ["Gateway__RateLimitPermitsPerSecond"] = "100000",
            ["Gateway__RateLimitBurst"] = "100000",
        };
        BenchAuth.Configure(gateway);
        foreach (var (category, level) in Logs.Quiet)
        {
            gateway["Logging__LogLevel__" + category] = level;
        }

        suite._members["gateway"] = new Member("gateway", ChaosSettings.ServiceDll("gateway", "Industry.Gateway"), ports["gateway"], gateway);

        foreach (var service in Services)
        {
            suite._members[service].Start();
        }

        await Task.WhenAll(Services.Select(s => suite._members[s].Process!.WaitUntilReadyAsync(ReadyTimeout, cancellationToken)));
        suite._members["gateway"].Start();
        await suite._members["gateway"].Process!.WaitUntilReadyAsync(ReadyTimeout, cancellationToken);
        return suite;
    }

    /// <summary>SIGKILL, as a crash or an OOM kill: nothing is drained or flushed.</summary>
    public Task KillAsync(string service) => _members[service].Process!.KillAsync();

    /// <summary>
    /// Starts the service again on its gRPC port and waits until it is live (its dependencies may still be down). The
    /// killed process's connections linger in TIME_WAIT on that port for up to a minute, and Kestrel does not bind over
    /// them: a start that exits (on the address in use) is tried again, as a Kubernetes restart would be.
    /// </summary>
    public async Task RestartAsync(string service, CancellationToken cancellationToken)
    {
        var member = _members[service];
        var giveUp = DateTime.UtcNow + PortReleaseTimeout;
        while (true)
        {
            await member.Process!.DisposeAsync();
            member.Start();
            try
            {
                await member.Process!.WaitUntilLiveAsync(ReadyTimeout, cancellationToken);
                return;
            }
            catch (InvalidOperationException) when (member.Process.HasExited && DateTime.UtcNow < giveUp)
            {
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            }
        }
    }

    /// <summary>The last lines of every process, for a failure.</summary>
    public string RecentOutput(string service) => _members[service].Process?.RecentOutput ?? string.Empty;

    public async ValueTask DisposeAsync()
    {
        await _members["gateway"].DisposeAsync();
        await Task.WhenAll(Services.Select(s => _members[s].DisposeAsync().AsTask()));
    }

    /// <summary>One process of the suite, started again on the same gRPC port after a kill.</summary>
    private sealed class Member(string name, string dll, int grpcPort, Dictionary<string, string> environment) : IAsyncDisposable
    {
        public int GrpcPort => grpcPort;

        public ServiceProcess? Process { get; private set; }

        public void Start()
        {
            var settings = new Dictionary<string, string>(environment, StringComparer.Ordinal)
            {
                ["Kestrel__Endpoints__Grpc__Url"] = $"http://127.0.0.1:{grpcPort}",
            };
            Process = ServiceProcess.Start(name, dll, settings);
        }

        public async ValueTask DisposeAsync()
        {
            if (Process is not null)
            {
                await Process.DisposeAsync();
            }
        }
    }
}
