using Grpc.Net.Client;
using Industry.Clusters.V1;
using Industry.Parks.V1;
using Industry.Projects.V1;

namespace Industry.EndToEndTests.AccessMatrix;

/// <summary>
/// A resource of every kind a city write can aim at, all in one city, created by a province admin before the matrix
/// runs, by the resource type its descriptor names (<c>google.api.resource</c>, <c>google.api.resource_reference</c>).
/// </summary>
internal sealed record CityResources(string City, string County, IReadOnlyDictionary<string, string> ByType)
{
    public const string CityA = "340100"; // 合肥 Hefei: the city editor's own

    public const string CityB = "340200"; // 芜湖 Wuhu

    public const string CountyA = "340104"; // 蜀山区 Shushan, Hefei: the county editor's own

    public const string OtherCountyOfA = "340103"; // 庐阳区 Luyang, Hefei: the county editor's city, not its county

    /// <summary>The enterprise of each city's transformation (a valid unified social credit code).</summary>
    public const string Uscc = "91340100000000003N";

    private const string Domain = "industry.anhui.gov.cn/";

    public string? NameOf(string resourceType) => ByType.GetValueOrDefault(resourceType);

    public string Project => ByType[Domain + "Project"];

    public string Park => ByType[Domain + "Park"];

    public override string ToString() => County == CountyA || City == CityB ? City : $"{City}/{County}";

    /// <summary>
    /// A started project with a report for 2024-01, a park, another park with a transformation, and an enterprise with a
    /// per-mu evaluation of 2023, in <paramref name="county"/>'s city.
    /// </summary>
    public static async Task<CityResources> CreateAsync(GrpcChannel admin, string city, string county)
    {
        var projects = new ProjectService.ProjectServiceClient(admin);
        var parks = new ParkService.ParkServiceClient(admin);
        var project = await projects.CreateProjectAsync(new CreateProjectRequest { Project = AuthorizationMatrixTests.NewProject(county) });
        await projects.TransitionProjectAsync(new TransitionProjectRequest
        {
            Name = project.Name,
            State = ProjectState.UnderConstruction,
            Date = new Google.Type.Date { Year = 2024, Month = 1, Day = 15 },
        });
        var report = await projects.ReportInvestmentAsync(new ReportInvestmentRequest { Parent = project.Name, Period = "2024-01", CompletedInvestmentYuan = 1_000_000 });
        var park = await parks.CreateParkAsync(new CreateParkRequest { Park = NewPark(county) });
        // The transformation lives in a park of its own: a park with none can be deleted, so a delete that should be
        // refused and is not shows in the stored state.
        var transformationPark = await parks.CreateParkAsync(new CreateParkRequest { Park = NewPark(county) });
        var transformation = await parks.RecordTransformationAsync(new RecordTransformationRequest
        {
            Parent = transformationPark.Name,
            EnterpriseUscc = Uscc,
            EnterpriseDisplayName = "权限矩阵企业",
            Level = TransformationLevel.DigitalWorkshop,
            Year = 2024,
        });

        var clusters = new ClusterService.ClusterServiceClient(admin);
        var enterprise = await clusters.CreateEnterpriseAsync(new CreateEnterpriseRequest
        {
            Enterprise = new Enterprise { Uscc = Spreadsheets.SpreadsheetExportTests.NewUscc(), DisplayName = "权限矩阵亩均企业", CountyCode = county, Gbt4754Class = "C3841" },
        });
        var evaluation = await clusters.CreatePerMuEvaluationAsync(new CreatePerMuEvaluationRequest { Parent = enterprise.Name, PerMuEvaluation = NewPerMuEvaluation(2023) });

        return new CityResources(city, county, new Dictionary<string, string>
        {
            [Domain + "Enterprise"] = enterprise.Name,
            [Domain + "PerMuEvaluation"] = evaluation.Name,
            [Domain + "Project"] = project.Name,
            [Domain + "InvestmentReport"] = report.Name,
            [Domain + "Park"] = park.Name,
            [Domain + "Transformation"] = transformation.Name,
        });
    }

    public static PerMuEvaluation NewPerMuEvaluation(int year) =>
        new() { Year = year, Grade = PerMuGrade.B, LandAreaMu = 120.5, TaxYuan = 6_000_000, RevenueYuan = 300_000_000 };

    public static Park NewPark(string county) => new()
    {
        DisplayName = "权限矩阵示范园区",
        CountyCode = county,
        ParkType = ParkType.NationalHighTechZone,
        LeadIndustry = "industries/IT",
        AboveSizeEnterpriseCount = 50,
    };
}
