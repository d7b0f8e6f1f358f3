using Grpc.Net.Client;
using Industry.TestInfrastructure;

namespace Industry.IntegrationTests.Projects;

/// <summary>
/// The projects service as a real process on its own PostgreSQL database and the real broker, checking cluster and park
/// references with <see cref="FakeReferenceServices"/> (deadline 2 s).
/// </summary>
public class ProjectsServiceFixture : IAsyncLifetime
{
    private BrokerAndDatabase _infrastructure = null!;
    private ServiceProcess _service = null!;

    public GrpcChannel Channel { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public string Database { get; private set; } = string.Empty;

    public FakeReferenceServices References { get; private set; } = null!;

    /// <summary>Where the service calls the cluster and parks services.</summary>
    protected virtual Uri ReferenceServicesAddress => References.Address;

    public async Task InitializeAsync()
    {
        _infrastructure = await BrokerAndDatabase.StartAsync();
        References = await FakeReferenceServices.StartAsync();
        Database = await _infrastructure.CreateDatabaseAsync("projects_api");
        _service = ServiceProcess.Start("projects", "projects", "Industry.Projects", new Dictionary<string, string>(_infrastructure.RabbitMqEnvironment())
        {
            ["ConnectionStrings__projects"] = Database,
            ["Services__cluster__Address"] = ReferenceServicesAddress.ToString(),
            ["Services__parks__Address"] = ReferenceServicesAddress.ToString(),
            ["Services__cluster__DeadlineSeconds"] = "2",
            ["Services__parks__DeadlineSeconds"] = "2",
            [SuiteProcesses.ReminderJobSwitch] = "false",
        });
        await _service.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        Channel = TestTokens.Channel(_service.GrpcAddress);
        Http = TestTokens.Http(_service.HttpAddress);
    }

    public async Task DisposeAsync()
    {
        Channel.Dispose();
        Http.Dispose();
        await _service.DisposeAsync();
        await References.DisposeAsync();
        await _infrastructure.DisposeAsync();
    }
}

/// <summary>The projects service with the cluster and parks services unreachable: a closed loopback port.</summary>
public sealed class UnreachableReferencesFixture : ProjectsServiceFixture
{
    protected override Uri ReferenceServicesAddress { get; } = new($"http://127.0.0.1:{FreePort.Next()}");
}
