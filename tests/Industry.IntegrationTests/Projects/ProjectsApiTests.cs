using System.Net;
using System.Text.Json;
using Google.Rpc;
using Grpc.Core;
using Industry.Projects.V1;

namespace Industry.IntegrationTests.Projects;

/// <summary>The project resource over a real gRPC channel and PostgreSQL: every error code, and nothing stored on rejection.</summary>
public sealed class ProjectsApiTests(ProjectsServiceFixture service) : IClassFixture<ProjectsServiceFixture>
{
    private static int _serial = 100_000;

    private ProjectService.ProjectServiceClient Client => new(service.Channel);

    private static CallOptions Deadline => new(deadline: DateTime.UtcNow.AddSeconds(15));

    /// <summary>A valid project with a code no other test uses.</summary>
    private static Project NewProject(long totalYuan = 300_000_000) => new()
    {
        DisplayName = "年产10万台智能家电技术改造项目",
        ProjectCode = $"2024-340104-38-03-{Interlocked.Increment(ref _serial):D6}",
        EnterpriseUscc = "91340000711771143J",
        EnterpriseDisplayName = "科大讯飞股份有限公司",
        CountyCode = "340104",
        Industry = "industries/HOMEAPP",
        Gbt4754Class = "C3851",
        Nature = ProjectNature.Renovation,
        TotalInvestmentYuan = totalYuan,
        EquipmentInvestmentYuan = totalYuan / 2,
    };

    [Fact]
    public async Task CreateProject_Valid_IsReserveWithDerivedFieldsAndReadableById()
    {
        var created = await Client.CreateProjectAsync(new CreateProjectRequest { Project = NewProject(1_200_000_000) }, Deadline);

        Assert.Equal("projects/p-" + created.ProjectCode, created.Name);
        Assert.Equal((ProjectState.Reserve, ProjectTier.Major, "340100"), (created.State, created.Tier, created.CityCode));
        Assert.Equal("industries/HOMEAPP", created.Industry);
        var read = await Client.GetProjectAsync(new GetProjectRequest { Name = created.Name }, Deadline);
        Assert.Equal(created, read);
    }

    [Fact]
    public async Task CreateProject_IndustryAsBareCode_IsAcceptedAndAnsweredAsResourceName()
    {
        var project = NewProject();
        project.Industry = "homeapp";

        var created = await Client.CreateProjectAsync(new CreateProjectRequest { Project = project }, Deadline);

        Assert.Equal("industries/HOMEAPP", created.Industry);
    }

    [Fact]
    public async Task CreateProject_InvalidFields_IsInvalidArgumentWithEveryViolationAndStoresNothing()
    {
        var bad = NewProject();
        bad.EnterpriseUscc = "91340000711771143K";
        bad.CountyCode = "999999";
        bad.EquipmentInvestmentYuan = bad.TotalInvestmentYuan + 1;

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.CreateProjectAsync(new CreateProjectRequest { Project = bad }, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var fields = error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).Order();
        Assert.Equal(["project.county_code", "project.enterprise_uscc", "project.equipment_investment_yuan"], fields);
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM projects WHERE project_code = @value", bad.ProjectCode));
    }

