using Industry.Projects.V1;
using Industry.TestInfrastructure;
using static Industry.IntegrationTests.Cluster.ClusterTestData;
using static Industry.IntegrationTests.Cluster.ProjectEvents;
using Proto = Industry.Clusters.V1;

namespace Industry.IntegrationTests.Cluster;

/// <summary>
/// The cluster service consuming project events through its inbox (real broker, real PostgreSQL): each cluster's
/// renovation projects and investment follow the events, duplicates and stale versions change nothing, an unknown
/// cluster is recorded, and a project moving between clusters moves its figures.
/// </summary>
public sealed class ProjectEventsConsumerTests(ClusterServiceFixture service) : IClassFixture<ClusterServiceFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private EventPublisher _publisher = null!;

    private Proto.ClusterService.ClusterServiceClient Client => new(service.Channel);

    public async Task InitializeAsync() => _publisher = await EventPublisher.ConnectAsync(service.Infrastructure.RabbitMqUri);

    public async Task DisposeAsync() => await _publisher.DisposeAsync();

    [Fact]
    public async Task Consume_ProjectLifecycle_ClusterStatsFollowTheLatestVersion()
    {
        var cluster = await Client.CreateAsync(NewCluster());
        var id = NewId("p");
        var created = Project(id, cluster.Name, totalInvestmentYuan: 1_200_000_000);
        var started = Project(id, cluster.Name, totalInvestmentYuan: 1_200_000_000, state: ProjectState.UnderConstruction);
        var reported = Project(id, cluster.Name, totalInvestmentYuan: 1_200_000_000, completedInvestmentYuan: 150_000_000, state: ProjectState.UnderConstruction);
        var small = Project(NewId("p"), cluster.Name, totalInvestmentYuan: 50_000_000, completedInvestmentYuan: 10_000_000);

        await PublishAndWaitAsync(
            new ProjectCreated { Metadata = Metadata<ProjectCreated>(created, 1), Project = created },
            new ProjectStateChanged { Metadata = Metadata<ProjectStateChanged>(started, 2), Project = started, PreviousState = ProjectState.Reserve },
            new InvestmentReported { Metadata = Metadata<InvestmentReported>(reported, 3), Project = reported },
            new ProjectCreated { Metadata = Metadata<ProjectCreated>(small, 1), Project = small });

        var stats = await StatsAsync(cluster);
        Assert.Equal((2, 1, 1), (stats.RenovationProjectCount, stats.RenovationProjectsUnderConstruction, stats.KeyRenovationProjectCount));
        Assert.Equal((1_250_000_000L, 160_000_000L), (stats.RenovationTotalInvestmentYuan, stats.RenovationCompletedInvestmentYuan));
    }

    [Fact]
    public async Task Consume_SameEventsDeliveredAgain_ChangeNothing()
    {
        var cluster = await Client.CreateAsync(NewCluster());
        var project = Project(NewId("p"), cluster.Name, completedInvestmentYuan: 20_000_000);
        var reported = new InvestmentReported { Metadata = Metadata<InvestmentReported>(project, 2), Project = project };
        var created = Project(project.Name[9..], cluster.Name);
        await PublishAndWaitAsync(new ProjectCreated { Metadata = Metadata<ProjectCreated>(created, 1), Project = created }, reported);
        var before = await StatsAsync(cluster);

        await _publisher.PublishAsync(reported);
        await _publisher.PublishAsync(reported);
        var sentinel = Project(NewId("p"), cluster.Name);
        await PublishAndWaitAsync(new ProjectCreated { Metadata = Metadata<ProjectCreated>(sentinel, 1), Project = sentinel });

        Assert.Equal(1, await service.CountAsync("SELECT count(*) FROM inbox_messages WHERE message_id = @p0", Guid.Parse(reported.Metadata.EventId)));
        var after = await StatsAsync(cluster);
        Assert.Equal(before.RenovationCompletedInvestmentYuan, after.RenovationCompletedInvestmentYuan);
        Assert.Equal(before.RenovationProjectCount + 1, after.RenovationProjectCount); // the sentinel only
    }

    [Fact]
    public async Task Consume_OlderVersionOfAnotherTypeAfterANewerOne_IsIgnored()
    {
        var cluster = await Client.CreateAsync(NewCluster());
        var id = NewId("p");
        var newer = Project(id, cluster.Name, completedInvestmentYuan: 90_000_000);
        var older = Project(id, cluster.Name, totalInvestmentYuan: 500_000_000, completedInvestmentYuan: 30_000_000);

        await PublishAndWaitAsync(new InvestmentReported { Metadata = Metadata<InvestmentReported>(newer, 4), Project = newer });
        await PublishAndWaitAsync(new ProjectUpdated { Metadata = Metadata<ProjectUpdated>(older, 3), Project = older });

        var stats = await StatsAsync(cluster);
        Assert.Equal((300_000_000L, 90_000_000L), (stats.RenovationTotalInvestmentYuan, stats.RenovationCompletedInvestmentYuan));
    }

    [Fact]
    public async Task Consume_ProjectMovingClusterThenLosingIt_MovesItsFigures()
    {
        var first = await Client.CreateAsync(NewCluster());
        var second = await Client.CreateAsync(NewCluster());
        var id = NewId("p");
        var inFirst = Project(id, first.Name);
        var inSecond = Project(id, second.Name);
        var inNone = Project(id, string.Empty);

        await PublishAndWaitAsync(new ProjectCreated { Metadata = Metadata<ProjectCreated>(inFirst, 1), Project = inFirst });
        Assert.Equal(1, (await StatsAsync(first)).RenovationProjectCount);

        await PublishAndWaitAsync(new ProjectUpdated { Metadata = Metadata<ProjectUpdated>(inSecond, 2), Project = inSecond });
        Assert.Equal((0, 1), ((await StatsAsync(first)).RenovationProjectCount, (await StatsAsync(second)).RenovationProjectCount));

        await PublishAndWaitAsync(new ProjectUpdated { Metadata = Metadata<ProjectUpdated>(inNone, 3), Project = inNone });
        Assert.Equal((0, 0), ((await StatsAsync(first)).RenovationProjectCount, (await StatsAsync(second)).RenovationProjectCount));
        Assert.Equal(1, await service.CountAsync("SELECT count(*) FROM renovation_projects WHERE project_id = @p0 AND cluster_id = ''", id));
    }

    [Fact]
    public async Task Consume_UnknownCluster_IsRecordedAndCountsOnceTheClusterExists()
    {
        var id = NewId("later");
        var project = Project(NewId("p"), "clusters/" + id, completedInvestmentYuan: 5_000_000);

        await PublishAndWaitAsync(new ProjectCreated { Metadata = Metadata<ProjectCreated>(project, 1), Project = project });

        Assert.Equal(1, await service.CountAsync("SELECT count(*) FROM renovation_projects WHERE cluster_id = @p0", id));
        var cluster = await Client.CreateAsync(NewCluster(), id);
        Assert.Equal((1, 5_000_000L), ((await StatsAsync(cluster)).RenovationProjectCount, (await StatsAsync(cluster)).RenovationCompletedInvestmentYuan));
    }

    [Fact]
    public async Task Consume_CancelledThenDeleted_LeavesTheStatsAndThenTheTable()
    {
        var cluster = await Client.CreateAsync(NewCluster());
        var id = NewId("p");
        var project = Project(id, cluster.Name);
        var cancelled = Project(id, cluster.Name, state: ProjectState.Cancelled);

        await PublishAndWaitAsync(
            new ProjectCreated { Metadata = Metadata<ProjectCreated>(project, 1), Project = project },
            new ProjectStateChanged { Metadata = Metadata<ProjectStateChanged>(cancelled, 2), Project = cancelled, PreviousState = ProjectState.Reserve });
        Assert.Equal(0, (await StatsAsync(cluster)).RenovationProjectCount);
        Assert.Equal(1, await service.CountAsync("SELECT count(*) FROM renovation_projects WHERE project_id = @p0", id));

        await PublishAndWaitAsync(new ProjectDeleted { Metadata = Metadata<ProjectDeleted>(cancelled, 3), Project = cancelled });

        Assert.Equal(0, await service.CountAsync("SELECT count(*) FROM renovation_projects WHERE project_id = @p0", id));
    }

    private Task<Proto.ClusterStats> StatsAsync(Proto.Cluster cluster) =>
        Client.GetClusterStatsAsync(new Proto.GetClusterStatsRequest { Name = cluster.Name + "/stats" }, Deadline).ResponseAsync;

    /// <summary>Publishes the events and waits until the service's inbox has recorded every one of them.</summary>
    private async Task PublishAndWaitAsync(params Google.Protobuf.IMessage[] events)
    {
        var ids = new List<Guid>();
        foreach (var @event in events)
        {
            var metadata = (Common.V1.EventMetadata)@event.Descriptor.Fields[1].Accessor.GetValue(@event);
            ids.Add(Guid.Parse(metadata.EventId));
            await PublishAsync(@event);
        }

        var deadline = DateTime.UtcNow + Timeout;
        while (await service.CountAsync("SELECT count(*) FROM inbox_messages WHERE message_id = ANY(@p0)", ids.ToArray()) < ids.Count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the service did not consume {ids.Count} events within {Timeout}");
            await Task.Delay(100);
        }
    }

    private Task PublishAsync(Google.Protobuf.IMessage @event) => @event switch
    {
        ProjectCreated e => _publisher.PublishAsync(e),
        ProjectUpdated e => _publisher.PublishAsync(e),
        ProjectStateChanged e => _publisher.PublishAsync(e),
        ProjectDeleted e => _publisher.PublishAsync(e),
        InvestmentReported e => _publisher.PublishAsync(e),
        InvestmentReportDeleted e => _publisher.PublishAsync(e),
        _ => throw new ArgumentException($"{@event.Descriptor.FullName} is not a project event.", nameof(@event)),
    };
}
