using System.Globalization;
using Grpc.Core;
using Industry.Projects.V1;
using Industry.TestInfrastructure;
using Npgsql;

namespace Industry.IntegrationTests.EventBackbone;

/// <summary>
/// An outbox row that can never be published (issue 17, hole 2), with the real projects service process: it is
/// quarantined after a few attempts instead of holding every later row back, the operator sees it with
/// <c>outbox list</c> and sends a row again with <c>outbox release</c>.
/// </summary>
[Collection(BrokerFaultDefinition.Name)]
public sealed class OutboxQuarantineTests : IAsyncLifetime
{
    private const int Writes = 1000;
    private const int Lanes = 10;
    private readonly List<ServiceProcess> _processes = [];
    private BrokerAndDatabase _infrastructure = null!;
    private string _database = string.Empty;

    public async Task InitializeAsync()
    {
        _infrastructure = await BrokerAndDatabase.StartAsync();
        _database = await _infrastructure.CreateDatabaseAsync("outbox_quarantine");
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
    public async Task PoisonedRow_IsQuarantinedAndAThousandLaterWritesAreDeliveredWithin20Seconds()
    {
        var projects = await StartProjectsAsync();
        await using var subscription = await EventSubscription.BindAsync(_infrastructure.RabbitMqUri, PlanEvents.Exchange);
        var poisoned = await InsertRowAsync("industry.projects.v9.PlanExploded", "{}", quarantined: false);
        // As long as an unpublishable row at the head of the outbox takes the relay's backoff to its 30 s ceiling.
        await Task.Delay(TimeSpan.FromSeconds(35));

        using var channel = TestTokens.Channel(projects.GrpcAddress);
        var client = new ProjectService.ProjectServiceClient(channel);
        try
        {
            // Lanes of sequential writes on plans of their own, so no two writes race for one plan.
            await Task.WhenAll(Enumerable.Range(0, Lanes).Select(async lane =>
            {
                for (var i = 0; i < Writes / Lanes; i++)
                {
                    await SetTargetAsync(client, 2000 + (lane * 10) + (i % 10), (lane * 1000) + i + 1);
                }
            }));
        }
        catch (RpcException error)
        {
            throw new InvalidOperationException($"A write failed: {error.Status}\n{projects.RecentOutput}", error);
        }

        var received = await subscription.WaitForAsync(Writes, TimeSpan.FromSeconds(20));
        Assert.Equal(Writes, received.Select(m => m.BasicProperties.MessageId).Distinct().Count());
        var (attempts, quarantineTime, lastError) = await RowStateAsync(poisoned);
        Assert.NotNull(quarantineTime);
        Assert.Equal(5, attempts);
        Assert.StartsWith("unknown event type", lastError, StringComparison.Ordinal);

        // A row quarantined for a cause since fixed: listed, then released and published.
        var body = await StoredBodyAsync(received[0].BasicProperties.MessageId!);
        var fixedRow = await InsertRowAsync("industry.projects.v1.PlanUpdated", body, quarantined: true);
        var list = await RunCommandAsync("outbox", "list");
        Assert.Contains($"\n{poisoned}\tindustry.projects.v9.PlanExploded\t", list, StringComparison.Ordinal);
        Assert.Contains($"\n{fixedRow}\tindustry.projects.v1.PlanUpdated\t", list, StringComparison.Ordinal);
        Assert.Contains("released 1", await RunCommandAsync("outbox", "release", fixedRow.ToString(CultureInfo.InvariantCulture)), StringComparison.Ordinal);
        await subscription.WaitForAsync(Writes + 1, TimeSpan.FromSeconds(20));
        Assert.Null((await RowStateAsync(fixedRow)).QuarantineTime);
    }

    private async Task<ServiceProcess> StartProjectsAsync()
    {
        var environment = new Dictionary<string, string>(_infrastructure.RabbitMqEnvironment()) { ["ConnectionStrings__projects"] = _database };
        var process = ServiceProcess.Start("projects", "projects", "Industry.Projects", environment);
        _processes.Add(process);
        await process.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        return process;
    }

    /// <summary><c>dotnet Industry.Projects.dll …</c> on the test's database; its standard output, or a failure with both outputs.</summary>
    private async Task<string> RunCommandAsync(params string[] args)
    {
        var (exitCode, output, errors) = await ServiceCommand.RunAsync("projects", "Industry.Projects", new Dictionary<string, string> { ["ConnectionStrings__projects"] = _database }, args);
        Assert.True(exitCode == 0, $"{string.Join(' ', args)} exited with {exitCode}:\n{output}\n{errors}");
        return "\n" + output;
    }

    private async Task<long> InsertRowAsync(string eventType, string body, bool quarantined)
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        var quarantine = quarantined ? ", quarantine_time, attempts, last_error" : string.Empty;
        var values = quarantined ? ", now(), 5, 'the cause, since fixed'" : string.Empty;
        await using var command = new NpgsqlCommand(
            $"INSERT INTO outbox_messages (message_id, event_type, subject, subject_version, actor, occur_time, body{quarantine}) " +
            $"VALUES (@id, @type, 'plans/2099', 1, 'test', now(), @body{values}) RETURNING id",
            connection);
        command.Parameters.AddWithValue("id", Guid.NewGuid());
        command.Parameters.AddWithValue("type", eventType);
        command.Parameters.AddWithValue("body", body);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<(int Attempts, DateTime? QuarantineTime, string LastError)> RowStateAsync(long id)
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT attempts, quarantine_time, coalesce(last_error, '') FROM outbox_messages WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetDateTime(1), reader.GetString(2));
    }

    private async Task<string> StoredBodyAsync(string messageId)
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT body FROM outbox_messages WHERE message_id = @id", connection);
        command.Parameters.AddWithValue("id", Guid.Parse(messageId));
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static Task<Plan> SetTargetAsync(ProjectService.ProjectServiceClient client, int year, int target) =>
        client.UpdatePlanAsync(new UpdatePlanRequest
        {
            Plan = new Plan { Name = $"plans/{year}", TargetKeyProjectsUnderImplementation = target },
            AllowMissing = true,
        }, deadline: DateTime.UtcNow.AddSeconds(30)).ResponseAsync;
}
