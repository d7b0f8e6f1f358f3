using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Industry.Projects.V1;
using Industry.ServiceDefaults.Security;
using Industry.TestInfrastructure;
using static Industry.IntegrationTests.Projects.FakeReferenceServices;

namespace Industry.IntegrationTests.Projects;

/// <summary>
/// The city rule of a project's references (ADR 0017), as the Hefei editor who found the hole would try it: a Hefei
/// project naming a Wuhu park or a Wuhu-led cluster, by create, update and import, is PERMISSION_DENIED
/// (<c>OUTSIDE_CALLER_CITY</c>) and stores nothing, read back as a province admin; the same call with Hefei's own park
/// and cluster goes through. A province admin may name a cluster of another city but, like everybody, not a park of
/// another city than the project's.
/// </summary>
public sealed class ReferenceCityRuleApiTests(ProjectsServiceFixture service) : IClassFixture<ProjectsServiceFixture>
{
    private const string HefeiCounty = "340104";
    private const string WuhuCounty = "340202";

    private static int _serial = 710_000;

    private static readonly Metadata HefeiEditor = TestTokens.Bearer(TestTokens.Mint(Roles.CityEditor, Hefei, subject: "hefei-editor"));

    /// <summary>A province admin's channel: what is really stored.</summary>
    private ProjectService.ProjectServiceClient Admin => new(service.Channel);

    private static CallOptions AsEditor => new(headers: HefeiEditor, deadline: DateTime.UtcNow.AddSeconds(15));

    private static CallOptions AsAdmin => new(deadline: DateTime.UtcNow.AddSeconds(15));

    public static TheoryData<string, string, string> OtherCityReferences => new()
    {
        { HefeiEv, WuhuEcon, "project.park" },
        { WuhuRobot, HefeiHitech, "project.cluster" }, // led by Wuhu, recognised at provincial level: still Wuhu's
        { NoCity, HefeiHitech, "project.cluster" },
    };

    [Theory]
    [MemberData(nameof(OtherCityReferences))]
    public async Task CreateProject_HefeiEditorNamingAnotherCitysReference_IsOutsideCallerCityAndStoresNothing(string cluster, string park, string field)
    {
        var project = NewProject(HefeiCounty, cluster, park);

        var error = await Assert.ThrowsAsync<RpcException>(() => Admin.CreateProjectAsync(new CreateProjectRequest { Project = project }, AsEditor).ResponseAsync);

        AssertOutsideCallerCity(error, field);
        await AssertNothingStoredAsync(project);
    }

    [Fact]
    public async Task CreateProject_HefeiEditorNamingHefeisParkAndItsNationalCluster_IsStored()
    {
        var created = await Admin.CreateProjectAsync(new CreateProjectRequest { Project = NewProject(HefeiCounty, HefeiEv, HefeiHitech) }, AsEditor);

        var stored = await Admin.GetProjectAsync(new GetProjectRequest { Name = created.Name }, AsAdmin);
        Assert.Equal((HefeiEv, HefeiHitech, "hefei-editor"), (stored.Cluster, stored.Park, stored.UpdateActor));
    }

    [Fact]
    public async Task CreateProject_HefeiEditorNamingAnAbsentPark_IsStillReferenceNotFound()
    {
        var project = NewProject(HefeiCounty, park: "parks/no-such-park");

        var error = await Assert.ThrowsAsync<RpcException>(() => Admin.CreateProjectAsync(new CreateProjectRequest { Project = project }, AsEditor).ResponseAsync);

        Assert.Equal((StatusCode.FailedPrecondition, "REFERENCE_NOT_FOUND"), (error.StatusCode, Reason(error)));
        await AssertNothingStoredAsync(project);
    }

    [Theory]
    [InlineData("park", WuhuEcon, "project.park")]
    [InlineData("cluster", WuhuRobot, "project.cluster")]
    public async Task UpdateProject_HefeiEditorChangingAReferenceToWuhus_IsOutsideCallerCityAndChangesNothing(string path, string reference, string field)
    {
        var created = await Admin.CreateProjectAsync(new CreateProjectRequest { Project = NewProject(HefeiCounty, HefeiEv, HefeiHitech) }, AsEditor);
        var change = new Project { Name = created.Name, Etag = created.Etag, DisplayName = "不应保存" };
        if (path == "park")
        {
            change.Park = reference;
        }
        else
        {
            change.Cluster = reference;
        }

        var error = await Assert.ThrowsAsync<RpcException>(() => Admin.UpdateProjectAsync(
            new UpdateProjectRequest { Project = change, UpdateMask = new FieldMask { Paths = { path, "display_name" } } }, AsEditor).ResponseAsync);

        AssertOutsideCallerCity(error, field);
        Assert.Equal(created, await Admin.GetProjectAsync(new GetProjectRequest { Name = created.Name }, AsAdmin));
        await AssertNoUpdateEventAsync(created);
    }

