using Industry.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Industry.IntegrationTests.EventBackbone;

/// <summary>
/// A fail-over of the consumer's database (issue 17, hole 1; ADR 0020): while it refuses connections, the consumer
/// holds its messages instead of moving them to <c>_error</c>, and applies every one exactly once when it returns.
/// </summary>
[Collection(BrokerFaultDefinition.Name)]
public sealed class ConsumerDatabaseOutageTests : IAsyncLifetime
{
    private const int Events = 200;
    private const int FirstYear = 7000; // clear of the years InboxTests (5000+) and the services (2000-2100) use
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);
    private BrokerAndDatabase _infrastructure = null!;
    private ConsumerHost _consumer = null!;
    private EventPublisher _publisher = null!;
    private string _database = string.Empty;

    public async Task InitializeAsync()
    {
        _infrastructure = await BrokerAndDatabase.StartAsync();
        var connectionString = await _infrastructure.CreateDatabaseAsync("consumer_outage");
        _database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        _consumer = await ConsumerHost.StartAsync(_infrastructure, concurrentMessages: 32, connectionString: connectionString);
        _publisher = await EventPublisher.ConnectAsync(_infrastructure.RabbitMqUri);
        await ConsumerHost.ErrorQueueMessageIdsAsync(_infrastructure.RabbitMqUri); // what earlier tests left there
    }

    public async Task DisposeAsync()
    {
        await SetConnectionsAllowedAsync(true);
        await _publisher.DisposeAsync();
        await _consumer.DisposeAsync();
        await _infrastructure.DisposeAsync();
    }

    [Fact]
    public async Task DatabaseRefusesConnectionsFor30Seconds_NoMessageGoesToErrorAndEveryEventIsAppliedOnce()
    {
        var events = Enumerable.Range(0, Events).Select(i => PlanEvents.Updated(Guid.NewGuid(), FirstYear + i, version: 1, target: i)).ToList();

        // A quarter before the outage, the rest during it, spread over its first 20 s.
        foreach (var @event in events.Take(Events / 4))
        {
            await _publisher.PublishAsync(@event);
        }

        await SetConnectionsAllowedAsync(false);
        var outageEnds = DateTime.UtcNow + Outage;
        foreach (var @event in events.Skip(Events / 4))
        {
            await _publisher.PublishAsync(@event);
            await Task.Delay(TimeSpan.FromMilliseconds(20_000.0 / Events));
        }

        // Without the outage policy, every message consumed so far has already been retried away to _error.
        Assert.Empty(await ConsumerHost.ErrorQueueMessageIdsAsync(_infrastructure.RabbitMqUri));
        var rest = outageEnds - DateTime.UtcNow;
        if (rest > TimeSpan.Zero)
        {
            await Task.Delay(rest);
        }

        await SetConnectionsAllowedAsync(true);

        var subjects = events.Select(e => e.Metadata.Subject).ToList();
        await _consumer.WaitUntilAsync(
            async db => await db.AppliedPlans.CountAsync(p => subjects.Contains(p.Subject)) >= Events, TimeSpan.FromSeconds(90), "every event applied after the outage");
        await Task.Delay(TimeSpan.FromSeconds(2)); // a second application would show within the consumer's next groups
        var errors = await ConsumerHost.ErrorQueueMessageIdsAsync(_infrastructure.RabbitMqUri);
        var applied = await _consumer.QueryAsync(db => db.AppliedPlans.Where(p => subjects.Contains(p.Subject)).Select(p => p.MessageId).ToListAsync());

        Assert.Empty(errors);
        Assert.Equal(events.Select(e => Guid.Parse(e.Metadata.EventId)).Order(), applied.Order());
    }

    /// <summary>What a fail-over looks like to the consumer: new connections refused, the open ones cut.</summary>
    private async Task SetConnectionsAllowedAsync(bool allowed)
    {
        await using var connection = new NpgsqlConnection(_infrastructure.PostgresAdminConnectionString);
        await connection.OpenAsync();
        await using (var alter = new NpgsqlCommand($"ALTER DATABASE \"{_database}\" ALLOW_CONNECTIONS {(allowed ? "true" : "false")}", connection))
        {
            await alter.ExecuteNonQueryAsync();
        }

        if (!allowed)
        {
            await using var terminate = new NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @name AND pid <> pg_backend_pid()", connection);
            terminate.Parameters.AddWithValue("name", _database);
            await terminate.ExecuteNonQueryAsync();
        }
    }
}
