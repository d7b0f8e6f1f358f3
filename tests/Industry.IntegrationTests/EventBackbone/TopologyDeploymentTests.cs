using Industry.Projects.V1;
using Industry.ServiceDefaults.Messaging;
using Industry.TestInfrastructure;
using Npgsql;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Industry.IntegrationTests.EventBackbone;

/// <summary>
/// Events published before their consumer first starts (issue 17, hole 3; ADR 0021), each test on a fresh virtual
/// host: once the topology is deployed, a project created while only the projects service runs reaches the cluster
/// service's projection when that starts later; and a producer declares every event exchange when it starts, before
/// its first event, so an external consumer can bind at once. Quorum queues, as in prod: the queues the deployment
/// creates must carry the arguments the services declare, or the cluster service could not consume from its own.
/// </summary>
[Collection(BrokerFaultDefinition.Name)]
public sealed class TopologyDeploymentTests : IAsyncLifetime
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(30);
    private static int _serial = 300_000;
    private readonly List<ServiceProcess> _processes = [];
    private BrokerAndDatabase _infrastructure = null!;

    public async Task InitializeAsync() => _infrastructure = await BrokerAndDatabase.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        await _infrastructure.DisposeAsync();
    }

    [Fact]
    public async Task ProjectCreatedBeforeClusterServiceFirstStarts_IsCountedOnceItStarts()
    {
        var broker = await FreshBrokerAsync();
        await SuiteProcesses.DeployTopologyAsync(broker);
        var projectsDatabase = await _infrastructure.CreateDatabaseAsync("topology_projects");
        var projects = await StartAsync("projects", "Industry.Projects", broker, projectsDatabase);

        using var channel = TestTokens.Channel(projects.GrpcAddress);
        var project = await new ProjectService.ProjectServiceClient(channel).CreateProjectAsync(
            new CreateProjectRequest { Project = NewProject() }, deadline: DateTime.UtcNow.AddSeconds(15));
        await WaitUntilAsync(projectsDatabase, "SELECT count(*) FROM outbox_messages WHERE dispatch_time IS NOT NULL AND subject = @p0", project.Name, "the project's event to be published");

        var clusterDatabase = await _infrastructure.CreateDatabaseAsync("topology_cluster");
        await StartAsync("cluster", "Industry.Cluster", broker, clusterDatabase);
        await WaitUntilAsync(clusterDatabase, "SELECT count(*) FROM renovation_projects WHERE project_id = @p0", project.Name["projects/".Length..], "the cluster service to count the project");
    }

    [Fact]
    public async Task ProducerStart_DeclaresEveryEventExchange_BeforeItsFirstEvent()
    {
        var broker = await FreshBrokerAsync();
        var projects = await StartAsync("projects", "Industry.Projects", broker, await _infrastructure.CreateDatabaseAsync("topology_exchanges"));
        var factory = new ConnectionFactory { Uri = _infrastructure.RabbitMqUriFor(broker["RabbitMq__VirtualHost"]) };
        await using var connection = await factory.CreateConnectionAsync();

        var missing = BusTopology.Exchanges.ToList();
        var deadline = DateTime.UtcNow + EventTimeout;
        while (missing.Count > 0 && DateTime.UtcNow < deadline)
        {
            foreach (var exchange in missing.ToList())
            {
                // A passive declaration fails (and closes its channel) when the exchange does not exist.
                await using var probe = await connection.CreateChannelAsync();
                try
                {
                    await probe.ExchangeDeclarePassiveAsync(exchange);
                    missing.Remove(exchange);
                }
                catch (OperationInterruptedException)
                {
                }
            }

            await Task.Delay(200);
        }

        Assert.True(missing.Count == 0, $"Not declared within {EventTimeout} of the start: {string.Join(", ", missing)}\n{projects.RecentOutput}");
    }

    private async Task<Dictionary<string, string>> FreshBrokerAsync() =>
        new(_infrastructure.RabbitMqEnvironment(await _infrastructure.CreateVirtualHostAsync("topology")))
        {
            ["RabbitMq__QuorumQueues"] = "true",
        };

    private async Task<ServiceProcess> StartAsync(string service, string assembly, Dictionary<string, string> broker, string database)
    {
        var process = ServiceProcess.Start(service, service, assembly, new Dictionary<string, string>(broker) { ["ConnectionStrings__" + service] = database });
        _processes.Add(process);
        await process.WaitUntilReadyAsync(ReadyTimeout);
        return process;
    }

    /// <summary>Polls <paramref name="database"/> until <paramref name="sql"/> (with <paramref name="parameter"/> as <c>@p0</c>) counts one row.</summary>
    private async Task WaitUntilAsync(string database, string sql, string parameter, string what)
    {
        var deadline = DateTime.UtcNow + EventTimeout;
        while (true)
        {
            await using (var connection = new NpgsqlConnection(database))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand(sql, connection);
                command.Parameters.AddWithValue("p0", parameter);
                if (Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) == 1)
                {
                    return;
                }
            }

            Assert.True(DateTime.UtcNow < deadline, $"Waited {EventTimeout} for {what}:\n{string.Join("\n\n", _processes.Select(p => p.Name + ":\n" + p.RecentOutput))}");
            await Task.Delay(200);
        }
    }

    private static Project NewProject() => new()
    {
        DisplayName = "拓扑部署验收技改项目",
        ProjectCode = $"2024-340104-39-03-{Interlocked.Increment(ref _serial):D6}",
        EnterpriseUscc = "91340000711771143J",
        EnterpriseDisplayName = "科大讯飞股份有限公司",
        CountyCode = "340104",
        Industry = "IT",
        Gbt4754Class = "C3971",
        Nature = ProjectNature.Renovation,
        TotalInvestmentYuan = 150_000_000,
    };
}
