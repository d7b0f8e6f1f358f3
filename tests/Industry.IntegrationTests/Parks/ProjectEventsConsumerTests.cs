using System.Diagnostics.Metrics;
using Industry.Parks.Domain;
using Industry.Parks.Messaging;
using Industry.ServiceDefaults.Messaging.Inbox;
using Industry.ServiceDefaults.Telemetry;
using Industry.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using RabbitMQ.Client.Exceptions;
using static Industry.IntegrationTests.Parks.ParkTestData;
using ProjectState = Industry.Projects.V1.ProjectState;

namespace Industry.IntegrationTests.Parks;

/// <summary>
/// The parks service's consumer of project events, on the real broker and PostgreSQL: a completed digital-transformation
/// project in a park records one PROJECT transformation, whatever the duplicates and the order of delivery.
/// </summary>
public sealed class ProjectEventsConsumerTests(ParksConsumerFixture fixture) : IClassFixture<ParksConsumerFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly DateTime Now = new(2024, 7, 1, 0, 0, 0, DateTimeKind.Utc);

    private ParksConsumerHost Host => fixture.Host;

    private EventPublisher Publisher => fixture.Publisher;

    [Fact]
    public async Task ProjectCompleted_DigitalInACertifiedPark_RecordsOneProjectTransformationAndItsEvent()
    {
        var park = await NewParkAsync(ParkState.Certified);
        var uscc = NewUscc();
        var project = "projects/" + NewId("p");

        var @event = ProjectEvents.StateChanged(project, 4, ProjectState.Completed, park.Name, uscc, completed: new DateOnly(2024, 6, 30));
        await Publisher.PublishAsync(@event);
        await Publisher.PublishAsync(@event); // redelivered: the same message id
        await DrainAsync();

        var transformation = await WaitForTransformationAsync(park, uscc);
        Assert.Equal(1, await Host.QueryAsync(db => db.Set<InboxMessage>().CountAsync(m => m.MessageId == Guid.Parse(@event.Metadata.EventId))));
        Assert.Equal((TransformationLevel.DigitallyTransformed, 2024, TransformationSource.Project, project), (transformation.Level, transformation.Year, transformation.Source, transformation.Project));
        Assert.Equal((ProjectCompletion.Actor, "340100"), (transformation.UpdateActor, transformation.CityCode));
        var milestone = Assert.Single(transformation.Milestones);
        Assert.Equal((TransformationSource.Project, project), (milestone.Source, milestone.Project));
        Assert.Equal(1, await Host.QueryAsync(db => db.Set<ServiceDefaults.Messaging.Outbox.OutboxMessage>()
            .CountAsync(m => m.Subject == transformation.Name && m.EventType == "industry.parks.v1.TransformationRecorded" && m.Actor == ProjectCompletion.Actor)));
    }

    [Fact]
    public async Task ProjectEvents_OutOfOrder_LeaveOneRecordFromTheLaterEvent()
    {
        var park = await NewParkAsync(ParkState.Certified);
        var uscc = NewUscc();
        var project = "projects/" + NewId("p");
        var completed = ProjectEvents.StateChanged(project, 4, ProjectState.Completed, park.Name, uscc, completed: new DateOnly(2023, 12, 20));
        var inProduction = ProjectEvents.StateChanged(project, 5, ProjectState.InProduction, park.Name, uscc, completed: new DateOnly(2023, 12, 20));

        await Publisher.PublishAsync(inProduction);
        await WaitForInboxAsync(1, inProduction.Metadata.EventId);
        await Publisher.PublishAsync(completed); // older than the version applied: skipped
        await WaitForInboxAsync(1, completed.Metadata.EventId);

        var transformation = await WaitForTransformationAsync(park, uscc);
        Assert.Equal((TransformationLevel.DigitallyTransformed, 2023), (transformation.Level, transformation.Year));
        Assert.Equal(1, await Host.QueryAsync(db => db.Transformations.CountAsync(t => t.EnterpriseUscc == uscc)));
        Assert.Equal(1, await Host.QueryAsync(db => db.Set<ServiceDefaults.Messaging.Outbox.OutboxMessage>().CountAsync(m => m.Subject == transformation.Name)));
    }

    [Fact]
    public async Task ProjectCompletedThenInProduction_InOrder_LeaveOneRecord()
    {
        var park = await NewParkAsync(ParkState.UnderReview);
        var uscc = NewUscc();
        var project = "projects/" + NewId("p");
        var completed = ProjectEvents.StateChanged(project, 4, ProjectState.Completed, park.Name, uscc);
        var inProduction = ProjectEvents.StateChanged(project, 5, ProjectState.InProduction, park.Name, uscc);

        await Publisher.PublishAsync(completed);
        await Publisher.PublishAsync(inProduction);
        await DrainAsync();

        Assert.Equal(1, await Host.QueryAsync(db => db.Transformations.CountAsync(t => t.EnterpriseUscc == uscc)));
        Assert.Single((await WaitForTransformationAsync(park, uscc)).Milestones);
    }

    [Fact]
    public async Task ProjectCompleted_ManualRecordExists_KeepsItUnchanged()
    {
        var park = await NewParkAsync(ParkState.Certified);
        var uscc = NewUscc();
        await Host.QueryAsync(async db =>
        {
            db.Transformations.Add(Transformation.Create(park, uscc, "已报送企业", "手工报送", new LevelReached(TransformationLevel.DigitalWorkshop, 2022, TransformationSource.Reported), Now, "alice"));
            return await db.SaveChangesAsync();
        });

        var @event = ProjectEvents.StateChanged("projects/" + NewId("p"), 4, ProjectState.Completed, park.Name, uscc);
        await Publisher.PublishAsync(@event);
        await WaitForInboxAsync(1, @event.Metadata.EventId);

        var transformation = await WaitForTransformationAsync(park, uscc);
        Assert.Equal((TransformationLevel.DigitalWorkshop, 2022, TransformationSource.Reported, "alice", 1L), (transformation.Level, transformation.Year, transformation.Source, transformation.UpdateActor, transformation.Version));
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("revoked")]
    [InlineData("not-digital")]
    [InlineData("under-construction")]
    public async Task ProjectEvent_NothingToRecord_IsAcknowledgedAndStoresNothing(string why)
    {
        var park = why == "missing" ? Park.Create(NewId(), new ParkDraft { CountyCode = "340104" }, Now, "x") : await NewParkAsync(why == "revoked" ? ParkState.Revoked : ParkState.Certified);
        var uscc = NewUscc();
        var @event = ProjectEvents.StateChanged(
            "projects/" + NewId("p"), 4, why == "under-construction" ? ProjectState.UnderConstruction : ProjectState.Completed, park.Name, uscc, digital: why != "not-digital");

        await Publisher.PublishAsync(@event);

        await WaitForInboxAsync(1, @event.Metadata.EventId); // acknowledged, not retried or dead-lettered
        Assert.Equal(0, await Host.QueryAsync(db => db.Transformations.CountAsync(t => t.EnterpriseUscc == uscc)));
    }

    [Theory]
    [InlineData("340104", "340202")] // a Hefei project naming a Wuhu park: the original attack
    [InlineData("340202", "340104")]
    [InlineData("", "340104")] // an event without the project's city
    public async Task ProjectCompleted_InAParkOfAnotherCity_RecordsNothingCountsTheRefusalAndIsAcknowledged(string projectCounty, string parkCounty)
    {
        var park = await NewParkAsync(ParkState.Certified, parkCounty);
        var uscc = NewUscc();
        using var refusals = new RefusalCounter(park.CityCode);
        var @event = ProjectEvents.StateChanged("projects/" + NewId("p"), 4, ProjectState.Completed, park.Name, uscc, county: projectCounty);

        await Publisher.PublishAsync(@event);
        await WaitForInboxAsync(1, @event.Metadata.EventId); // acknowledged: applied as "nothing to record", not retried
        await DrainAsync();

        Assert.Equal(0, await Host.QueryAsync(db => db.Transformations.CountAsync(t => t.EnterpriseUscc == uscc)));
        Assert.Equal(0, await Host.QueryAsync(db => db.Set<ServiceDefaults.Messaging.Outbox.OutboxMessage>().CountAsync(m => m.Body.Contains(uscc))));
        Assert.Equal(1, refusals.Count);
        Assert.DoesNotContain(@event.Metadata.EventId, await ErrorQueueMessageIdsAsync()); // the broker may outlive earlier runs' failures
    }

    [Fact]
    public async Task ProjectCompleted_InAParkOfItsOwnCityOutsideHefei_IsRecordedAndNotCounted()
    {
        var park = await NewParkAsync(ParkState.Certified, "340202");
        var uscc = NewUscc();
        using var refusals = new RefusalCounter(park.CityCode);
        var @event = ProjectEvents.StateChanged("projects/" + NewId("p"), 4, ProjectState.Completed, park.Name, uscc, county: "340207");

        await Publisher.PublishAsync(@event);

        var transformation = await WaitForTransformationAsync(park, uscc);
        Assert.Equal(("340200", TransformationSource.Project), (transformation.CityCode, transformation.Source));
        Assert.Equal(0, refusals.Count);
    }

    private async Task<Park> NewParkAsync(ParkState state, string county = "340104")
    {
        var park = Park.Create(NewId(), new ParkDraft
        {
            DisplayName = "合肥经济技术开发区",
            CountyCode = county,
            ParkType = ParkType.NationalDevelopmentZone,
            LeadIndustry = "industries/AUTO",
        }, Now, "admin");
        if (state != ParkState.Applied)
        {
            park.Submit(Now, "admin");
        }

        if (state is ParkState.Certified or ParkState.Revoked)
        {
            park.Certify(2023, 1, Now, "admin");
        }

        if (state == ParkState.Revoked)
        {
            park.Revoke("复核不合格", Now, "admin");
        }

        await Host.QueryAsync(db =>
        {
            db.Parks.Add(park);
            return db.SaveChangesAsync();
        });
        return park;
    }

    private async Task<Transformation> WaitForTransformationAsync(Park park, string uscc)
    {
        var id = Transformation.IdOf(park.Id, uscc);
        await Host.WaitUntilAsync(db => db.Transformations.AnyAsync(t => t.Id == id), Timeout, "the transformation of " + uscc);
        return await Host.QueryAsync(db => db.Transformations.AsNoTracking().SingleAsync(t => t.Id == id));
    }

    /// <summary>Waits until the events published so far are consumed: the host consumes one at a time, in order, so a last one marks them all.</summary>
    private async Task DrainAsync()
    {
        var marker = ProjectEvents.StateChanged("projects/" + NewId("marker"), 1, ProjectState.UnderConstruction, "parks/none", NewUscc(), digital: false);
        await Publisher.PublishAsync(marker);
        await WaitForInboxAsync(1, marker.Metadata.EventId);
    }

    /// <summary>
    /// Reads (and acknowledges) what MassTransit moved to the consumer's error queue. The consumer's own queue must exist,
    /// so that a wrong queue name cannot make "no error" pass by itself; an error queue that was never created is empty.
    /// </summary>
    private async Task<List<string>> ErrorQueueMessageIdsAsync()
    {
        await using var connection = await new RabbitMQ.Client.ConnectionFactory { Uri = fixture.Broker }.CreateConnectionAsync();
        await using (var probe = await connection.CreateChannelAsync())
        {
            await probe.QueueDeclarePassiveAsync(ParksConsumerHost.QueueName);
        }

        var ids = new List<string>();
        try
        {
            await using var channel = await connection.CreateChannelAsync();
            while (await channel.BasicGetAsync(ParksConsumerHost.QueueName + "_error", autoAck: true) is { } message)
            {
                ids.Add(message.BasicProperties.MessageId ?? string.Empty);
            }
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 404)
        {
            // No message ever failed: MassTransit creates the error queue with the first one.
        }

        return ids;
    }

    private Task WaitForInboxAsync(int count, string eventId) =>
        Host.WaitUntilAsync(
            async db => await db.Set<InboxMessage>().CountAsync(m => m.MessageId == Guid.Parse(eventId)) == count,
            Timeout,
            $"{count} inbox row(s) for {eventId}");
}

