using Google.Protobuf;
using Grpc.Core;
using Industry.Projects.V1;
using Industry.TestInfrastructure;
using Npgsql;

namespace Industry.IntegrationTests.EventBackbone;

/// <summary>
/// The outbox under faults, with the real projects service process, PostgreSQL and RabbitMQ: no event is lost when the
/// broker is down or the process dies, and two relays on one database publish each row once.
/// </summary>
[Collection(BrokerFaultDefinition.Name)]
public sealed class OutboxFaultTests : IAsyncLifetime
{
    private static readonly TimeSpan Ready = TimeSpan.FromSeconds(90);
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));
    private readonly List<ServiceProcess> _processes = [];
    private BrokerAndDatabase _infrastructure = null!;
    private string _database = string.Empty;

    public async Task InitializeAsync()
    {
        _infrastructure = await BrokerAndDatabase.StartAsync();
        _database = await _infrastructure.CreateDatabaseAsync("outbox_faults");
    }

    public async Task DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        await _infrastructure.DisposeAsync();
    }

    [Fact]
    public async Task UpdatePlan_WhileBrokerIsDown_SucceedsAndEveryEventArrivesAfterItReturns()
    {
        var projects = await StartProjectsAsync();
        await using var subscription = await EventSubscription.BindAsync(_infrastructure.RabbitMqUri, PlanEvents.Exchange);
        using var channel = TestTokens.Channel(projects.GrpcAddress);
        var client = new ProjectService.ProjectServiceClient(channel);

        await _infrastructure.StopBrokerAsync();
        try
        {
            for (var target = 1; target <= 20; target++)
            {
                await SetTargetAsync(client, 2090, target);
            }
        }
        finally
        {
            await _infrastructure.StartBrokerAsync();
        }

        var received = await subscription.WaitForAsync(20, TimeSpan.FromSeconds(90));
        var targets = received.Select(m => Decode(m.Body).Plan.TargetKeyProjectsUnderImplementation).ToList();
        Assert.Equal(Enumerable.Range(1, 20), targets.Order());
        Assert.Equal(20, received.Select(m => m.BasicProperties.MessageId).Distinct().Count());
        Assert.Equal(0, await PendingOutboxRowsAfterRoundAsync());
    }

    [Fact]
    public async Task ProcessKilledAfterCommitBeforePublish_EventIsPublishedAfterRestart()
    {
        // With the relay off, a committed write is exactly "after the commit, before the publish".
        var stalled = await StartProjectsAsync(("Outbox__RelayEnabled", "false"));
        await using var subscription = await EventSubscription.BindAsync(_infrastructure.RabbitMqUri, PlanEvents.Exchange);
        using (var channel = TestTokens.Channel(stalled.GrpcAddress))
        {
            await SetTargetAsync(new ProjectService.ProjectServiceClient(channel), 2091, 4321);
        }

        await stalled.KillAsync();
        Assert.Equal(1, await PendingOutboxRowsAsync());
        Assert.Empty(subscription.Received);

        await StartProjectsAsync();

        var received = await subscription.WaitForAsync(1, TimeSpan.FromSeconds(60));
        var @event = Decode(received.Single().Body);
        Assert.Equal(4321, @event.Plan.TargetKeyProjectsUnderImplementation);
        Assert.Equal(@event.Metadata.EventId, received.Single().BasicProperties.MessageId);
    }

    [Fact]
    public async Task TwoRelaysOnOneDatabase_PublishEachRowOnce()
    {
        const int Writes = 120;
        var first = await StartProjectsAsync(("Outbox__BatchSize", "7"), ("Outbox__PollIntervalMilliseconds", "20"));
        var second = await StartProjectsAsync(("Outbox__BatchSize", "7"), ("Outbox__PollIntervalMilliseconds", "20"));
        await using var subscription = await EventSubscription.BindAsync(_infrastructure.RabbitMqUri, PlanEvents.Exchange);
        using var firstChannel = TestTokens.Channel(first.GrpcAddress);
        using var secondChannel = TestTokens.Channel(second.GrpcAddress);
        var clients = new[] { new ProjectService.ProjectServiceClient(firstChannel), new ProjectService.ProjectServiceClient(secondChannel) };

        // 60 plans written in parallel, each twice in a row (once through each replica), so the relays race.
        try
        {
            await Task.WhenAll(Enumerable.Range(2000, Writes / 2).Select(async year =>
            {
                await SetTargetAsync(clients[0], year, 1);
                await SetTargetAsync(clients[1], year, 2);
            }));
        }
        catch (RpcException error)
        {
            // A write should never fail here: say why from the services' own logs.
            throw new InvalidOperationException($"A write failed: {error.Status}\n--- first:\n{first.RecentOutput}\n--- second:\n{second.RecentOutput}", error);
        }

        await subscription.WaitForAsync(Writes, TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(2)); // a duplicate would arrive within the relays' next rounds
        var ids = subscription.Received.Select(m => m.BasicProperties.MessageId).ToList();
        Assert.Equal(Writes, ids.Count);
        Assert.Equal(Writes, ids.Distinct().Count());
        Assert.Equal(0, await PendingOutboxRowsAfterRoundAsync());
    }

    [Fact]
    public async Task PublishedEvent_IsTheStoredBodyWithTheWireHeaders()
    {
        var projects = await StartProjectsAsync();
        await using var subscription = await EventSubscription.BindAsync(_infrastructure.RabbitMqUri, PlanEvents.Exchange);
        using var channel = TestTokens.Channel(projects.GrpcAddress);

        await SetTargetAsync(new ProjectService.ProjectServiceClient(channel), 2093, 77);

        var message = (await subscription.WaitForAsync(1, TimeSpan.FromSeconds(30))).Single();
        var @event = Decode(message.Body);
        var properties = message.BasicProperties;
        var headers = (properties.Headers ?? new Dictionary<string, object?>()).ToDictionary(
            h => h.Key,
            h => h.Value is byte[] bytes ? System.Text.Encoding.UTF8.GetString(bytes) : Convert.ToString(h.Value, System.Globalization.CultureInfo.InvariantCulture));

        // The body is the row's stored JSON byte for byte (the relay does not re-serialise it).
        Assert.Equal(await StoredBodyAsync(@event.Metadata.EventId), System.Text.Encoding.UTF8.GetString(message.Body.Span));
        Assert.Equal(77, @event.Plan.TargetKeyProjectsUnderImplementation);
        Assert.Equal("application/json", properties.ContentType);
        Assert.Equal(@event.Metadata.EventId, properties.MessageId);
        Assert.Equal("industry.projects.v1.PlanUpdated", headers["cloudEvents:type"]);
        Assert.Equal(@event.Metadata.EventId, headers["cloudEvents:id"]);
        Assert.Equal("plans/2093", headers["cloudEvents:subject"]);
        Assert.Equal("1", headers["cloudEvents:subjectversion"]);
        Assert.Equal("application/json", headers["cloudEvents:datacontenttype"]);
    }

    [Fact]
    public async Task UpdatePlan_OnSqlite_EventIsPublished()
    {
        var file = Path.Combine(Path.GetTempPath(), $"projects-{Guid.NewGuid():N}.db");
        try
        {
            var projects = await StartProjectsAsync(("ConnectionStrings__projects", $"Data Source={file}"));
            await using var subscription = await EventSubscription.BindAsync(_infrastructure.RabbitMqUri, PlanEvents.Exchange);
            using var channel = TestTokens.Channel(projects.GrpcAddress);

            await SetTargetAsync(new ProjectService.ProjectServiceClient(channel), 2092, 55);

            var received = await subscription.WaitForAsync(1, TimeSpan.FromSeconds(30));
            Assert.Equal(55, Decode(received.Single().Body).Plan.TargetKeyProjectsUnderImplementation);
        }
        finally
        {
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }
        }
    }

    private async Task<ServiceProcess> StartProjectsAsync(params (string Key, string Value)[] settings)
    {
        var environment = new Dictionary<string, string>(_infrastructure.RabbitMqEnvironment())
        {
            ["ConnectionStrings__projects"] = _database,
            ["Outbox__MaxBackoffSeconds"] = "2",
            ["Outbox__PublishTimeoutSeconds"] = "3",
        };
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        var process = ServiceProcess.Start("projects", "projects", "Industry.Projects", environment);
        _processes.Add(process);
        // Not /health/ready: in the broker test the broker may be down. Live is enough to accept writes.
        await process.WaitUntilLiveAsync(Ready);
        return process;
    }

    private static Task<Plan> SetTargetAsync(ProjectService.ProjectServiceClient client, int year, int target) =>
        client.UpdatePlanAsync(new UpdatePlanRequest
        {
            Plan = new Plan { Name = $"plans/{year}", TargetKeyProjectsUnderImplementation = target },
            AllowMissing = true,
        }, deadline: DateTime.UtcNow.AddSeconds(30)).ResponseAsync;

    private static PlanUpdated Decode(ReadOnlyMemory<byte> body) => Parser.Parse<PlanUpdated>(System.Text.Encoding.UTF8.GetString(body.Span));

    /// <summary>
    /// The rows still pending once the relay has finished its round: it marks a round's rows after the broker confirmed
    /// them all, so a subscriber can hold every event a moment before the last rows are marked.
    /// </summary>
    private async Task<long> PendingOutboxRowsAfterRoundAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        long pending;
        while ((pending = await PendingOutboxRowsAsync()) > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        return pending;
    }

    private async Task<string> StoredBodyAsync(string eventId)
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT body FROM outbox_messages WHERE message_id = @id", connection);
        command.Parameters.AddWithValue("id", Guid.Parse(eventId));
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private async Task<long> PendingOutboxRowsAsync()
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM outbox_messages WHERE dispatch_time IS NULL", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
