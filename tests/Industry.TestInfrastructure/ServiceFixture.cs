using Grpc.Net.Client;
using Npgsql;

namespace Industry.TestInfrastructure;

/// <summary>
/// One service as a real process on a fresh PostgreSQL database of its own and the real broker, for tests over gRPC
/// and JSON: derive one per service (<c>ClusterServiceFixture : ServiceFixture("cluster", "Industry.Cluster")</c>) and
/// use it as an xunit class fixture.
/// </summary>
/// <param name="service">The service's name: its folder under <c>services/</c> and its connection-string key.</param>
/// <param name="assemblyName">The service's entry assembly.</param>
public abstract class ServiceFixture(string service, string assemblyName) : IAsyncLifetime
{
    private ServiceProcess _process = null!;

    public BrokerAndDatabase Infrastructure { get; private set; } = null!;

    public GrpcChannel Channel { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    /// <summary>Connection string of the service's database, to check what was (or was not) stored.</summary>
    public string Database { get; private set; } = string.Empty;

    /// <summary>
    /// Whether the service gets an empty virtual host of its own instead of the shared one: for a service that stores
    /// every event it hears (history), whose tests assert exactly what it stored and must not hear other tests' events.
    /// </summary>
    protected virtual bool OwnVirtualHost => false;

    public async Task InitializeAsync()
    {
        Infrastructure = await BrokerAndDatabase.StartAsync();
        Database = await Infrastructure.CreateDatabaseAsync(service + "_api");
        var virtualHost = OwnVirtualHost ? await Infrastructure.CreateVirtualHostAsync(service) : null;
        _process = ServiceProcess.Start(service, service, assemblyName, new Dictionary<string, string>(Infrastructure.RabbitMqEnvironment(virtualHost))
        {
            ["ConnectionStrings__" + service] = Database,

            // Queues of its own: the service processes of other test classes share the broker, and would otherwise
            // compete for the events a test publishes to this one.
            ["RabbitMq__EndpointPrefix"] = $"{service}-{Guid.NewGuid():N}",
        });
        await _process.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        Channel = TestTokens.Channel(_process.GrpcAddress);
        Http = TestTokens.Http(_process.HttpAddress);
    }

    public async Task DisposeAsync()
    {
        Channel.Dispose();
        Http.Dispose();
        await _process.DisposeAsync();
        await Infrastructure.DisposeAsync();
    }

    /// <summary>The single number <paramref name="sql"/> selects, with <paramref name="parameters"/> bound as <c>@p0</c>, <c>@p1</c>, ….</summary>
    public async Task<long> CountAsync(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        for (var i = 0; i < parameters.Length; i++)
        {
            command.Parameters.AddWithValue("p" + i, parameters[i]);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
