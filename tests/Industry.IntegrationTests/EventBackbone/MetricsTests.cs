using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Grpc.Core;
using Industry.IntegrationTests.Parks;
using Industry.Projects.V1;
using Industry.TestInfrastructure;
using Npgsql;
using RabbitMQ.Client;

namespace Industry.IntegrationTests.EventBackbone;

/// <summary>
/// The metrics an operator alerts on (issue 17, hole 7), scraped from real service processes: the outbox gauges of a
/// replica that does not hold the relay lock follow the database and never keep an old value, and every metric the
/// prod alert rules and dashboard name is served.
/// </summary>
[Collection(BrokerFaultDefinition.Name)]
public sealed partial class MetricsTests : IAsyncLifetime
{
    /// <summary>The relay's advisory-lock key (OutboxRelay): whoever holds it is the replica that relays.</summary>
    private const long RelayLockKey = 0x6F7574626F78;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
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
    public async Task OutboxGauges_OnAReplicaThatLostTheRelayLock_FollowTheDatabaseAndGoAbsentWhenItIsUnreachable()
    {
        var database = await _infrastructure.CreateDatabaseAsync("metrics_outbox");
        var projects = await StartAsync("projects", "Industry.Projects", database);
        using var http = new HttpClient();

        // Another replica (this test) holds the relay lock: the process's relay publishes nothing from now on.
        await using var otherReplica = new NpgsqlConnection(database);
        await otherReplica.OpenAsync();
        await ExecuteAsync(otherReplica, $"SELECT pg_advisory_lock({RelayLockKey})");
        using var channel = TestTokens.Channel(projects.GrpcAddress);
        var client = new ProjectService.ProjectServiceClient(channel);
        for (var i = 1; i <= 3; i++)
        {
            await SetTargetAsync(client, 2090 + i, i, projects);
        }

        var pending = await CountAsync(otherReplica, "SELECT count(*) FROM outbox_messages WHERE dispatch_time IS NULL");
        Assert.True(pending >= 3, $"{pending} rows pending");
        var backlog = await WaitForAsync(http, projects, s => s.Value("industry_outbox_pending") == pending && s.Value("industry_outbox_oldest_pending_age_seconds") > 0);
        await WaitForAsync(http, projects, s => s.Value("industry_outbox_oldest_pending_age_seconds") > backlog.Value("industry_outbox_oldest_pending_age_seconds") + 1);

        // The lock holder publishes them: the replica without the lock reports the empty outbox, not its last figure.
        await ExecuteAsync(otherReplica, "UPDATE outbox_messages SET dispatch_time = now() WHERE dispatch_time IS NULL");
        await WaitForAsync(http, projects, s => s.Value("industry_outbox_pending") == 0 && s.Value("industry_outbox_oldest_pending_age_seconds") == 0);
        await ExecuteAsync(otherReplica, "UPDATE outbox_messages SET dispatch_time = NULL, quarantine_time = now() WHERE id = (SELECT min(id) FROM outbox_messages)");
        await WaitForAsync(http, projects, s => s.Value("industry_outbox_quarantined_rows") == 1 && s.Value("industry_outbox_pending") == 0);

        // The database refuses the replica: after three sample intervals its outbox gauges are gone, not frozen.
        await ExecuteAsync(otherReplica, $"SELECT pg_advisory_unlock({RelayLockKey})");
        await using var admin = new NpgsqlConnection(_infrastructure.PostgresAdminConnectionString);
        await admin.OpenAsync();
        var name = new NpgsqlConnectionStringBuilder(database).Database!;
        await ExecuteAsync(admin, $"ALTER DATABASE \"{name}\" ALLOW_CONNECTIONS false");
        try
        {
            await ExecuteAsync(admin, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}' AND pid <> pg_backend_pid()");
            await WaitForAsync(http, projects, s => s.Value("industry_outbox_pending") is null && s.Value("industry_outbox_quarantined_rows") is null);
        }
        finally
        {
            await ExecuteAsync(admin, $"ALTER DATABASE \"{name}\" ALLOW_CONNECTIONS true");
        }

        await WaitForAsync(http, projects, s => s.Value("industry_outbox_quarantined_rows") == 1);
    }

    [Fact]
    public async Task EveryMetricTheAlertRulesAndTheDashboardName_IsServed()
    {
        var database = await _infrastructure.CreateDatabaseAsync("metrics_names");
        var parks = await StartAsync("parks", "Industry.Parks", database);
        using var http = new HttpClient();
        var queues = await WaitForAsync(http, parks, s => s.Labels("industry_consumer_queue_messages", "queue").Count > 0);
        var queue = Assert.Single(queues.Labels("industry_consumer_queue_messages", "queue"));

        // One event applied (a project of a park that does not exist: nothing to record) and one that can never be.
        var applied = ProjectEvents.StateChanged("projects/" + ParkTestData.NewId("p"), 1, ProjectState.Completed, "parks/" + ParkTestData.NewId(), ParkTestData.NewUscc());
        await SendToQueueAsync(queue, applied.Metadata.EventId, Google.Protobuf.JsonFormatter.Default.Format(applied));
        await SendToQueueAsync(queue, Guid.NewGuid().ToString(), "{}");
        var scrape = await WaitForAsync(http, parks, s =>
            s.Value("industry_consumer_error_queue_messages", ("queue", queue + "_error")) == 1
            && s.Names.Contains("industry_inbox_applied_total") && s.Names.Contains("industry_inbox_failed_total"));

        var referenced = ReferencedMetricNames();
        Assert.Contains("industry_outbox_oldest_pending_age_seconds", referenced);
        var missing = referenced.Where(n => !scrape.Names.Contains(n)).ToList();
        Assert.True(missing.Count == 0, $"named by the alert rules or the dashboard but not served: {string.Join(", ", missing)}\n{scrape.Text}");
    }