    [Fact]
    public async Task UpdateProject_HefeiEditorMovingWithinHefei_KeepsItsReferencesUnchecked()
    {
        var created = await Admin.CreateProjectAsync(new CreateProjectRequest { Project = NewProject(HefeiCounty, HefeiEv, HefeiHitech) }, AsEditor);
        var calls = service.References.Calls.CountFor(HefeiHitech);

        var updated = await Admin.UpdateProjectAsync(new UpdateProjectRequest
        {
            Project = new Project { Name = created.Name, CountyCode = "340102" },
            UpdateMask = new FieldMask { Paths = { "county_code" } },
        }, AsEditor);

        Assert.Equal(("340102", HefeiHitech), (updated.CountyCode, updated.Park));
        Assert.Equal(calls, service.References.Calls.CountFor(HefeiHitech));
    }

    [Fact]
    public async Task UpdateProject_AdminMovingAProjectToWuhuButKeepingItsHefeiPark_IsFailedPreconditionAndChangesNothing()
    {
        var created = await Admin.CreateProjectAsync(new CreateProjectRequest { Project = NewProject(HefeiCounty, HefeiEv, HefeiHitech) }, AsAdmin);

        var error = await Assert.ThrowsAsync<RpcException>(() => Admin.UpdateProjectAsync(new UpdateProjectRequest
        {
            Project = new Project { Name = created.Name, CountyCode = WuhuCounty },
            UpdateMask = new FieldMask { Paths = { "county_code" } },
        }, AsAdmin).ResponseAsync);

        Assert.Equal((StatusCode.FailedPrecondition, "PARK_IN_ANOTHER_CITY"), (error.StatusCode, Reason(error)));
        Assert.Equal("project.park", Assert.Single(error.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations).Subject);
        Assert.Equal(created, await Admin.GetProjectAsync(new GetProjectRequest { Name = created.Name }, AsAdmin));
    }

    [Fact]
    public async Task UpdateProject_AdminMovingAProjectToWuhuWithAWuhuPark_IsStoredAndKeepsItsHefeiLedCluster()
    {
        var created = await Admin.CreateProjectAsync(new CreateProjectRequest { Project = NewProject(HefeiCounty, HefeiEv, HefeiHitech) }, AsAdmin);

        var updated = await Admin.UpdateProjectAsync(new UpdateProjectRequest
        {
            Project = new Project { Name = created.Name, CountyCode = WuhuCounty, Park = WuhuEcon },
            UpdateMask = new FieldMask { Paths = { "county_code", "park" } },
        }, AsAdmin);

        Assert.Equal((Wuhu, WuhuEcon, HefeiEv), (updated.CityCode, updated.Park, updated.Cluster));
    }

    [Fact]
    public async Task CreateProject_AdminNamingAWuhuPark_IsFailedPreconditionButAWuhuLedCluster_IsStored()
    {
        var farPark = NewProject(HefeiCounty, HefeiEv, WuhuEcon);

        var error = await Assert.ThrowsAsync<RpcException>(() => Admin.CreateProjectAsync(new CreateProjectRequest { Project = farPark }, AsAdmin).ResponseAsync);
        var farCluster = await Admin.CreateProjectAsync(new CreateProjectRequest { Project = NewProject(HefeiCounty, WuhuRobot, HefeiHitech) }, AsAdmin);

        Assert.Equal((StatusCode.FailedPrecondition, "PARK_IN_ANOTHER_CITY"), (error.StatusCode, Reason(error)));
        Assert.Equal(("project.park", "PARK_IN_ANOTHER_CITY"), Assert.Single(error.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations) is var v ? (v.Subject, v.Type) : default);
        await AssertNothingStoredAsync(farPark);
        Assert.Equal(WuhuRobot, farCluster.Cluster);
    }

