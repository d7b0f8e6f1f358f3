using Grpc.Core;
using Grpc.Net.Client;
using Industry.History.V1;
using Industry.Projects.V1;
using Industry.ServiceDefaults.Security;
using Industry.TestInfrastructure;
using Npgsql;

namespace Industry.EndToEndTests;

/// <summary>
/// Issue 20 point 4 across real processes (ADR 0042): projects exist before a consumer binds, so their events reached
/// no one; a province admin's <c>RepublishState</c> raises a snapshot of each; a history service started after it
/// replays them from position 0, and what a consumer rebuilds from that replay equals <c>ListProjects</c>. A repeated
/// <c>request_id</c> raises nothing again; other roles and unknown types are refused and raise nothing.
/// </summary>
public sealed class RepublishStateTests(RepublishStateTests.World world) : IClassFixture<RepublishStateTests.World>
{
    private static CallOptions Options(string token) => new(TestTokens.Bearer(token), DateTime.UtcNow.AddSeconds(60));

    [Fact]
    public async Task RepublishState_ThenAHistoryStartedLater_RebuildsEveryProjectAsListProjectsShowsIt()
    {
        var request = new RepublishStateRequest { RequestId = Guid.NewGuid().ToString() };

        var answer = await world.Projects.RepublishStateAsync(request, Options(TestTokens.Admin));
        var again = await world.Projects.RepublishStateAsync(request, Options(TestTokens.Admin));

        var counts = answer.RepublishedTypes.ToDictionary(t => t.ResourceType, t => t.SnapshotCount);
        Assert.Equal(World.ProjectCount, counts["industry.anhui.gov.cn/Project"]);
        Assert.Equal(World.ReportCount, counts["industry.anhui.gov.cn/InvestmentReport"]);
        Assert.Equal(1, counts["industry.anhui.gov.cn/Plan"]); // the seeded 2024 plan
        Assert.Equal(answer, again);
        Assert.Equal(World.ProjectCount, await world.OutboxCountAsync("industry.projects.v1.ProjectSnapshot")); // the repeat raised none

        var history = await world.StartHistoryAsync();
        var rebuilt = await ReplayProjectsAsync(history, World.ProjectCount);

        var listed = await ListProjectsAsync();
        Assert.Equal(World.ProjectCount, listed.Count);
        Assert.Equal(listed.Keys.Order(), rebuilt.Keys.Order());
        Assert.All(listed, p => Assert.Equal(p.Value, rebuilt[p.Key].Project));
        Assert.Contains(listed.Values, p => p.State == ProjectState.UnderConstruction && p.LatestReportPeriod.Length > 0);

        // A record without history takes its snapshot as its first entry, every field set.
        var sample = listed.Values.First(p => p.State == ProjectState.UnderConstruction);
        var change = Assert.Single((await history.ListChangesAsync(new ListChangesRequest { Parent = sample.Name }, Options(TestTokens.Viewer))).Changes);
        Assert.Equal(("industry.projects.v1.ProjectSnapshot", sample.Etag), (change.EventType, $"W/\"{change.SubjectVersion}\""));
        Assert.Contains(change.FieldChanges, f => f.Path == "displayName" && f.OldValue is null && f.NewValue.StringValue == sample.DisplayName);
    }