    [Fact]
    public async Task CreateProject_Source_IsKeptFilterableAndChangedOnlyThroughTheMask()
    {
        var project = NewProject();
        project.Source = ProjectSource.WorldManufacturingConvention;
        project.EnterpriseDisplayName = "来源测试企业" + project.ProjectCode;

        var created = await Client.CreateProjectAsync(new CreateProjectRequest { Project = project }, Deadline);
        var listed = await Client.ListProjectsAsync(new ListProjectsRequest { Filter = $"source = PROJECT_SOURCE_WORLD_MANUFACTURING_CONVENTION AND project_code = \"{project.ProjectCode}\"" }, Deadline);
        var cleared = await Client.UpdateProjectAsync(
            new UpdateProjectRequest { Project = new Project { Name = created.Name }, UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "source" } } }, Deadline);

        Assert.Equal(ProjectSource.WorldManufacturingConvention, created.Source);
        Assert.Equal(created, Assert.Single(listed.Projects));
        Assert.Equal(ProjectSource.Unspecified, cleared.Source);
    }

    [Fact]
    public async Task CreateProject_UnknownSource_IsInvalidArgumentOnSourceAndStoresNothing()
    {
        var bad = NewProject();
        bad.Source = (ProjectSource)99;

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.CreateProjectAsync(new CreateProjectRequest { Project = bad }, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("project.source", Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM projects WHERE project_code = @value", bad.ProjectCode));
    }

    [Fact]
    public async Task CreateProject_CodeTaken_IsAlreadyExists()
    {
        var project = NewProject();
        await Client.CreateProjectAsync(new CreateProjectRequest { Project = project }, Deadline);

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.CreateProjectAsync(new CreateProjectRequest { Project = project, ProjectId = "another-id" }, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM projects WHERE project_code = @value", project.ProjectCode));
    }

    [Fact]
    public async Task UpdateProject_StaleEtag_IsAbortedAndChangesNothing()
    {
        var created = await Client.CreateProjectAsync(new CreateProjectRequest { Project = NewProject() }, Deadline);
        await Client.UpdateProjectAsync(new UpdateProjectRequest { Project = new Project { Name = created.Name, DisplayName = "第一次修改" } }, Deadline);

        var stale = new Project { Name = created.Name, DisplayName = "过期的修改", Etag = created.Etag };
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.UpdateProjectAsync(new UpdateProjectRequest { Project = stale }, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.Aborted, error.StatusCode);
        Assert.Equal("第一次修改", (await Client.GetProjectAsync(new GetProjectRequest { Name = created.Name }, Deadline)).DisplayName);
    }

    [Fact]
    public async Task UpdateProject_TotalAboveOneBillion_RecomputesTierAndEmitsOneEvent()
    {
        var created = await Client.CreateProjectAsync(new CreateProjectRequest { Project = NewProject() }, Deadline);

        var updated = await Client.UpdateProjectAsync(new UpdateProjectRequest
        {
            Project = new Project { Name = created.Name, TotalInvestmentYuan = 2_000_000_000, Etag = created.Etag },
            UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "total_investment_yuan" } },
        }, Deadline);

        Assert.Equal(ProjectTier.Major, updated.Tier);
        Assert.Equal(created.DisplayName, updated.DisplayName); // not in the mask: kept
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM outbox_messages WHERE subject = @value AND event_type = 'industry.projects.v1.ProjectUpdated'", created.Name));
    }

    [Fact]
    public async Task TransitionProject_Illegal_IsFailedPreconditionWithAllowedStatesAndChangesNothing()
    {
        var created = await Client.CreateProjectAsync(new CreateProjectRequest { Project = NewProject() }, Deadline);

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.TransitionProjectAsync(new TransitionProjectRequest { Name = created.Name, State = ProjectState.InProduction }, Deadline).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        var info = error.GetRpcStatus()!.GetDetail<ErrorInfo>();
        Assert.Equal("ILLEGAL_STATE_TRANSITION", info.Reason);
        Assert.Equal("PROJECT_STATE_UNDER_CONSTRUCTION,PROJECT_STATE_CANCELLED", info.Metadata["allowed_states"]);
        Assert.Equal(created.Etag, (await Client.GetProjectAsync(new GetProjectRequest { Name = created.Name }, Deadline)).Etag);
    }

    [Fact]
    public async Task TransitionProject_Start_RecordsActualStartAndEmitsStateChanged()
    {
        var created = await Client.CreateProjectAsync(new CreateProjectRequest { Project = NewProject() }, Deadline);

        var started = await Client.TransitionProjectAsync(new TransitionProjectRequest { Name = created.Name, State = ProjectState.UnderConstruction, Etag = created.Etag }, Deadline);

        Assert.Equal(ProjectState.UnderConstruction, started.State);
        Assert.NotNull(started.ActualStartDate);
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM outbox_messages WHERE subject = @value AND event_type = 'industry.projects.v1.ProjectStateChanged'", created.Name));
    }

    [Fact]
    public async Task DeleteProject_Existing_IsGoneAndSecondDeleteIsNotFound()
    {
        var created = await Client.CreateProjectAsync(new CreateProjectRequest { Project = NewProject() }, Deadline);

        await Client.DeleteProjectAsync(new DeleteProjectRequest { Name = created.Name, Etag = created.Etag }, Deadline);

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.DeleteProjectAsync(new DeleteProjectRequest { Name = created.Name }, Deadline).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task GetProject_OverJsonRest_ReturnsTheProjectWithInt64AsStrings()
    {
        var created = await Client.CreateProjectAsync(new CreateProjectRequest { Project = NewProject() }, Deadline);

        using var response = await service.Http.GetAsync(new Uri("/v1/" + created.Name, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(created.ProjectCode, json.RootElement.GetProperty("projectCode").GetString());
        Assert.Equal("300000000", json.RootElement.GetProperty("totalInvestmentYuan").GetString());
        Assert.Equal("PROJECT_STATE_RESERVE", json.RootElement.GetProperty("state").GetString());
    }

    [Fact]
    public async Task CreateProject_UnderTheIdOfADeletedProject_ContinuesItsVersionsSoConsumersApplyIt()
    {
        var project = NewProject();
        var first = await Client.CreateProjectAsync(new CreateProjectRequest { Project = project }, Deadline);
        var started = await Client.TransitionProjectAsync(new TransitionProjectRequest { Name = first.Name, State = ProjectState.UnderConstruction }, Deadline);
        await Client.DeleteProjectAsync(new DeleteProjectRequest { Name = first.Name, Etag = started.Etag }, Deadline);

        var again = await Client.CreateProjectAsync(new CreateProjectRequest { Project = project }, Deadline);
        await Client.DeleteProjectAsync(new DeleteProjectRequest { Name = again.Name, Etag = again.Etag }, Deadline);
        using (var import = Client.ImportProjects(Deadline))
        {
            await import.RequestStream.WriteAsync(new ImportProjectsRequest { RowNumber = 2, Project = project });
            await import.RequestStream.CompleteAsync();
            Assert.Equal(1, (await import.ResponseAsync).CreatedCount);
        }

        // Created, started, deleted, created, deleted, imported: a consumer that applied the deletion (version 3) applies
        // the re-creation only because it comes as version 4, and the import's as 6.
        Assert.Equal(first.Name, again.Name);
        Assert.Equal([1L, 2, 3, 4, 5, 6], await Rows.ColumnAsync<long>(service.Database, "SELECT subject_version FROM outbox_messages WHERE subject = @value ORDER BY id", first.Name));
    }

    private Task<long> CountAsync(string sql, string parameter) => Rows.CountAsync(service.Database, sql, parameter);
}
