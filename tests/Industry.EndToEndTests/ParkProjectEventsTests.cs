using Grpc.Core;
using Grpc.Net.Client;
using Industry.Parks.V1;
using Industry.Projects.V1;
using Industry.TestInfrastructure;

namespace Industry.EndToEndTests;

/// <summary>
/// Issue 6's acceptance across processes: a digital-transformation project in a park, completed in the projects
/// service, becomes a PROJECT transformation of its enterprise in the parks service (outbox → RabbitMQ → inbox).
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class ParkProjectEventsTests(SuiteFixture fixture) : IDisposable
{
    /// <summary>Valid USCCs (check characters computed); each test has a park of its own, so they may repeat across tests.</summary>
    private static readonly string[] Usccs = ["91340100000000001G", "91340100000000002K"];

    private static int _serial = 700_000;

    private readonly GrpcChannel _parks = TestTokens.Channel(fixture.Suite.Parks.GrpcAddress);
    private readonly GrpcChannel _projects = TestTokens.Channel(fixture.Suite.Projects.GrpcAddress);

    private ParkService.ParkServiceClient Parks => new(_parks);

    private ProjectService.ProjectServiceClient Projects => new(_projects);

    private static CallOptions Options => new(deadline: DateTime.UtcNow.AddSeconds(15));

    [Fact]
    public async Task CompletedDigitalProject_InAPark_BecomesAProjectTransformationOfItsEnterprise()
    {
        var park = await CertifiedParkAsync();
        var uscc = Usccs[0];
        var project = await Projects.CreateProjectAsync(new CreateProjectRequest { Project = NewProject(park.Name, uscc, digital: true) }, Options);

        await Projects.TransitionProjectAsync(Transition(project, ProjectState.UnderConstruction, 2024, 1, 15), Options);
        var completed = await Projects.TransitionProjectAsync(Transition(project, ProjectState.Completed, 2024, 6, 30), Options);

        var transformation = await WaitForTransformationAsync($"{park.Name}/transformations/{uscc}");
        Assert.Equal(ProjectState.Completed, completed.State);
        Assert.Equal((TransformationLevel.DigitallyTransformed, 2024, TransformationSource.Project, project.Name), (transformation.Level, transformation.Year, transformation.Source, transformation.Project));
        Assert.Equal(("service:parks", park.CityCode, "数字化改造示范企业"), (transformation.UpdateActor, transformation.CityCode, transformation.EnterpriseDisplayName));
        var stats = await Parks.GetParkStatsAsync(new GetParkStatsRequest { Name = park.Name + "/stats" }, Options);
        Assert.Equal((1, 1), (stats.TransformedEnterprises, stats.DigitallyTransformed));
    }

    [Fact]
    public async Task CompletedProject_NotDigital_RecordsNothing()
    {
        var park = await CertifiedParkAsync();
        var digital = Usccs[0];
        var plain = Usccs[1];
        var plainProject = await Projects.CreateProjectAsync(new CreateProjectRequest { Project = NewProject(park.Name, plain, digital: false) }, Options);
        var digitalProject = await Projects.CreateProjectAsync(new CreateProjectRequest { Project = NewProject(park.Name, digital, digital: true) }, Options);

        foreach (var project in new[] { plainProject, digitalProject })
        {
            await Projects.TransitionProjectAsync(Transition(project, ProjectState.UnderConstruction, 2024, 1, 15), Options);
            await Projects.TransitionProjectAsync(Transition(project, ProjectState.Completed, 2024, 6, 30), Options);
        }

        // The digital project's event is relayed after the plain one's: once it has arrived, the plain one has been seen too.
        await WaitForTransformationAsync($"{park.Name}/transformations/{digital}");
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Parks.GetTransformationAsync(new GetTransformationRequest { Name = $"{park.Name}/transformations/{plain}" }, Options).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    public void Dispose()
    {
        _parks.Dispose();
        _projects.Dispose();
    }

    private async Task<Park> CertifiedParkAsync()
    {
        var park = await Parks.CreateParkAsync(new CreateParkRequest
        {
            Park = new Park { DisplayName = "合肥高新技术产业开发区", CountyCode = "340104", ParkType = ParkType.NationalHighTechZone, LeadIndustry = "industries/IT", AboveSizeEnterpriseCount = 100 },
        }, Options);
        await Parks.SubmitParkAsync(new SubmitParkRequest { Name = park.Name }, Options);
        return await Parks.CertifyParkAsync(new CertifyParkRequest { Name = park.Name, Year = 2023, Batch = 1 }, Options);
    }

    private async Task<Transformation> WaitForTransformationAsync(string name)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                return await Parks.GetTransformationAsync(new GetTransformationRequest { Name = name }, Options);
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }

    private static Project NewProject(string park, string uscc, bool digital) => new()
    {
        DisplayName = "智能工厂数字化改造项目",
        ProjectCode = $"2024-340104-38-03-{Interlocked.Increment(ref _serial) % 1_000_000:D6}",
        EnterpriseUscc = uscc,
        EnterpriseDisplayName = "数字化改造示范企业",
        CountyCode = "340104",
        Industry = "IT",
        Gbt4754Class = "C3971",
        Nature = ProjectNature.Renovation,
        TotalInvestmentYuan = 150_000_000,
        Park = park,
        DigitalTransformation = digital,
    };

    private static TransitionProjectRequest Transition(Project project, ProjectState state, int year, int month, int day) => new()
    {
        Name = project.Name,
        State = state,
        Date = new Google.Type.Date { Year = year, Month = month, Day = day },
    };
}
