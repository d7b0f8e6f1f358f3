using Grpc.Net.Client;
using Industry.TestInfrastructure;

namespace Industry.IntegrationTests.Projects;

/// <summary>The projects service as a real process on its own PostgreSQL database and the real broker.</summary>
public sealed class ProjectsServiceFixture : IAsyncLifetime
{
    private BrokerAndDatabase _infrastructure = null!;
    private ServiceProcess _service = null!;

    public GrpcChannel Channel { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public string Database { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        _infrastructure = await BrokerAndDatabase.StartAsync();
        Database = await _infrastructure.CreateDatabaseAsync("projects_api");
        _service = ServiceProcess.Start("projects", "projects", "Industry.Projects", new Dictionary<string, string>(_infrastructure.RabbitMqEnvironment())
        {
            ["ConnectionStrings__projects"] = Database,
        });
        await _service.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        Channel = GrpcChannel.ForAddress(_service.GrpcAddress);
        Http = new HttpClient { BaseAddress = _service.HttpAddress };
    }

    public async Task DisposeAsync()
    {
        Channel.Dispose();
        Http.Dispose();
        await _service.DisposeAsync();
        await _infrastructure.DisposeAsync();
    }
}
