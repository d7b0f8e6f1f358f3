using Industry.ServiceDefaults.Messaging.Inbox;
using Industry.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace Industry.IntegrationTests.EventBackbone;

/// <summary>
/// The inbox on SQLite, where its rows go through the change tracker rather than PostgreSQL's array statements:
/// duplicates, stale and newer versions have the same outcomes as on PostgreSQL.
/// </summary>
[Collection(BrokerFaultDefinition.Name)]
public sealed class InboxSqliteTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"consumer-{Guid.NewGuid():N}.db");
    private BrokerAndDatabase _infrastructure = null!;
    private ConsumerHost _consumer = null!;
    private EventPublisher _publisher = null!;

    public async Task InitializeAsync()
    {
        _infrastructure = await BrokerAndDatabase.StartAsync();
        _consumer = await ConsumerHost.StartAsync(_infrastructure, connectionString: $"Data Source={_file}");
        _publisher = await EventPublisher.ConnectAsync(_infrastructure.RabbitMqUri);
    }

    public async Task DisposeAsync()
    {
        await _publisher.DisposeAsync();
        await _consumer.DisposeAsync();
        await _infrastructure.DisposeAsync();
        foreach (var path in new[] { _file, _file + "-wal", _file + "-shm" })
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Consume_DuplicateStaleAndNewerVersions_EachNewerOneAppliedOnce()
    {
        var first = PlanEvents.Updated(Guid.NewGuid(), 2301, version: 1, target: 100);
        await _publisher.PublishAsync(first);
        await _publisher.PublishAsync(first);
        await _publisher.PublishAsync(PlanEvents.Updated(Guid.NewGuid(), 2301, version: 3, target: 300));
        await _publisher.PublishAsync(PlanEvents.Updated(Guid.NewGuid(), 2301, version: 2, target: 200));
        await _publisher.PublishAsync(PlanEvents.Updated(Guid.NewGuid(), 2301, version: 4, target: 400));

        // One message at a time, in order: once version 4 is applied, everything before it was consumed.
        await _consumer.WaitUntilAsync(db => db.AppliedPlans.AnyAsync(p => p.Target == 400), Timeout, "version 4 applied");
        var versions = await _consumer.QueryAsync(db => db.AppliedPlans.Where(p => p.Subject == "plans/2301").Select(p => p.Version).ToListAsync());
        Assert.Equal([1L, 3L, 4L], versions.Order());
        Assert.Equal(4, await _consumer.QueryAsync(db => db.Set<InboxMessage>().CountAsync(m => m.Consumer == "plan-effects")));
        Assert.Equal(4L, await _consumer.QueryAsync(db => db.Set<InboxSubjectVersion>().Where(v => v.Subject == "plans/2301").Select(v => v.Version).SingleAsync()));
    }
}