    /// <summary>
    /// The suite's metric names in the PrometheusRule and the dashboard of the prod overlay (<c>up</c>, which they also
    /// use, is Prometheus' own).
    /// </summary>
    private static SortedSet<string> ReferencedMetricNames()
    {
        var monitoring = Path.Combine(RepositoryPaths.Root, "deploy", "k8s", "overlays", "prod", "monitoring");
        var dashboard = JsonDocument.Parse(File.ReadAllText(Path.Combine(monitoring, "industry-events.json")));
        var expressions = dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .SelectMany(p => p.GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("expr").GetString()!))
            .Append(File.ReadAllText(Path.Combine(monitoring, "alerts.yaml")));
        return [.. expressions.SelectMany(e => MetricName().Matches(e).Select(m => m.Value))];
    }

    private async Task<ServiceProcess> StartAsync(string service, string assembly, string database)
    {
        var environment = new Dictionary<string, string>(_infrastructure.RabbitMqEnvironment())
        {
            ["ConnectionStrings__" + service] = database,
            ["RabbitMq__EndpointPrefix"] = $"metrics-{Guid.NewGuid():N}",
            ["Metrics__SampleIntervalSeconds"] = "1",
        };
        var process = ServiceProcess.Start(service, service, assembly, environment);
        _processes.Add(process);
        await process.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        return process;
    }

    /// <summary>Scrapes <c>/metrics</c> until <paramref name="condition"/> holds, or fails with the last scrape.</summary>
    private static async Task<Scrape> WaitForAsync(HttpClient http, ServiceProcess process, Func<Scrape, bool> condition)
    {
        var deadline = DateTime.UtcNow + Timeout;
        var scrape = new Scrape(string.Empty);
        while (DateTime.UtcNow < deadline)
        {
            scrape = new Scrape(await http.GetStringAsync(new Uri(process.HttpAddress, "/metrics")));
            if (condition(scrape))
            {
                return scrape;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The metrics did not reach the expected state within {Timeout}:\n{scrape.Text}\n{process.RecentOutput}");
    }

    private async Task SendToQueueAsync(string queue, string messageId, string body)
    {
        await using var connection = await new ConnectionFactory { Uri = _infrastructure.RabbitMqUri }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var properties = new BasicProperties { MessageId = messageId, ContentType = "application/json", DeliveryMode = DeliveryModes.Persistent };
        await channel.BasicPublishAsync(string.Empty, queue, mandatory: false, properties, Encoding.UTF8.GetBytes(body));
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> CountAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task SetTargetAsync(ProjectService.ProjectServiceClient client, int year, int target, ServiceProcess process)
    {
        try
        {
            await client.UpdatePlanAsync(new UpdatePlanRequest
            {
                Plan = new Plan { Name = $"plans/{year}", TargetKeyProjectsUnderImplementation = target },
                AllowMissing = true,
            }, deadline: DateTime.UtcNow.AddSeconds(30));
        }
        catch (RpcException error)
        {
            throw new InvalidOperationException($"A write failed: {error.Status}\n{process.RecentOutput}", error);
        }
    }

    [GeneratedRegex(@"\bindustry_[a-z0-9_]+")]
    private static partial Regex MetricName();

    /// <summary>One scrape in the Prometheus text format.</summary>
    private sealed partial class Scrape
    {
        private readonly List<(string Name, Dictionary<string, string> Labels, double Value)> _samples = [];

        public Scrape(string text)
        {
            Text = text;
            foreach (var line in text.Split('\n'))
            {
                var match = Sample().Match(line);
                if (!match.Success)
                {
                    continue;
                }

                if (double.TryParse(match.Groups["value"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    var labels = Label().Matches(match.Groups["labels"].Value).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal);
                    _samples.Add((match.Groups["name"].Value, labels, value));
                }
            }
        }

        public string Text { get; }

        public HashSet<string> Names => [.. _samples.Select(s => s.Name)];

        /// <summary>The value of the one sample of <paramref name="name"/> with <paramref name="label"/> if given; null when there is none.</summary>
        public double? Value(string name, (string Key, string Value)? label = null) => _samples
            .Where(s => s.Name == name && (label is not { } l || (s.Labels.TryGetValue(l.Key, out var v) && v == l.Value)))
            .Select(s => (double?)s.Value)
            .SingleOrDefault();

        public List<string> Labels(string name, string label) =>
            [.. _samples.Where(s => s.Name == name && s.Labels.ContainsKey(label)).Select(s => s.Labels[label]).Distinct()];

        [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)")]
        private static partial Regex Sample();

        [GeneratedRegex("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"")]
        private static partial Regex Label();
    }
}
