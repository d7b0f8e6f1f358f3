using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Industry.ServiceDefaults.Messaging.Inbox;
using Industry.ServiceDefaults.Telemetry;
using Industry.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace Industry.IntegrationTests.EventBackbone;

/// <summary>
/// The inbox under load, where events consumed together share one transaction: every event still has exactly its own
/// outcome (one effect, skipped as a duplicate, retried, or moved to the error queue alone).
/// </summary>
[Collection(BrokerFaultDefinition.Name)]
public sealed class GroupCommitTests : IAsyncLifetime
{
    private const int Subjects = 300;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private BrokerAndDatabase _infrastructure = null!;
    private ConsumerHost _consumer = null!;
    private EventPublisher _publisher = null!;

    public async Task InitializeAsync()
    {
        _infrastructure = await BrokerAndDatabase.StartAsync();
        _consumer = await ConsumerHost.StartAsync(_infrastructure, concurrentMessages: 64);
        _publisher = await EventPublisher.ConnectAsync(_infrastructure.RabbitMqUri);
    }

    public async Task DisposeAsync()
    {
        await _publisher.DisposeAsync();
        await _consumer.DisposeAsync();
        await _infrastructure.DisposeAsync();
    }

    [Fact]
    public async Task Consume_ManyEventsWithDuplicatesAndPoisonAmongThem_EachHasItsOwnOutcome()
    {
        using var groupSizes = new GroupSizeRecorder();
        var firstYear = 8000;
        var good = Enumerable.Range(firstYear, Subjects)
            .Select(year => PlanEvents.Updated(Guid.NewGuid(), year, version: 1, target: year))
            .ToList();
        var invalid = PlanEvents.Updated(Guid.NewGuid(), firstYear - 1, version: 1, target: PlanEffectConsumer.InvalidTarget);
        var transient = PlanEvents.Updated(Guid.NewGuid(), firstYear - 2, version: 1, target: PlanEffectConsumer.TransientFailure);

        // Every good event twice, the poison ones in the middle of the stream, so they share groups with good events.
        for (var index = 0; index < good.Count; index++)
        {
            await _publisher.PublishAsync(good[index]);
            if (index == Subjects / 2)
            {
                await _publisher.PublishAsync(invalid);
                await _publisher.PublishAsync(transient);
            }
        }

        foreach (var @event in good)
        {
            await _publisher.PublishAsync(@event);
        }

        await _consumer.WaitUntilAsync(
            async db => await db.AppliedPlans.CountAsync(p => p.Target >= firstYear) >= Subjects,
            Timeout,
            "every good event applied");
        // The transient one is retried 3 times (50 ms apart) before it goes to the error queue.
        await WaitForAsync(() => PlanEffectConsumer.Attempts.GetValueOrDefault(transient.Metadata.EventId) >= 4, "the transient failure's retries");
        await Task.Delay(500); // time for a wrongly repeated effect to show

        var effects = await _consumer.QueryAsync(db => db.AppliedPlans.Where(p => p.Target >= firstYear || p.Target < 0).ToListAsync());
        Assert.Equal(Subjects, effects.Count);
        Assert.Equal(good.Select(e => e.Plan.TargetKeyProjectsUnderImplementation).Order(), effects.Select(e => e.Target).Order());
        Assert.Equal(1, PlanEffectConsumer.Attempts[invalid.Metadata.EventId]);
        Assert.Equal(4, PlanEffectConsumer.Attempts[transient.Metadata.EventId]);
        Assert.False(await _consumer.QueryAsync(db => db.InboxContains(invalid.Metadata.EventId)));
        Assert.False(await _consumer.QueryAsync(db => db.InboxContains(transient.Metadata.EventId)));

        var errors = await ConsumerHost.ErrorQueueMessageIdsAsync(_infrastructure.RabbitMqUri);
        Assert.Contains(invalid.Metadata.EventId, errors);
        Assert.Contains(transient.Metadata.EventId, errors);
        Assert.DoesNotContain(errors, id => good.Any(e => e.Metadata.EventId == id));
        Assert.True(groupSizes.Sizes.Any(size => size > 1), $"no inbox transaction applied more than one event (group sizes: {string.Join(", ", groupSizes.Sizes)})");
    }

    [Fact]
    public async Task Consume_NewerVersionsOfKnownSubjectsTogether_RaiseEachVersionOnce()
    {
        const int Count = 200;
        var firstYear = 9000;
        var years = Enumerable.Range(firstYear, Count).ToList();
        foreach (var year in years)
        {
            await _publisher.PublishAsync(PlanEvents.Updated(Guid.NewGuid(), year, version: 1, target: 1));
        }

        await _consumer.WaitUntilAsync(
            async db => await db.AppliedPlans.CountAsync(p => p.Version == 1 && p.Subject.StartsWith("plans/9")) >= Count,
            Timeout,
            "every version 1 applied");

        // Then, in one burst so that groups hold them together: version 3 of every subject twice (a redelivery), and a
        // late version 2. Each subject's row exists, so the group raises versions already stored.
        var third = years.Select(year => PlanEvents.Updated(Guid.NewGuid(), year, version: 3, target: 3)).ToList();
        foreach (var @event in third.Concat(third))
        {
            await _publisher.PublishAsync(@event);
        }

        foreach (var year in years)
        {
            await _publisher.PublishAsync(PlanEvents.Updated(Guid.NewGuid(), year, version: 2, target: 2));
        }

        await _consumer.WaitUntilAsync(
            async db => await db.Set<InboxMessage>().CountAsync(m => m.Consumer == "plan-effects") >= 3 * Count,
            Timeout,
            "every distinct event recorded in the inbox");
        var versions = await _consumer.QueryAsync(db => db.Set<InboxSubjectVersion>()
            .Where(v => v.Subject.StartsWith("plans/9"))
            .ToDictionaryAsync(v => v.Subject, v => v.Version));
        Assert.Equal(Count, versions.Count);
        Assert.All(versions.Values, version => Assert.Equal(3, version));
        var effects = await _consumer.QueryAsync(db => db.AppliedPlans.Where(p => p.Subject.StartsWith("plans/9")).ToListAsync());
        foreach (var subject in effects.GroupBy(p => p.Subject))
        {
            // Version 3 once (its copy is a duplicate); version 2 only if it came before 3 within a group, never after.
            Assert.Equal(1, subject.Count(p => p.Version == 3));
            Assert.True(subject.Count() <= 3, $"{subject.Key}: {string.Join(", ", subject.Select(p => p.Version))}");
        }
    }

    private static async Task WaitForAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not within {Timeout}: {what}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>The sizes of <see cref="PlanEffectConsumer"/>'s inbox transactions, from the suite's metric.</summary>
    private sealed class GroupSizeRecorder : IDisposable
    {
        private readonly MeterListener _listener = new();

        public GroupSizeRecorder()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == SuiteTelemetry.SourceName && instrument.Name == InboxMetrics.GroupSizeInstrument)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<int>((_, size, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == InboxMetrics.ConsumerTag && Equals(tag.Value, nameof(PlanEffectConsumer)))
                    {
                        Sizes.Add(size);
                    }
                }
            });
            _listener.Start();
        }

        public ConcurrentBag<int> Sizes { get; } = [];

        public void Dispose() => _listener.Dispose();
    }
}
