using DotNet.Testcontainers.Containers;
using Npgsql;
using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;

namespace Industry.TestInfrastructure;

/// <summary>
/// The real PostgreSQL and RabbitMQ a test run talks to. scripts/test.sh starts local servers where there is no
/// Docker engine and passes them in <c>INDUSTRY_TEST_POSTGRES</c> and <c>INDUSTRY_TEST_RABBITMQ</c>; without those
/// variables, Testcontainers starts containers. Never a fake: a test that needs them fails when neither is there.
/// </summary>
public sealed class BrokerAndDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "INDUSTRY_TEST_POSTGRES";
    public const string RabbitMqVariable = "INDUSTRY_TEST_RABBITMQ";

    private readonly List<IContainer> _containers = [];
    private readonly List<string> _virtualHosts = [];
    private RabbitMqContainer? _rabbitContainer;

    private BrokerAndDatabase()
    {
    }

    /// <summary>Npgsql connection string of a superuser on the server (tests create their own databases).</summary>
    public string PostgresAdminConnectionString { get; private set; } = string.Empty;

    /// <summary><c>amqp://user:password@host:port/</c>.</summary>
    public Uri RabbitMqUri { get; private set; } = null!;

    public static async Task<BrokerAndDatabase> StartAsync()
    {
        var result = new BrokerAndDatabase();
        var postgres = Environment.GetEnvironmentVariable(PostgresVariable);
        var rabbit = Environment.GetEnvironmentVariable(RabbitMqVariable);

        if (string.IsNullOrWhiteSpace(postgres))
        {
            var container = new PostgreSqlBuilder("postgres:15-alpine").Build();
            result._containers.Add(container);
            await container.StartAsync();
            postgres = container.GetConnectionString();
        }

        if (string.IsNullOrWhiteSpace(rabbit))
        {
            var container = new RabbitMqBuilder("rabbitmq:3.13-management-alpine").Build();
            result._containers.Add(container);
            result._rabbitContainer = container;
            await container.StartAsync();
            rabbit = container.GetConnectionString();
        }

        result.PostgresAdminConnectionString = postgres;
        result.RabbitMqUri = new Uri(rabbit);
        return result;
    }

    /// <summary>Creates a fresh, uniquely named database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}";
        name = name[..Math.Min(name.Length, 63)]; // PostgreSQL identifiers are at most 63 bytes
        await using (var connection = new NpgsqlConnection(PostgresAdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(PostgresAdminConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    /// <summary>The environment variables that point a service process at this broker (at <paramref name="virtualHost"/>, when given).</summary>
    public IReadOnlyDictionary<string, string> RabbitMqEnvironment(string? virtualHost = null)
    {
        virtualHost ??= Uri.UnescapeDataString(RabbitMqUri.AbsolutePath.TrimStart('/'));
        return new Dictionary<string, string>
        {
            ["RabbitMq__Host"] = RabbitMqUri.Host,
            ["RabbitMq__Port"] = RabbitMqUri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RabbitMq__VirtualHost"] = virtualHost.Length == 0 ? "/" : virtualHost,
            ["RabbitMq__Username"] = RabbitMqUsername,
            ["RabbitMq__Password"] = RabbitMqPassword,
        };
    }

    /// <summary>
    /// A fresh, empty virtual host on the broker, on which the test's user may do everything: a broker of the test's
    /// own, with no exchange or queue another test (or an earlier service start) left behind.
    /// </summary>
    public async Task<string> CreateVirtualHostAsync(string prefix)
    {
        var name = $"{prefix}-{Guid.NewGuid():N}";
        await RabbitMqCtlAsync("add_vhost", name);
        _virtualHosts.Add(name);
        await RabbitMqCtlAsync("set_permissions", "-p", name, RabbitMqUsername, ".*", ".*", ".*");
        return name;
    }

    /// <summary><see cref="RabbitMqUri"/> at another virtual host, for RabbitMQ.Client.</summary>
    public Uri RabbitMqUriFor(string virtualHost) => new(RabbitMqUri, "/" + Uri.EscapeDataString(virtualHost));

    private string RabbitMqUsername => Uri.UnescapeDataString(RabbitMqUri.UserInfo.Split(':', 2)[0]);

    private string RabbitMqPassword => RabbitMqUri.UserInfo.Split(':', 2) is [_, var password] ? Uri.UnescapeDataString(password) : string.Empty;

    /// <summary>Stops the broker's application (connections drop, durable queues and messages stay) for fault tests.</summary>
    public Task StopBrokerAsync() => RabbitMqCtlAsync("stop_app");

    /// <summary>Starts the broker's application again and waits until it accepts AMQP connections.</summary>
    public async Task StartBrokerAsync()
    {
        await RabbitMqCtlAsync("start_app");
        await RabbitMqCtlAsync("await_startup");
    }

    private async Task RabbitMqCtlAsync(params string[] command)
    {
        if (_rabbitContainer is not null)
        {
            var result = await _rabbitContainer.ExecAsync(["rabbitmqctl", .. command]);
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', command)} failed: {result.Stderr}");
            }

            return;
        }

        var ctl = Environment.GetEnvironmentVariable("INDUSTRY_TEST_RABBITMQ_CTL");
        var node = Environment.GetEnvironmentVariable("INDUSTRY_TEST_RABBITMQ_NODE");
        if (string.IsNullOrEmpty(ctl) || string.IsNullOrEmpty(node))
        {
            throw new InvalidOperationException("Broker fault and virtual host tests need INDUSTRY_TEST_RABBITMQ_CTL and INDUSTRY_TEST_RABBITMQ_NODE (set by scripts/test.sh).");
        }

        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(ctl, ["-n", node, .. command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', command)} failed: {await stderr}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var virtualHost in _virtualHosts)
        {
            await RabbitMqCtlAsync("delete_vhost", virtualHost);
        }

        foreach (var container in _containers)
        {
            await container.DisposeAsync();
        }
    }
}
