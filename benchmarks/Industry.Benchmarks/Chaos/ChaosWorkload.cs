using System.Collections.Concurrent;
using System.Globalization;
using Grpc.Core;
using Grpc.Net.Client;
using Industry.Clusters.V1;
using Industry.Parks.V1;
using Industry.Projects.V1;
using Industry.ServiceDefaults.Reference;

namespace Industry.Benchmarks.Chaos;

/// <summary>One write through the gateway: when it was answered, on what, and its gRPC status (OK when committed).</summary>
internal sealed record WriteOutcome(DateTime Time, string Operation, string Subject, StatusCode Status);

/// <summary>
/// The writers: a steady mix of writes through the gateway, every one of which raises an event. Most are on projects,
/// whose events the cluster service (all of them) and the parks service (state changes, of which a completed
/// digital-transformation project in a certified park becomes a transformation) consume; the rest update the clusters
/// and parks the projects name. Each writer owns its projects, so no two writes race on one. A write that fails leaves
/// its outcome unknown (it may have committed before the answer was lost), so the project is read again before its
/// next write.
/// </summary>
internal sealed class ChaosWorkload(ChaosSettings settings, GrpcChannel gateway)
{
    private const string County = "340104"; // Hefei: the parks are in the projects' city (ADR 0017)
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private static int _serial = 100_000;

    private readonly ConcurrentQueue<WriteOutcome> _outcomes = new();
    private readonly ProjectService.ProjectServiceClient _projects = new(gateway);
    private readonly ClusterService.ClusterServiceClient _clusters = new(gateway);
    private readonly ParkService.ParkServiceClient _parks = new(gateway);
    private readonly List<string> _clusterNames = [];
    private readonly List<string> _parkNames = [];

    public IReadOnlyCollection<WriteOutcome> Outcomes => _outcomes;

    private static CallOptions Options => new(deadline: DateTime.UtcNow + Deadline);