    [Theory]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.CityEditor)]
    [InlineData(Roles.CountyEditor)]
    public async Task RepublishState_ByAnyoneButAProvinceAdmin_IsPermissionDenied_AndRaisesNothing(string role)
    {
        var token = role switch
        {
            Roles.CityEditor => TestTokens.Mint(Roles.CityEditor, "340100"),
            Roles.CountyEditor => TestTokens.CountyEditor("340104"),
            _ => TestTokens.Mint(role),
        };
        var before = await world.OutboxCountAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => world.Projects.RepublishStateAsync(new RepublishStateRequest(), Options(token)).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal(before, await world.OutboxCountAsync());
    }

    [Fact]
    public async Task RepublishState_OfATypeTheServiceDoesNotOwn_IsInvalidArgumentOnTheType_AndRaisesNothing()
    {
        var before = await world.OutboxCountAsync();
        var request = new RepublishStateRequest { ResourceTypes = { "industry.anhui.gov.cn/Project", "industry.anhui.gov.cn/Park" } };

        var error = await Assert.ThrowsAsync<RpcException>(() => world.Projects.RepublishStateAsync(request, Options(TestTokens.Admin)).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("resource_types[1]", error.GetRpcStatus()?.GetDetail<Google.Rpc.BadRequest>()?.FieldViolations.Single().Field);
        Assert.Equal(before, await world.OutboxCountAsync());
    }

    [Fact]
    public async Task RepublishState_OfOneType_RaisesThatTypeOnly()
    {
        var request = new RepublishStateRequest { ResourceTypes = { "industry.anhui.gov.cn/Plan" } };

        var answer = await world.Projects.RepublishStateAsync(request, Options(TestTokens.Admin));

        Assert.Equal([("industry.anhui.gov.cn/Plan", 1L)], answer.RepublishedTypes.Select(t => (t.ResourceType, t.SnapshotCount)));
    }

    /// <summary>
    /// A late consumer as docs/events.md describes it: the history's replay from position 0, each project applied only
    /// at a version above the one it holds, until <paramref name="count"/> projects are held.
    /// </summary>
    private static async Task<Dictionary<string, ProjectSnapshot>> ReplayProjectsAsync(HistoryService.HistoryServiceClient history, int count)
    {
        var held = new Dictionary<string, ProjectSnapshot>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var request = new StreamEventsRequest { EventTypes = { "industry.projects.v1.ProjectSnapshot" } };
        while (held.Count < count && DateTime.UtcNow < deadline)
        {
            using var call = history.StreamEvents(request, Options(TestTokens.Viewer));
            await foreach (var stored in call.ResponseStream.ReadAllAsync())
            {
                var snapshot = stored.Event.Unpack<ProjectSnapshot>();
                if (!held.TryGetValue(stored.Subject, out var known) || known.Metadata.SubjectVersion < stored.SubjectVersion)
                {
                    held[stored.Subject] = snapshot;
                }

                request.AfterPosition = stored.Position;
            }

            await Task.Delay(300);
        }

        return held;
    }

    private async Task<Dictionary<string, Project>> ListProjectsAsync()
    {
        var projects = new Dictionary<string, Project>();
        var request = new ListProjectsRequest { PageSize = 7 };
        do
        {
            var page = await world.Projects.ListProjectsAsync(request, Options(TestTokens.Viewer));
            foreach (var project in page.Projects)
            {
                projects.Add(project.Name, project);
            }

            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        return projects;
    }

    /// <summary>
    /// The world of these tests: a broker virtual host and databases of their own, the projects service with projects
    /// (some started and reported on) made while nothing but the projects service's own topology existed, then the
    /// history's queues declared (its deployment), the history service itself not yet running. Snapshot batches of 7
    /// rows, so the paging runs across batches of single and composite keys (projects, investment reports).
    /// </summary>
    public sealed class World : IAsyncLifetime
    {
        public const int ProjectCount = 23;
        public const int ReportCount = 12; // two months of each fourth project, i % 4 == 1

        private readonly List<ServiceProcess> _processes = [];
        private BrokerAndDatabase _infrastructure = null!;
        private Dictionary<string, string> _broker = null!;
        private GrpcChannel _projects = null!;
        private GrpcChannel? _history;
        private string _projectsDatabase = string.Empty;

        public ProjectService.ProjectServiceClient Projects => new(_projects);

        public async Task InitializeAsync()
        {
            _infrastructure = await BrokerAndDatabase.StartAsync();
            _broker = new Dictionary<string, string>(_infrastructure.RabbitMqEnvironment(await _infrastructure.CreateVirtualHostAsync("e2e-republish")));
            await ServiceCommand.RunAsync("projects", "Industry.Projects", _broker, "--deploy-topology");
            _projectsDatabase = await _infrastructure.CreateDatabaseAsync("e2e_republish_projects");
            var projects = Start("projects", "Industry.Projects", new Dictionary<string, string>
            {
                ["ConnectionStrings__projects"] = _projectsDatabase,
                ["Outbox__SnapshotBatchSize"] = "7",
                [SuiteProcesses.ReminderJobSwitch] = "false",
            });
            await projects.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
            _projects = TestTokens.Channel(projects.GrpcAddress, TestTokens.Admin);
            await SeedAsync();
            await ServiceCommand.RunAsync("history", "Industry.History", _broker, "--deploy-topology");
        }

        /// <summary>Starts the history service on a database of its own, after the republication.</summary>
        public async Task<HistoryService.HistoryServiceClient> StartHistoryAsync()
        {
            var history = Start("history", "Industry.History", new Dictionary<string, string>
            {
                ["ConnectionStrings__history"] = await _infrastructure.CreateDatabaseAsync("e2e_republish_history"),
            });
            await history.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
            _history = TestTokens.Channel(history.GrpcAddress);
            return new HistoryService.HistoryServiceClient(_history);
        }

        /// <summary>The projects service's outbox rows (of one event type when given).</summary>
        public async Task<long> OutboxCountAsync(string? eventType = null)
        {
            await using var connection = new NpgsqlConnection(_projectsDatabase);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT count(*) FROM outbox_messages WHERE @type IS NULL OR event_type = @type", connection);
            command.Parameters.Add(new NpgsqlParameter<string?>("type", NpgsqlTypes.NpgsqlDbType.Text) { TypedValue = eventType });
            return (long)(await command.ExecuteScalarAsync())!;
        }

        public async Task DisposeAsync()
        {
            _projects?.Dispose();
            _history?.Dispose();
            await Task.WhenAll(_processes.Select(p => p.DisposeAsync().AsTask()));
            if (_infrastructure is not null)
            {
                await _infrastructure.DisposeAsync();
            }
        }

        private ServiceProcess Start(string name, string assembly, Dictionary<string, string> settings)
        {
            var environment = new Dictionary<string, string>(_broker);
            foreach (var (key, value) in settings)
            {
                environment[key] = value;
            }

            var process = ServiceProcess.Start(name, name, assembly, environment);
            _processes.Add(process);
            return process;
        }

        /// <summary>Projects at versions 1 to 4: some created only, some started, some started with two months reported.</summary>
        private async Task SeedAsync()
        {
            var started = new Google.Type.Date { Year = 2024, Month = 2, Day = 1 };
            for (var i = 0; i < ProjectCount; i++)
            {
                var project = await Projects.CreateProjectAsync(new CreateProjectRequest { Project = AuthorizationMatrixTests.NewProject("340104") });
                if (i % 2 == 1)
                {
                    project = await Projects.TransitionProjectAsync(new TransitionProjectRequest { Name = project.Name, State = ProjectState.UnderConstruction, Date = started });
                }

                if (i % 4 == 1)
                {
                    await Projects.ReportInvestmentAsync(new ReportInvestmentRequest { Parent = project.Name, Period = "2024-03", CompletedInvestmentYuan = 10_000_000 + i });
                    await Projects.ReportInvestmentAsync(new ReportInvestmentRequest { Parent = project.Name, Period = "2024-04", CompletedInvestmentYuan = 20_000_000 + i });
                }
            }
        }
    }
}
