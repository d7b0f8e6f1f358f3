using Grpc.Core;
using Industry.Clusters.V1;
using Industry.Parks.V1;
using Industry.Projects.V1;
using Industry.ServiceDefaults.Security;
using Industry.TestInfrastructure;

namespace Industry.EndToEndTests;

/// <summary>
/// What the generated matrix (<see cref="AccessMatrixTests"/>) does not check: that the calls a role may make succeed
/// in full (the matrix only sees them pass authorization), and the city rules' finer points: moves out of a city,
/// probing absent ids, the actor recorded.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class AuthorizationMatrixTests(SuiteFixture fixture)
{
    private const string HefeiCounty = "340104"; // 蜀山区, city 340100
    private const string WuhuCounty = "340202"; // 镜湖区, city 340200

    private static int _serial = Random.Shared.Next(100_000, 800_000);

    private static readonly Dictionary<string, string> Tokens = new()
    {
        [Roles.Viewer] = TestTokens.Mint(Roles.Viewer),
        [Roles.CityEditor] = TestTokens.Mint(Roles.CityEditor, "340100"),
        [Roles.ProvinceAdmin] = TestTokens.Admin,
    };

    public static TheoryData<string, string, StatusCode> Matrix => new()
    {
        { Roles.Viewer, "read", StatusCode.OK },
        { Roles.CityEditor, "read", StatusCode.OK },
        { Roles.ProvinceAdmin, "read", StatusCode.OK },
        { Roles.CityEditor, "own-city write", StatusCode.OK },
        { Roles.ProvinceAdmin, "own-city write", StatusCode.OK },
        { Roles.ProvinceAdmin, "other-city write", StatusCode.OK },
        { Roles.ProvinceAdmin, "admin-only write", StatusCode.OK },
    };

    private ProjectService.ProjectServiceClient Projects => new(fixture.Gateway);

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Family_ThroughGateway_HasTheRolesStatus(string role, string family, StatusCode expected)
    {
        var headers = TestTokens.Bearer(Tokens[role]);
        var status = await StatusOf(family switch
        {
            "read" => ReadAllAsync(headers),
            "own-city write" => Projects.CreateProjectAsync(new CreateProjectRequest { Project = NewProject(HefeiCounty) }, headers).ResponseAsync,
            "other-city write" => Projects.CreateProjectAsync(new CreateProjectRequest { Project = NewProject(WuhuCounty) }, headers).ResponseAsync,
            _ => new ClusterService.ClusterServiceClient(fixture.Gateway).CreateClusterAsync(new CreateClusterRequest { Cluster = NewCluster() }, headers).ResponseAsync,
        });

        Assert.Equal(expected, status);
    }

    [Fact]
    public async Task CityEditor_WritingAnotherCitysProject_IsDeniedAndChangesNothing()
    {
        var wuhu = await Projects.CreateProjectAsync(new CreateProjectRequest { Project = NewProject(WuhuCounty) });
        var editor = TestTokens.Bearer(Tokens[Roles.CityEditor]);

        var update = await Assert.ThrowsAsync<RpcException>(() => Projects.UpdateProjectAsync(
            new UpdateProjectRequest { Project = new Project { Name = wuhu.Name, DisplayName = "改名", Etag = wuhu.Etag }, UpdateMask = new() { Paths = { "display_name" } } }, editor).ResponseAsync);
        var report = await Assert.ThrowsAsync<RpcException>(() => Projects.ReportInvestmentAsync(
            new ReportInvestmentRequest { Parent = wuhu.Name, Period = "2024-01", CompletedInvestmentYuan = 1_000_000 }, editor).ResponseAsync);
        var moveIn = await Projects.CreateProjectAsync(new CreateProjectRequest { Project = NewProject(HefeiCounty) }, editor);
        var moveOut = await Assert.ThrowsAsync<RpcException>(() => Projects.UpdateProjectAsync(
            new UpdateProjectRequest { Project = new Project { Name = moveIn.Name, CountyCode = WuhuCounty, Etag = moveIn.Etag }, UpdateMask = new() { Paths = { "county_code" } } }, editor).ResponseAsync);

        Assert.All([update, report, moveOut], e => Assert.Equal(StatusCode.PermissionDenied, e.StatusCode));
        Assert.Equal("OUTSIDE_CALLER_CITY", Errors.ReasonOf(update));
        Assert.Equal(wuhu.Etag, (await Projects.GetProjectAsync(new GetProjectRequest { Name = wuhu.Name })).Etag);
        Assert.Equal(moveIn.Etag, (await Projects.GetProjectAsync(new GetProjectRequest { Name = moveIn.Name })).Etag);
    }

    [Fact]
    public async Task CityEditor_ProbingAnAbsentId_IsDeniedLikeAnotherCitysProject_WhileAdminSeesNotFound()
    {
        var absent = new TransitionProjectRequest { Name = "projects/p-absent-" + Guid.NewGuid().ToString("N"), State = ProjectState.UnderConstruction };

        var editor = await Assert.ThrowsAsync<RpcException>(() => Projects.TransitionProjectAsync(absent, TestTokens.Bearer(Tokens[Roles.CityEditor])).ResponseAsync);
        var admin = await Assert.ThrowsAsync<RpcException>(() => Projects.TransitionProjectAsync(absent).ResponseAsync);

        Assert.Equal((StatusCode.PermissionDenied, "OUTSIDE_CALLER_CITY"), (editor.StatusCode, Errors.ReasonOf(editor)));
        Assert.Equal(StatusCode.NotFound, admin.StatusCode);
    }

    [Fact]
    public async Task CityEditor_Write_RecordsItsSubjectAsTheActor()
    {
        var token = TestTokens.Mint(Roles.CityEditor, "340100", subject: "hefei-editor-7");

        var project = await Projects.CreateProjectAsync(new CreateProjectRequest { Project = NewProject(HefeiCounty) }, TestTokens.Bearer(token));

        Assert.Equal("hefei-editor-7", project.UpdateActor);
    }

    private static async Task<StatusCode> StatusOf(Task call)
    {
        try
        {
            await call;
            return StatusCode.OK;
        }
        catch (RpcException ex)
        {
            return ex.StatusCode;
        }
    }

    private Task ReadAllAsync(Metadata headers) => Task.WhenAll(
        Projects.ListProjectsAsync(new ListProjectsRequest { PageSize = 1 }, headers).ResponseAsync,
        new ClusterService.ClusterServiceClient(fixture.Gateway).ListClustersAsync(new ListClustersRequest { PageSize = 1 }, headers).ResponseAsync,
        new ParkService.ParkServiceClient(fixture.Gateway).ListParksAsync(new ListParksRequest { PageSize = 1 }, headers).ResponseAsync);

    internal static Project NewProject(string county) => new()
    {
        DisplayName = "权限矩阵技改项目",
        ProjectCode = $"2024-{county}-39-03-{Interlocked.Increment(ref _serial):D6}",
        EnterpriseUscc = "91340000711771143J",
        EnterpriseDisplayName = "科大讯飞股份有限公司",
        CountyCode = county,
        Industry = "IT",
        Gbt4754Class = "C3971",
        Nature = ProjectNature.Renovation,
        TotalInvestmentYuan = 150_000_000,
    };

    internal static Cluster NewCluster() => new()
    {
        DisplayName = "权限矩阵集群",
        Kind = ClusterKind.AdvancedManufacturing,
        Industry = "industries/IT",
        LeadDivisionCode = HefeiCounty,
    };
}
