using Grpc.Core;
using Grpc.Net.Client;
using Industry.Clusters.V1;
using Industry.Projects.V1;
using Industry.TestInfrastructure;

namespace Industry.EndToEndTests;

/// <summary>
/// Issue 5's end-to-end acceptance: a renovation project created in the projects service with a cluster reaches the
/// cluster service through the outbox, the broker and the inbox, and shows in that cluster's statistics; its investment
/// and a move to another cluster follow.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class ClusterProjectEventsTests(SuiteFixture fixture) : IDisposable
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(30);
    private static int _serial = 700_000;

    private readonly GrpcChannel _cluster = TestTokens.Channel(fixture.Suite.Cluster.GrpcAddress);
    private readonly GrpcChannel _projects = TestTokens.Channel(fixture.Suite.Projects.GrpcAddress);

    private ClusterService.ClusterServiceClient Clusters => new(_cluster);

    private ProjectService.ProjectServiceClient Projects => new(_projects);

    private static CallOptions Options => new(deadline: DateTime.UtcNow.AddSeconds(15));

    [Fact]
    public async Task CreateProject_WithCluster_ShowsInGetClusterStatsOnceItsEventIsConsumed()
    {
        var cluster = await Clusters.CreateClusterAsync(new CreateClusterRequest { Cluster = NewCluster() }, Options);

        var project = await Projects.CreateProjectAsync(new CreateProjectRequest { Project = NewProject(cluster.Name, 1_500_000_000) }, Options);

        var stats = await WaitForStatsAsync(cluster, s => s.RenovationProjectCount == 1);
        Assert.Equal((1, 1_500_000_000L, 0L), (stats.KeyRenovationProjectCount, stats.RenovationTotalInvestmentYuan, stats.RenovationCompletedInvestmentYuan));

        var started = await Projects.TransitionProjectAsync(
            new TransitionProjectRequest { Name = project.Name, State = ProjectState.UnderConstruction, Date = new Google.Type.Date { Year = 2024, Month = 2, Day = 1 } }, Options);
        await Projects.ReportInvestmentAsync(new ReportInvestmentRequest { Parent = started.Name, Period = "2024-03", CompletedInvestmentYuan = 120_000_000 }, Options);

        stats = await WaitForStatsAsync(cluster, s => s.RenovationCompletedInvestmentYuan == 120_000_000);
        Assert.Equal(1, stats.RenovationProjectsUnderConstruction);
    }

    [Fact]
    public async Task UpdateProject_ToAnotherCluster_MovesItsFiguresThere()
    {
        var first = await Clusters.CreateClusterAsync(new CreateClusterRequest { Cluster = NewCluster() }, Options);
        var second = await Clusters.CreateClusterAsync(new CreateClusterRequest { Cluster = NewCluster() }, Options);
        var project = await Projects.CreateProjectAsync(new CreateProjectRequest { Project = NewProject(first.Name, 200_000_000) }, Options);
        await WaitForStatsAsync(first, s => s.RenovationProjectCount == 1);

        await Projects.UpdateProjectAsync(new UpdateProjectRequest { Project = new Project { Name = project.Name, Cluster = second.Name, Etag = project.Etag } }, Options);

        await WaitForStatsAsync(second, s => s.RenovationProjectCount == 1);
        Assert.Equal(0, (await StatsAsync(first)).RenovationProjectCount);
    }

    public void Dispose()
    {
        _cluster.Dispose();
        _projects.Dispose();
    }

    private Task<ClusterStats> StatsAsync(Cluster cluster) =>
        Clusters.GetClusterStatsAsync(new GetClusterStatsRequest { Name = cluster.Name + "/stats" }, Options).ResponseAsync;

    /// <summary>Polls the cluster's statistics until <paramref name="reached"/> holds: the events travel asynchronously.</summary>
    private async Task<ClusterStats> WaitForStatsAsync(Cluster cluster, Func<ClusterStats, bool> reached)
    {
        var deadline = DateTime.UtcNow + EventTimeout;
        while (true)
        {
            var stats = await StatsAsync(cluster);
            if (reached(stats))
            {
                return stats;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{cluster.Name}'s statistics did not reach the expected figures within {EventTimeout}: {stats}");
            await Task.Delay(200);
        }
    }

    private static Cluster NewCluster() => new()
    {
        DisplayName = "端到端集群",
        Kind = ClusterKind.AdvancedManufacturing,
        Industry = "industries/IT",
        LeadDivisionCode = "340104",
    };

    private static Project NewProject(string cluster, long totalInvestmentYuan) => new()
    {
        DisplayName = "集群事件验收技改项目",
        ProjectCode = $"2024-340104-39-03-{Interlocked.Increment(ref _serial):D6}",
        EnterpriseUscc = "91340000711771143J",
        EnterpriseDisplayName = "科大讯飞股份有限公司",
        CountyCode = "340104",
        Industry = "IT",
        Gbt4754Class = "C3971",
        Nature = ProjectNature.Renovation,
        TotalInvestmentYuan = totalInvestmentYuan,
        Cluster = cluster,
    };
}