/// <summary>The broker, the consumer host and a publisher, shared by the tests of <see cref="ProjectEventsConsumerTests"/>.</summary>
public sealed class ParksConsumerFixture : IAsyncLifetime
{
    private Industry.TestInfrastructure.BrokerAndDatabase _infrastructure = null!;

    public ParksConsumerHost Host { get; private set; } = null!;

    public EventPublisher Publisher { get; private set; } = null!;

    public Uri Broker => _infrastructure.RabbitMqUri;

    public async Task InitializeAsync()
    {
        _infrastructure = await Industry.TestInfrastructure.BrokerAndDatabase.StartAsync();
        Host = await ParksConsumerHost.StartAsync(_infrastructure);
        Publisher = await EventPublisher.ConnectAsync(_infrastructure.RabbitMqUri);
    }

    public async Task DisposeAsync()
    {
        await Publisher.DisposeAsync();
        await Host.DisposeAsync();
        await _infrastructure.DisposeAsync();
    }
}

/// <summary>Counts <see cref="ProjectEventMetrics.RefusedOtherCityInstrument"/> for one park city while it lives.</summary>
internal sealed class RefusalCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _count;

    public RefusalCounter(string parkCity)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == SuiteTelemetry.SourceName && instrument.Name == ProjectEventMetrics.RefusedOtherCityInstrument)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == ProjectEventMetrics.ParkCityTag && Equals(tag.Value, parkCity))
                {
                    Interlocked.Add(ref _count, value);
                }
            }
        });
        _listener.Start();
    }

    public long Count => Interlocked.Read(ref _count);

    public void Dispose() => _listener.Dispose();
}
