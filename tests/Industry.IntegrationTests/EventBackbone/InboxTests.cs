using Industry.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace Industry.IntegrationTests.EventBackbone;

/// <summary>The consumer side under faults: duplicates, stale versions and poison messages (real broker and PostgreSQL).</summary>
[Collection(BrokerFaultDefinition.Name)]
public sealed class InboxTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private BrokerAndDatabase _infrastructure = null!;
    private ConsumerHost _consumer = null!;
    private EventPublisher _publisher = null!;

    public async Task InitializeAsync()
    {
        _infrastructure = await BrokerAndDatabase.StartAsync();
        _consumer = await ConsumerHost.StartAsync(_infrastructure);
        _publisher = await EventPublisher.ConnectAsync(_infrastructure.RabbitMqUri);
    }

    public async Task DisposeAsync()
    {
        await _publisher.DisposeAsync();
        await _consumer.DisposeAsync();
        await _infrastructure.DisposeAsync();
    }

    [Fact]
    public async Task Consume_SameMessageDeliveredTwice_HasOneEffect()
    {
        var year = NextYear();
        var duplicate = PlanEvents.Updated(Guid.NewGuid(), year, version: 1, target: 100);
        var sentinel = PlanEvents.Updated(Guid.NewGuid(), year, version: 2, target: 200);

        await _publisher.PublishAsync(duplicate);
        await _publisher.PublishAsync(duplicate);
        await _publisher.PublishAsync(sentinel);

        // One message at a time (prefetch 1, concurrency 1): once the sentinel is applied, both copies were consumed.
        await _consumer.WaitUntilAsync(db => db.AppliedPlans.AnyAsync(p => p.Target == 200 && p.Subject == $"plans/{year}"), Timeout, "sentinel applied");
        var effects = await _consumer.QueryAsync(db => db.AppliedPlans.Where(p => p.Subject == $"plans/{year}").Select(p => p.Target).ToListAsync());
        Assert.Equal([100, 200], effects.Order());
    }

    [Fact]
    public async Task Consume_OlderVersionAfterNewer_IsIgnored()
    {
        var year = NextYear();
        await _publisher.PublishAsync(PlanEvents.Updated(Guid.NewGuid(), year, version: 5, target: 500));
        await _publisher.PublishAsync(PlanEvents.Updated(Guid.NewGuid(), year, version: 3, target: 300));
        await _publisher.PublishAsync(PlanEvents.Updated(Guid.NewGuid(), year, version: 6, target: 600));

        await _consumer.WaitUntilAsync(db => db.AppliedPlans.AnyAsync(p => p.Target == 600 && p.Subject == $"plans/{year}"), Timeout, "version 6 applied");
        var versions = await _consumer.QueryAsync(db => db.AppliedPlans.Where(p => p.Subject == $"plans/{year}").Select(p => p.Version).ToListAsync());
        Assert.Equal([5L, 6L], versions.Order());
    }

    [Fact]
    public async Task Consume_TransientFailureEveryTime_IsRetriedThenMovedToErrorQueueAndNextIsConsumed()
    {
        var year = NextYear();
        var poison = PlanEvents.Updated(Guid.NewGuid(), year, version: 1, target: PlanEffectConsumer.TransientFailure);
        var next = PlanEvents.Updated(Guid.NewGuid(), year, version: 2, target: 42);

        await _publisher.PublishAsync(poison);
        await _publisher.PublishAsync(next);

        await _consumer.WaitUntilAsync(db => db.AppliedPlans.AnyAsync(p => p.Target == 42 && p.Subject == $"plans/{year}"), Timeout, "the next message applied");
        Assert.Equal(4, PlanEffectConsumer.Attempts[poison.Metadata.EventId]); // the first try and 3 retries
        Assert.Contains(poison.Metadata.EventId, await ConsumerHost.ErrorQueueMessageIdsAsync(_infrastructure.RabbitMqUri));
        Assert.False(await _consumer.QueryAsync(db => db.InboxContains(poison.Metadata.EventId)), "a failed message must not be recorded as processed");
    }

    [Fact]
    public async Task Consume_InvalidEvent_IsNotRetriedAndGoesToErrorQueue()
    {
        var year = NextYear();
        var invalid = PlanEvents.Updated(Guid.NewGuid(), year, version: 1, target: PlanEffectConsumer.InvalidTarget);
        var next = PlanEvents.Updated(Guid.NewGuid(), year, version: 2, target: 43);

        await _publisher.PublishAsync(invalid);
        await _publisher.PublishAsync(next);

        await _consumer.WaitUntilAsync(db => db.AppliedPlans.AnyAsync(p => p.Target == 43 && p.Subject == $"plans/{year}"), Timeout, "the next message applied");
        Assert.Equal(1, PlanEffectConsumer.Attempts[invalid.Metadata.EventId]);
        Assert.Contains(invalid.Metadata.EventId, await ConsumerHost.ErrorQueueMessageIdsAsync(_infrastructure.RabbitMqUri));
    }

    // Far outside the years the services accept (2000-2100), so no event a service publishes in another test
    // (they reach this consumer's queue too) is about the same plan.
    private static int _year = 5000;

    /// <summary>Each test's events are about their own plan, so tests never read each other's effects.</summary>
    private static int NextYear() => Interlocked.Increment(ref _year);
}

internal static class InboxQueries
{
    public static Task<bool> InboxContains(this ConsumerTestDbContext db, string eventId) =>
        db.Set<ServiceDefaults.Messaging.Inbox.InboxMessage>().AnyAsync(m => m.MessageId == Guid.Parse(eventId));
}
