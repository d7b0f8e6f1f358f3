namespace Industry.TestInfrastructure;

/// <summary>
/// The whole suite as five processes: the four services, each on its own fresh PostgreSQL database and the real
/// broker, and the gateway routing to them, started once the broker's topology is deployed. What the README's run
/// command starts, minus SQLite.
/// </summary>
public sealed class SuiteProcesses : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);

    private SuiteProcesses(BrokerAndDatabase infrastructure, IReadOnlyDictionary<string, string> databases, ServiceProcess cluster, ServiceProcess projects, ServiceProcess parks, ServiceProcess history, ServiceProcess gateway)
    {
        Infrastructure = infrastructure;
        Databases = databases;
        Cluster = cluster;
        Projects = projects;
        Parks = parks;
        History = history;
        Gateway = gateway;
    }

    public BrokerAndDatabase Infrastructure { get; }

    /// <summary>Each service's PostgreSQL connection string, by service name (<c>cluster</c>, <c>projects</c>, <c>parks</c>, <c>history</c>).</summary>
    public IReadOnlyDictionary<string, string> Databases { get; }

    public ServiceProcess Cluster { get; }

    public ServiceProcess Projects { get; }

    public ServiceProcess Parks { get; }

    /// <summary>The history service (ADR 0038): keeps every event the other three raise.</summary>
    public ServiceProcess History { get; }

    public ServiceProcess Gateway { get; }

    /// <summary>Starts the suite; <paramref name="settings"/> go to all five processes (e.g. another token authority).</summary>
    public static async Task<SuiteProcesses> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        settings ??= new Dictionary<string, string>();
        var infrastructure = await BrokerAndDatabase.StartAsync();
        var broker = infrastructure.RabbitMqEnvironment();
        var databases = new Dictionary<string, string>();

        async Task<ServiceProcess> StartService(string name, string assembly, Dictionary<string, string>? serviceSettings = null)
        {
            databases[name] = await infrastructure.CreateDatabaseAsync($"e2e_{name}");
            var environment = new Dictionary<string, string>(broker)
            {
                [$"ConnectionStrings__{name}"] = databases[name],
            };
            foreach (var (key, value) in settings.Concat(serviceSettings ?? []))
            {
                environment[key] = value;
            }

            return ServiceProcess.Start(name, name, assembly, environment);
        }

        await DeployTopologyAsync(broker);
        var cluster = await StartService("cluster", "Industry.Cluster");
        var parks = await StartService("parks", "Industry.Parks");
        var history = await StartService("history", "Industry.History");
        // projects checks cluster and park references with the other two (its ports are known once they are started).
        var projectSettings = ServiceClientEnvironment(cluster, parks);
        projectSettings[ReminderJobSwitch] = "false";
        var projects = await StartService("projects", "Industry.Projects", projectSettings);
        await Task.WhenAll(cluster.WaitUntilReadyAsync(ReadyTimeout), projects.WaitUntilReadyAsync(ReadyTimeout), parks.WaitUntilReadyAsync(ReadyTimeout), history.WaitUntilReadyAsync(ReadyTimeout));

        var gatewayEnvironment = GatewayEnvironment(cluster, projects, parks, history);
        foreach (var (key, value) in settings)
        {
            gatewayEnvironment[key] = value;
        }

        var gateway = ServiceProcess.Start("gateway", "gateway", "Industry.Gateway", gatewayEnvironment);
        await gateway.WaitUntilReadyAsync(ReadyTimeout);
        return new SuiteProcesses(infrastructure, databases, cluster, projects, parks, history, gateway);
    }

    /// <summary>
    /// Declares the suite's whole broker topology (every event exchange, each service's consumer queues and bindings)
    /// with each service's <c>--deploy-topology</c>, as run.sh and the Kubernetes Jobs do before any service starts.
    /// </summary>
    public static Task DeployTopologyAsync(IReadOnlyDictionary<string, string> broker) => Task.WhenAll(
        ServiceCommand.RunAsync("cluster", "Industry.Cluster", broker, "--deploy-topology"),
        ServiceCommand.RunAsync("projects", "Industry.Projects", broker, "--deploy-topology"),
        ServiceCommand.RunAsync("parks", "Industry.Parks", broker, "--deploy-topology"),
        ServiceCommand.RunAsync("history", "Industry.History", broker, "--deploy-topology"));

    /// <summary>Points the gateway's proxy clusters at the given processes (any may be null: then at a closed port).</summary>
    public static Dictionary<string, string> GatewayEnvironment(ServiceProcess? cluster, ServiceProcess? projects, ServiceProcess? parks, ServiceProcess? history = null) => new()
    {
        ["ReverseProxy__Clusters__cluster__Destinations__primary__Address"] = Address(cluster),
        ["ReverseProxy__Clusters__projects__Destinations__primary__Address"] = Address(projects),
        ["ReverseProxy__Clusters__parks__Destinations__primary__Address"] = Address(parks),
        ["ReverseProxy__Clusters__history__Destinations__primary__Address"] = Address(history),
        // Tests call as fast as they can with one identity; the rate limit has a test (and a gateway) of its own.
        ["Gateway__RateLimitPermitsPerSecond"] = "100000",
        ["Gateway__RateLimitBurst"] = "100000",
    };

    /// <summary>
    /// Switches the projects service's overdue-report job off (<c>false</c>): it writes on its own clock, a round every few
    /// minutes, which the suite's "nothing stored" fingerprints would see mid-test; OverdueReminderJobTests run it in-process.
    /// </summary>
    public const string ReminderJobSwitch = "OverdueReminders__Enabled";

    /// <summary>Points the projects service's clients of the cluster and parks services at the given processes.</summary>
    public static Dictionary<string, string> ServiceClientEnvironment(ServiceProcess cluster, ServiceProcess parks) => new()
    {
        ["Services__cluster__Address"] = cluster.GrpcAddress.ToString(),
        ["Services__parks__Address"] = parks.GrpcAddress.ToString(),
    };

    private static string Address(ServiceProcess? service) =>
        service?.GrpcAddress.ToString() ?? $"http://127.0.0.1:{FreePort.Next()}/";

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Task.WhenAll(Cluster.DisposeAsync().AsTask(), Projects.DisposeAsync().AsTask(), Parks.DisposeAsync().AsTask(), History.DisposeAsync().AsTask());
        await Infrastructure.DisposeAsync();
    }
}
