using Grpc.Core;
using Industry.Parks.V1;
using Industry.Projects.V1;
using Industry.ServiceDefaults.Reference;
using Industry.ServiceDefaults.Security;
using Industry.TestInfrastructure;

namespace Industry.EndToEndTests;

/// <summary>
/// The attack that opened ADR 0017, replayed through the gateway: a Hefei city editor names a certified Wuhu park in a
/// Hefei digital-transformation project (by create, by update, by import) and completes what it could store. Every way
/// in is refused with <c>OUTSIDE_CALLER_CITY</c>, and Wuhu's digital progress does not move, while the editor's own
/// project in a Hefei park is recorded as usual (which also shows the parks service has consumed the editor's events).
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class ReferenceCityAttackTests(SuiteFixture fixture)
{
    private const string HefeiCounty = "340104";
    private const string WuhuCounty = "340202";
    private const string Wuhu = "340200";
    private const int Year = 2024;

    private static int _serial = Random.Shared.Next(100_000, 800_000);

    private static readonly Metadata HefeiEditor = TestTokens.Bearer(TestTokens.Mint(Roles.CityEditor, "340100", subject: "hefei-attacker"));

    private ProjectService.ProjectServiceClient Projects => new(fixture.Gateway);

    private ParkService.ParkServiceClient Parks => new(fixture.Gateway);

    private static CallOptions AsEditor => new(headers: HefeiEditor, deadline: DateTime.UtcNow.AddSeconds(30));

    private static CallOptions AsAdmin => new(deadline: DateTime.UtcNow.AddSeconds(30));

    [Fact]
    public async Task HefeiEditor_NamingAWuhuParkInADigitalProject_IsRefusedEveryWayAndWuhusProgressStays()
    {
        var wuhuPark = await CertifiedParkAsync("芜湖经济技术开发区", WuhuCounty);
        var hefeiPark = await CertifiedParkAsync("合肥高新技术产业开发区", HefeiCounty);
        var before = await WuhuProgressAsync();
        var uscc = NewUscc();

        // The attack as found: create the Hefei project in Wuhu's park.
        var create = await Assert.ThrowsAsync<RpcException>(() =>
            Projects.CreateProjectAsync(new CreateProjectRequest { Project = NewProject(uscc, wuhuPark.Name) }, AsEditor).ResponseAsync);

        // The detours: store it without a park, then move it into Wuhu's park; or import it there.
        var project = await Projects.CreateProjectAsync(new CreateProjectRequest { Project = NewProject(uscc, park: string.Empty) }, AsEditor);
        var update = await Assert.ThrowsAsync<RpcException>(() => Projects.UpdateProjectAsync(new UpdateProjectRequest
        {
            Project = new Project { Name = project.Name, Park = wuhuPark.Name, Etag = project.Etag },
            UpdateMask = new() { Paths = { "park" } },
        }, AsEditor).ResponseAsync);
        var import = await ImportAsync(NewProject(uscc, wuhuPark.Name));
        await CompleteAsync(project);

        // Then a legitimate one in Hefei's park, completed after: once it is recorded, the earlier events were consumed.
        var ownUscc = NewUscc();
        var own = await Projects.CreateProjectAsync(new CreateProjectRequest { Project = NewProject(ownUscc, hefeiPark.Name) }, AsEditor);
        await CompleteAsync(own);
        await WaitForTransformationAsync($"{hefeiPark.Name}/transformations/{ownUscc}");

        Assert.All([create, update], e => Assert.Equal((StatusCode.PermissionDenied, "OUTSIDE_CALLER_CITY"), (e.StatusCode, Errors.ReasonOf(e))));
        Assert.Equal((1, 0, 1), (import.RowCount, import.CreatedCount, import.FailedCount));
        Assert.Equal(Google.Rpc.Code.PermissionDenied, Assert.Single(import.Failures).Code);
        Assert.Equal(string.Empty, (await Projects.GetProjectAsync(new GetProjectRequest { Name = project.Name }, AsAdmin)).Park);
        Assert.Empty((await Parks.ListTransformationsAsync(new ListTransformationsRequest { Parent = wuhuPark.Name }, AsAdmin)).Transformations);
        Assert.Equal(before, await WuhuProgressAsync());
    }

    private async Task<Park> CertifiedParkAsync(string displayName, string county)
    {
        var park = await Parks.CreateParkAsync(new CreateParkRequest
        {
            Park = new Park { DisplayName = displayName, CountyCode = county, ParkType = ParkType.NationalDevelopmentZone, LeadIndustry = "industries/IT", AboveSizeEnterpriseCount = 100 },
        }, AsAdmin);
        await Parks.SubmitParkAsync(new SubmitParkRequest { Name = park.Name }, AsAdmin);
        return await Parks.CertifyParkAsync(new CertifyParkRequest { Name = park.Name, Year = Year - 1, Batch = 1 }, AsAdmin);
    }

    /// <summary>Wuhu's figures of the year (the province's would move with the legitimate Hefei project).</summary>
    private async Task<(int Enterprises, int Workshops)> WuhuProgressAsync()
    {
        var progress = await Parks.GetDigitalProgressAsync(new GetDigitalProgressRequest { Year = Year }, AsAdmin);
        var wuhu = progress.Cities.SingleOrDefault(c => c.CityCode == Wuhu);
        return (wuhu?.EnterprisesTransformed?.Actual ?? 0, wuhu?.WorkshopsFactoriesLeaders?.Actual ?? 0);
    }

    private async Task<ImportProjectsResponse> ImportAsync(Project row)
    {
        using var call = Projects.ImportProjects(AsEditor);
        await call.RequestStream.WriteAsync(new ImportProjectsRequest { RowNumber = 2, Project = row });
        await call.RequestStream.CompleteAsync();
        return await call.ResponseAsync;
    }

    private async Task CompleteAsync(Project project)
    {
        await Projects.TransitionProjectAsync(Transition(project.Name, ProjectState.UnderConstruction, 1, 15), AsEditor);
        await Projects.TransitionProjectAsync(Transition(project.Name, ProjectState.Completed, 6, 30), AsEditor);
    }

    private async Task WaitForTransformationAsync(string name)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                await Parks.GetTransformationAsync(new GetTransformationRequest { Name = name }, AsAdmin);
                return;
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }

    private static TransitionProjectRequest Transition(string name, ProjectState state, int month, int day) => new()
    {
        Name = name,
        State = state,
        Date = new Google.Type.Date { Year = Year, Month = month, Day = day },
    };

    private static string NewUscc()
    {
        var first17 = $"91340100{Interlocked.Increment(ref _serial) + 100_000_000:D9}";
        return first17 + Uscc.CheckCharacter(first17);
    }

    private static Project NewProject(string uscc, string park) => new()
    {
        DisplayName = "智能工厂数字化改造项目",
        ProjectCode = $"2024-{HefeiCounty}-16-03-{Interlocked.Increment(ref _serial) % 1_000_000:D6}",
        EnterpriseUscc = uscc,
        EnterpriseDisplayName = "数字化改造示范企业",
        CountyCode = HefeiCounty,
        Industry = "IT",
        Gbt4754Class = "C3971",
        Nature = ProjectNature.Renovation,
        TotalInvestmentYuan = 150_000_000,
        Park = park,
        DigitalTransformation = true,
    };
}