    [Fact]
    public async Task ImportProjects_HefeiEditorRowsNamingWuhusReferences_FailAloneWhileItsOwnRowsAreStored()
    {
        var existing = await Admin.CreateProjectAsync(new CreateProjectRequest { Project = NewProject(HefeiCounty, HefeiEv, HefeiHitech) }, AsAdmin);
        var own = NewProject(HefeiCounty, HefeiEv, HefeiHitech);
        var wuhuPark = NewProject(HefeiCounty, HefeiEv, WuhuEcon);
        var wuhuCluster = NewProject(HefeiCounty, WuhuRobot, HefeiHitech);
        var noCity = NewProject(HefeiCounty, NoCity);
        var revision = NewProject(HefeiCounty, HefeiEv, WuhuEcon); // the stored project, moved to Wuhu's park
        revision.ProjectCode = existing.ProjectCode;
        var ownAgain = NewProject(HefeiCounty, HefeiEv, HefeiHitech); // after the refused rows: the cache of looked-up names must keep cities

        var response = await ImportAsync(AsEditor, own, wuhuPark, wuhuCluster, noCity, revision, ownAgain);

        Assert.Equal((6, 2, 0, 4), (response.RowCount, response.CreatedCount, response.UpdatedCount, response.FailedCount));
        Assert.Equal([2, 3, 4, 5], response.Failures.Select(f => f.RowNumber));
        Assert.All(response.Failures, f => Assert.Equal(Code.PermissionDenied, f.Code));
        Assert.Equal(["project.park", "project.cluster", "project.cluster", "project.park"], response.Failures.Select(f => f.Message.Split(' ')[0]));
        foreach (var refused in new[] { wuhuPark, wuhuCluster, noCity })
        {
            await AssertNothingStoredAsync(refused);
        }

        Assert.Equal(existing, await Admin.GetProjectAsync(new GetProjectRequest { Name = existing.Name }, AsAdmin));
        await AssertNoUpdateEventAsync(existing);
        var stored = await Admin.GetProjectAsync(new GetProjectRequest { Name = "projects/p-" + ownAgain.ProjectCode }, AsAdmin);
        Assert.Equal((HefeiEv, HefeiHitech), (stored.Cluster, stored.Park));
    }

    [Fact]
    public async Task ImportProjects_AdminRowNamingAWuhuParkForAHefeiProject_FailsAloneWithFailedPrecondition()
    {
        var farPark = NewProject(HefeiCounty, HefeiEv, WuhuEcon);
        var farCluster = NewProject(HefeiCounty, WuhuRobot, HefeiHitech);

        var response = await ImportAsync(AsAdmin, farPark, farCluster);

        Assert.Equal((2, 1, 1), (response.RowCount, response.CreatedCount, response.FailedCount));
        var failure = Assert.Single(response.Failures);
        Assert.Equal((1, Code.FailedPrecondition, "project.park"), (failure.RowNumber, failure.Code, Assert.Single(failure.FieldViolations).Field));
        await AssertNothingStoredAsync(farPark);
    }

    private static Project NewProject(string county, string cluster = "", string park = "") => new()
    {
        DisplayName = "数字化车间改造项目",
        ProjectCode = $"2024-{county}-38-03-{Interlocked.Increment(ref _serial):D6}",
        EnterpriseUscc = "91340000711771143J",
        EnterpriseDisplayName = "科大讯飞股份有限公司",
        CountyCode = county,
        Industry = "AUTO",
        Gbt4754Class = "C3612",
        Nature = ProjectNature.Renovation,
        TotalInvestmentYuan = 500_000_000,
        Cluster = cluster,
        Park = park,
        DigitalTransformation = true,
    };

    private async Task<ImportProjectsResponse> ImportAsync(CallOptions options, params Project[] rows)
    {
        using var call = Admin.ImportProjects(options);
        for (var i = 0; i < rows.Length; i++)
        {
            await call.RequestStream.WriteAsync(new ImportProjectsRequest { RowNumber = i + 1, Project = rows[i] });
        }

        await call.RequestStream.CompleteAsync();
        return await call.ResponseAsync;
    }

    private static void AssertOutsideCallerCity(RpcException error, string field)
    {
        Assert.Equal((StatusCode.PermissionDenied, "OUTSIDE_CALLER_CITY"), (error.StatusCode, Reason(error)));
        var metadata = error.GetRpcStatus()!.GetDetail<ErrorInfo>().Metadata;
        Assert.Equal((field, Hefei), (metadata["field"], metadata["caller_city"]));
    }

    private static string Reason(RpcException error) => error.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason ?? string.Empty;

    private async Task AssertNothingStoredAsync(Project project)
    {
        var absent = await Assert.ThrowsAsync<RpcException>(() =>
            Admin.GetProjectAsync(new GetProjectRequest { Name = "projects/p-" + project.ProjectCode }, AsAdmin).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, absent.StatusCode);
        Assert.Equal(0, await Rows.CountAsync(service.Database, "SELECT count(*) FROM projects WHERE project_code = @value", project.ProjectCode));
        Assert.Equal(0, await Rows.CountAsync(service.Database, "SELECT count(*) FROM outbox_messages WHERE body LIKE '%' || @value || '%'", project.ProjectCode));
    }

    private async Task AssertNoUpdateEventAsync(Project project) =>
        Assert.Equal(0, await Rows.CountAsync(service.Database,
            "SELECT count(*) FROM outbox_messages WHERE subject = @value AND event_type = 'industry.projects.v1.ProjectUpdated'", project.Name));
}