    /// <summary>
    /// The clusters and certified parks the projects will name, before any fault. The services have just started on a
    /// busy machine (their first calls pay for JIT and connection pools): a minute per call, and a few tries.
    /// </summary>
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        for (var i = 0; i < 4; i++)
        {
            var cluster = await SeedCallAsync(o => _clusters.CreateClusterAsync(new CreateClusterRequest
            {
                Cluster = new Industry.Clusters.V1.Cluster { DisplayName = $"混沌测试集群{i}", Kind = ClusterKind.AdvancedManufacturing, Industry = "industries/IT", LeadDivisionCode = County },
            }, o).ResponseAsync, cancellationToken);
            _clusterNames.Add(cluster.Name);
            var park = await SeedCallAsync(o => _parks.CreateParkAsync(new CreateParkRequest
            {
                Park = new Park { DisplayName = $"混沌测试园区{i}", CountyCode = County, ParkType = ParkType.NationalDevelopmentZone, LeadIndustry = "industries/IT", AboveSizeEnterpriseCount = 100 },
            }, o).ResponseAsync, cancellationToken);
            await SeedCallAsync(o => _parks.SubmitParkAsync(new SubmitParkRequest { Name = park.Name }, o).ResponseAsync, cancellationToken);
            await SeedCallAsync(o => _parks.CertifyParkAsync(new CertifyParkRequest { Name = park.Name, Year = 2023, Batch = 1 }, o).ResponseAsync, cancellationToken);
            _parkNames.Add(park.Name);
        }
    }

    private static async Task<T> SeedCallAsync<T>(Func<CallOptions, Task<T>> call, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call(new CallOptions(deadline: DateTime.UtcNow.AddMinutes(1), cancellationToken: cancellationToken));
            }
            catch (RpcException e) when (attempt < 3 && e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
            {
                await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
            }
        }
    }

    /// <summary>Runs the writers until <paramref name="end"/>.</summary>
    public Task RunAsync(DateTime end, CancellationToken cancellationToken) =>
        Task.WhenAll(Enumerable.Range(0, settings.Writers).Select(w => WriterAsync(w, end, cancellationToken)));

    private async Task WriterAsync(int writer, DateTime end, CancellationToken cancellationToken)
    {
        var random = new Random(settings.Seed * 100 + writer);
        var pace = TimeSpan.FromSeconds(1.0 / settings.WritesPerSecond);
        var owned = new List<ProjectModel>();
        var created = 0;
        while (DateTime.UtcNow < end && !cancellationToken.IsCancellationRequested)
        {
            var started = DateTime.UtcNow;
            var project = owned.Count == 0 ? null : owned[random.Next(owned.Count)];
            if (project is { Dirty: true })
            {
                await ResyncAsync(project, owned);
            }
            else
            {
                var roll = random.Next(100);
                if (project is null || roll < 25 || owned.Count < 3)
                {
                    owned.Add(await CreateAsync(writer, ++created, random));
                }
                else if (roll < 45)
                {
                    await WriteAsync("UpdateProject", project, () => _projects.UpdateProjectAsync(new UpdateProjectRequest
                    {
                        Project = new Project { Name = project.Name, DisplayName = $"混沌测试项目 {random.Next(1_000_000)}", Cluster = _clusterNames[random.Next(_clusterNames.Count)], TotalInvestmentYuan = 150_000_000 + random.Next(100) * 1_000_000L },
                        UpdateMask = new() { Paths = { "display_name", "cluster", "total_investment_yuan" } },
                    }, Options).ResponseAsync);
                }
                else if (roll < 75)
                {
                    await TransitionAsync(project, random);
                }
                else if (roll < 85)
                {
                    await ReportAsync(project, random);
                }
                else if (roll < 88 && project.State == ProjectState.Reserve)
                {
                    if (await WriteAsync("DeleteProject", project, () => _projects.DeleteProjectAsync(new DeleteProjectRequest { Name = project.Name, Force = true }, Options).ResponseAsync))
                    {
                        owned.Remove(project);
                    }
                }
                else if (roll < 94)
                {
                    var cluster = _clusterNames[random.Next(_clusterNames.Count)];
                    await WriteAsync("UpdateCluster", cluster, () => _clusters.UpdateClusterAsync(new UpdateClusterRequest
                    {
                        Cluster = new Industry.Clusters.V1.Cluster { Name = cluster, DisplayName = $"混沌测试集群 {random.Next(1_000_000)}" },
                        UpdateMask = new() { Paths = { "display_name" } },
                    }, Options).ResponseAsync);
                }
                else
                {
                    var park = _parkNames[random.Next(_parkNames.Count)];
                    await WriteAsync("UpdatePark", park, () => _parks.UpdateParkAsync(new UpdateParkRequest
                    {
                        Park = new Park { Name = park, DisplayName = $"混沌测试园区 {random.Next(1_000_000)}" },
                        UpdateMask = new() { Paths = { "display_name" } },
                    }, Options).ResponseAsync);
                }
            }

            var wait = pace - (DateTime.UtcNow - started);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, CancellationToken.None);
            }
        }
    }

    private async Task<ProjectModel> CreateAsync(int writer, int n, Random random)
    {
        var serial = Interlocked.Increment(ref _serial);
        var first17 = $"91340100{serial + 100_000_000:D9}";
        var project = new ProjectModel("projects/w" + writer.ToString(CultureInfo.InvariantCulture) + "-" + n.ToString(CultureInfo.InvariantCulture));
        var request = new CreateProjectRequest
        {
            ProjectId = project.Name["projects/".Length..],
            RequestId = Guid.NewGuid().ToString(),
            Project = new Project
            {
                DisplayName = "混沌测试技改项目",
                ProjectCode = $"2024-{County}-16-03-{serial:D6}",
                EnterpriseUscc = first17 + Uscc.CheckCharacter(first17),
                EnterpriseDisplayName = "混沌测试企业",
                CountyCode = County,
                Industry = "IT",
                Gbt4754Class = "C3971",
                Nature = ProjectNature.Renovation,
                TotalInvestmentYuan = 150_000_000,
                Cluster = _clusterNames[random.Next(_clusterNames.Count)],
                Park = _parkNames[random.Next(_parkNames.Count)],
                DigitalTransformation = random.Next(2) == 0,
            },
        };
        await WriteAsync("CreateProject", project, () => _projects.CreateProjectAsync(request, Options).ResponseAsync);
        return project;
    }

    /// <summary>Reserve → under construction ⇄ suspended → completed → in production, a week apart each.</summary>
    private async Task TransitionAsync(ProjectModel project, Random random)
    {
        var next = project.State switch
        {
            ProjectState.Reserve or ProjectState.Suspended => ProjectState.UnderConstruction,
            ProjectState.UnderConstruction => random.Next(4) == 0 ? ProjectState.Suspended : ProjectState.Completed,
            ProjectState.Completed => ProjectState.InProduction,
            _ => ProjectState.Unspecified,
        };
        if (next == ProjectState.Unspecified)
        {
            return;
        }

        var date = new DateOnly(2024, 1, 1).AddDays(7 * ++project.Steps);
        var request = new TransitionProjectRequest { Name = project.Name, State = next, Date = new Google.Type.Date { Year = date.Year, Month = date.Month, Day = date.Day } };
        if (await WriteAsync("TransitionProject", project, () => _projects.TransitionProjectAsync(request, Options).ResponseAsync))
        {
            project.State = next;
            project.StartMonth ??= new DateOnly(date.Year, date.Month, 1);
        }
    }

    /// <summary>The next month's completed investment of a started project.</summary>
    private async Task ReportAsync(ProjectModel project, Random random)
    {
        if (project.StartMonth is not { } start || project.State is ProjectState.Reserve or ProjectState.Cancelled)
        {
            return;
        }

        var month = start.AddMonths(project.Reports++);
        var request = new ReportInvestmentRequest { Parent = project.Name, Period = month.ToString("yyyy-MM", CultureInfo.InvariantCulture), CompletedInvestmentYuan = 1_000_000 + random.Next(100) * 10_000L };
        await WriteAsync("ReportInvestment", project, () => _projects.ReportInvestmentAsync(request, Options).ResponseAsync);
    }

    /// <summary>Reads a project whose last write failed, to learn whether it committed.</summary>
    private async Task ResyncAsync(ProjectModel project, List<ProjectModel> owned)
    {
        try
        {
            var read = await _projects.GetProjectAsync(new GetProjectRequest { Name = project.Name }, Options);
            project.State = read.State;
            project.StartMonth ??= read.ActualStartDate is { Year: > 0 } d ? new DateOnly(d.Year, d.Month, 1) : null;
            project.Dirty = false;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            owned.Remove(project); // its create (or delete) did (or did not) commit: either way it is gone
        }
        catch (RpcException)
        {
            // Still unreachable: try again on a later turn.
        }
    }

    private Task<bool> WriteAsync<T>(string operation, ProjectModel project, Func<Task<T>> call) => WriteAsync(operation, project.Name, call, project);

    private async Task<bool> WriteAsync<T>(string operation, string subject, Func<Task<T>> call, ProjectModel? project = null)
    {
        StatusCode status;
        try
        {
            await call();
            status = StatusCode.OK;
        }
        catch (RpcException e)
        {
            status = e.StatusCode;
        }

        _outcomes.Enqueue(new WriteOutcome(DateTime.UtcNow, operation, subject, status));
        if (status != StatusCode.OK && project is not null)
        {
            project.Dirty = true;
        }

        return status == StatusCode.OK;
    }

    /// <summary>What a writer believes of one of its projects.</summary>
    private sealed class ProjectModel(string name)
    {
        public string Name => name;

        public ProjectState State { get; set; } = ProjectState.Reserve;

        public bool Dirty { get; set; }

        public int Steps { get; set; }

        public int Reports { get; set; }

        public DateOnly? StartMonth { get; set; }
    }
}
