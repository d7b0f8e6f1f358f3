using System.Net;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;
using Industry.Clusters.V1;
using Industry.Overview.V1;
using Industry.Parks.V1;
using Industry.Projects.V1;
using Industry.ServiceDefaults.Reference;
using Industry.ServiceDefaults.Security;
using Industry.TestInfrastructure;

namespace Industry.EndToEndTests;

/// <summary>
/// 一企一档 through the gateway (ADR 0036): an enterprise with a qualification, a cluster membership, two projects (one
/// behind schedule, with approved investment) and a transformation; its profile by gRPC and JSON equals what the raw
/// calls answer, for every role; an unknown enterprise is NOT_FOUND, a malformed name INVALID_ARGUMENT; and with any one
/// service stopped, that section alone is unavailable (on a gateway process of its own).
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class EnterpriseProfileTests(SuiteFixture fixture)
{
    private const string County = "340104";

    private static int _serial = Random.Shared.Next(0, 80_000_000);

    private static readonly SemaphoreSlim Once = new(1, 1);
    private static string? _uscc;

    public static TheoryData<string> EveryRole => new()
    {
        Roles.Viewer,
        Roles.CountyEditor,
        Roles.CityEditor,
        Roles.ProvinceAdmin,
    };

    public static TheoryData<string, string> MalformedNames => new()
    {
        { "empty", "" },
        { "the enterprise's name", "enterprises/91340100MA2N0XXXXX" },
        { "no id", "enterpriseProfiles/" },
        { "a child", $"enterpriseProfiles/{Valid("1")}/projects" },
        { "too short", "enterpriseProfiles/9134010000000001" },
        { "wrong check character", "enterpriseProfiles/" + Valid("2")[..17] + WrongCheck(Valid("2")) },
        { "lower case", "enterpriseProfiles/" + WithLetters().ToLowerInvariant() },
        { "not a USCC character", "enterpriseProfiles/91340100000000000I" },
        { "oversized", "enterpriseProfiles/" + new string('9', 10_000) },
    };

    public static TheoryData<string> Services => new() { "cluster", "projects", "parks" };

    private static CallOptions Admin => new(deadline: DateTime.UtcNow.AddSeconds(30));

    [Fact]
    public async Task Profile_IsWhatTheRawCallsAnswer_ByGrpcAndJson()
    {
        var uscc = await EnterpriseAsync();
        var viewer = new CallOptions(TestTokens.Bearer(TestTokens.Viewer), DateTime.UtcNow.AddSeconds(30));

        var profile = await new OverviewService.OverviewServiceClient(fixture.Gateway)
            .GetEnterpriseProfileAsync(new GetEnterpriseProfileRequest { Name = $"enterpriseProfiles/{uscc}" }, viewer);
        using var json = await fixture.GatewayHttp.GetAsync($"/v1/enterpriseProfiles/{uscc}");
        var fromJson = JsonParser.Default.Parse<EnterpriseProfile>(await json.Content.ReadAsStringAsync());

        var clusters = new ClusterService.ClusterServiceClient(fixture.Gateway);
        var projects = new ProjectService.ProjectServiceClient(fixture.Gateway);
        var parks = new ParkService.ParkServiceClient(fixture.Gateway);
        var enterprise = await clusters.GetEnterpriseAsync(new GetEnterpriseRequest { Name = $"enterprises/{uscc}" }, viewer);
        var filter = $"enterprise_uscc = \"{uscc}\"";
        var raw = (await projects.ListProjectsAsync(new ListProjectsRequest { Filter = filter }, viewer)).Projects;
        var behind = (await projects.ListProjectsAsync(new ListProjectsRequest { Filter = filter + " AND behind_schedule = true" }, viewer)).Projects.Select(p => p.Name).ToHashSet();
        var transformations = (await parks.ListTransformationsAsync(new ListTransformationsRequest { Parent = "parks/-", Filter = filter }, viewer)).Transformations;

        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Equal(Comparable(profile), Comparable(fromJson));
        Assert.Equal(($"enterpriseProfiles/{uscc}", $"enterprises/{uscc}"), (profile.Name, profile.Enterprise));
        Assert.Equal((SectionState.Available, SectionState.Available, SectionState.Available), States(profile));
        Assert.Equal(enterprise, profile.EnterpriseRecord.Enterprise);
        Assert.Equal((1, 1), (enterprise.Qualifications.Count, enterprise.Clusters.Count));
        Assert.Equal(raw, profile.Projects.Projects.Select(p => p.Project));
        Assert.Equal(2, raw.Count);
        Assert.Equal(raw.Select(p => p.CumulativeCompletedInvestmentYuan * 100.0 / p.TotalInvestmentYuan), profile.Projects.Projects.Select(p => p.CompletedPercent));
        Assert.Equal(raw.Select(p => behind.Contains(p.Name)), profile.Projects.Projects.Select(p => p.BehindSchedule));
        Assert.Single(behind);
        Assert.Equal(
            (raw.Sum(p => p.TotalInvestmentYuan), raw.Sum(p => p.CumulativeCompletedInvestmentYuan), behind.Count),
            (profile.Projects.TotalInvestmentYuan, profile.Projects.CumulativeCompletedInvestmentYuan, profile.Projects.BehindScheduleCount));
        Assert.True(profile.Projects.CumulativeCompletedInvestmentYuan > 0);
        Assert.Equal(raw.Sum(p => p.CumulativeCompletedInvestmentYuan) * 100.0 / raw.Sum(p => p.TotalInvestmentYuan), profile.Projects.CompletedPercent);
        Assert.Equal(transformations, profile.Transformations.Transformations);
        Assert.Single(transformations);
    }

    [Theory]
    [MemberData(nameof(EveryRole))]
    public async Task EveryRole_ReadsEveryEnterprisesProfile(string role)
    {
        var uscc = await EnterpriseAsync();
        // Editors of another city and county than the enterprise's (Wuhu): a profile is not a city's (ADR 0036).
        var token = role switch
        {
            Roles.CountyEditor => TestTokens.CountyEditor("340202"),
            Roles.CityEditor => TestTokens.Mint(role, "340200"),
            _ => TestTokens.Mint(role),
        };

        var profile = await new OverviewService.OverviewServiceClient(fixture.Gateway)
            .GetEnterpriseProfileAsync(new GetEnterpriseProfileRequest { Name = $"enterpriseProfiles/{uscc}" }, new CallOptions(TestTokens.Bearer(token), DateTime.UtcNow.AddSeconds(30)));
        var asAdmin = await new OverviewService.OverviewServiceClient(fixture.Gateway)
            .GetEnterpriseProfileAsync(new GetEnterpriseProfileRequest { Name = $"enterpriseProfiles/{uscc}" }, Admin);

        Assert.Equal(Comparable(asAdmin), Comparable(profile));
    }

    [Fact]
    public async Task UnknownEnterprise_IsNotFound_ByGrpcAndJson()
    {
        var uscc = Valid(Interlocked.Increment(ref _serial).ToString("D9", System.Globalization.CultureInfo.InvariantCulture));

        var error = await Assert.ThrowsAsync<RpcException>(() => new OverviewService.OverviewServiceClient(fixture.Gateway)
            .GetEnterpriseProfileAsync(new GetEnterpriseProfileRequest { Name = $"enterpriseProfiles/{uscc}" }, Admin).ResponseAsync);
        using var json = await fixture.GatewayHttp.GetAsync($"/v1/enterpriseProfiles/{uscc}");

        Assert.Equal((StatusCode.NotFound, "RESOURCE_NOT_FOUND"), (error.StatusCode, Errors.ReasonOf(error)));
        Assert.Equal($"enterpriseProfiles/{uscc}", error.GetRpcStatus()!.GetDetail<ErrorInfo>().Metadata["resource"]);
        Assert.Equal(HttpStatusCode.NotFound, json.StatusCode);
    }

    [Theory]
    [MemberData(nameof(MalformedNames))]
    public async Task MalformedName_IsInvalidArgumentOnName(string kind, string name)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => new OverviewService.OverviewServiceClient(fixture.Gateway)
            .GetEnterpriseProfileAsync(new GetEnterpriseProfileRequest { Name = name }, Admin).ResponseAsync);

        Assert.True(error.StatusCode == StatusCode.InvalidArgument, $"{kind}: {error.Status}");
        Assert.Equal("name", Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
    }

    [Theory]
    [InlineData("91340100000000000I")]
    [InlineData("not-a-code")]
    public async Task MalformedName_ByJson_Is400(string id)
    {
        using var json = await fixture.GatewayHttp.GetAsync($"/v1/enterpriseProfiles/{id}");

        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task WithOneServiceStopped_ThatSectionAloneIsUnavailable_WithinTheDeadline(string stopped)
    {
        var uscc = await EnterpriseAsync();
        var suite = fixture.Suite;
        var whole = await new OverviewService.OverviewServiceClient(fixture.Gateway)
            .GetEnterpriseProfileAsync(new GetEnterpriseProfileRequest { Name = $"enterpriseProfiles/{uscc}" }, Admin);
        await using var gateway = ServiceProcess.Start($"gateway-without-{stopped}", "gateway", "Industry.Gateway", SuiteProcesses.GatewayEnvironment(
            stopped == "cluster" ? null : suite.Cluster, stopped == "projects" ? null : suite.Projects, stopped == "parks" ? null : suite.Parks));
        await gateway.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        using var channel = TestTokens.Channel(gateway.GrpcAddress);
        var started = DateTime.UtcNow;

        var profile = await new OverviewService.OverviewServiceClient(channel)
            .GetEnterpriseProfileAsync(new GetEnterpriseProfileRequest { Name = $"enterpriseProfiles/{uscc}" }, deadline: started.AddSeconds(8));

        var expected = whole.Clone();
        Google.Rpc.Status? error;
        switch (stopped)
        {
            case "cluster":
                error = profile.EnterpriseRecord.Error;
                expected.EnterpriseRecord = new EnterpriseSection { State = SectionState.Unavailable, Error = error };
                break;
            case "projects":
                error = profile.Projects.Error;
                expected.Projects = new EnterpriseProjectsSection { State = SectionState.Unavailable, Error = error };
                break;
            default:
                error = profile.Transformations.Error;
                expected.Transformations = new EnterpriseTransformationsSection { State = SectionState.Unavailable, Error = error };
                break;
        }

        Assert.Equal((int)Code.Unavailable, error?.Code);
        Assert.Equal(Comparable(expected), Comparable(profile));
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(8));
    }

    private static (SectionState, SectionState, SectionState) States(EnterpriseProfile p) => (p.EnterpriseRecord.State, p.Projects.State, p.Transformations.State);

    /// <summary>The profile without its compose time, which differs on every call.</summary>
    private static EnterpriseProfile Comparable(EnterpriseProfile profile)
    {
        var copy = profile.Clone();
        copy.ComposeTime = null;
        return copy;
    }

    /// <summary>One enterprise with every kind of record, made once for the class (the figures only grow by it).</summary>
    private async Task<string> EnterpriseAsync()
    {
        await Once.WaitAsync();
        try
        {
            return _uscc ??= await NewEnterpriseWithRecordsAsync();
        }
        finally
        {
            Once.Release();
        }
    }

    private async Task<string> NewEnterpriseWithRecordsAsync()
    {
        var clusters = new ClusterService.ClusterServiceClient(fixture.Gateway);
        var projects = new ProjectService.ProjectServiceClient(fixture.Gateway);
        var parks = new ParkService.ParkServiceClient(fixture.Gateway);
        var uscc = Valid(Interlocked.Increment(ref _serial).ToString("D9", System.Globalization.CultureInfo.InvariantCulture));
        var enterprise = await clusters.CreateEnterpriseAsync(new CreateEnterpriseRequest
        {
            Enterprise = new Enterprise { Uscc = uscc, DisplayName = "一企一档验收企业", CountyCode = County, Gbt4754Class = "C3841", AboveSize = true, AboveSizeYear = 2023 },
        }, Admin);
        await clusters.GrantQualificationAsync(new GrantQualificationRequest { Name = enterprise.Name, Type = QualificationType.SpecializedSme, Year = 2024 }, Admin);
        var cluster = await clusters.CreateClusterAsync(new CreateClusterRequest
        {
            Cluster = new Cluster { DisplayName = "一企一档验收集群", Kind = ClusterKind.SmeCharacteristic, Industry = "industries/AUTO", LeadDivisionCode = County, HostPark = $"parks/profile-{_serial}" },
        }, Admin);
        await clusters.CreateClusterMemberAsync(new CreateClusterMemberRequest { Parent = cluster.Name, ClusterMember = new ClusterMember { Enterprise = enterprise.Name, JoinYear = 2023 } }, Admin);

        // Past its planned completion with a tenth of its investment: behind schedule. The reserve project is not assessed.
        var late = await projects.CreateProjectAsync(new CreateProjectRequest { Project = NewProject(uscc, new Google.Type.Date { Year = 2024, Month = 1, Day = 1 }, new Google.Type.Date { Year = 2025, Month = 12, Day = 31 }) }, Admin);
        await projects.CreateProjectAsync(new CreateProjectRequest { Project = NewProject(uscc, null, null) }, Admin);
        await projects.TransitionProjectAsync(new TransitionProjectRequest { Name = late.Name, State = ProjectState.UnderConstruction, Date = new Google.Type.Date { Year = 2024, Month = 1, Day = 15 } }, Admin);
        var report = await projects.ReportInvestmentAsync(new ReportInvestmentRequest { Parent = late.Name, Period = "2024-02", CompletedInvestmentYuan = 15_000_000 }, Admin);
        if (report.ReviewState == ReviewState.Submitted)
        {
            await projects.ApproveInvestmentReportAsync(new ApproveInvestmentReportRequest { Name = report.Name, Etag = report.Etag }, Admin);
        }

        var park = await parks.CreateParkAsync(new CreateParkRequest
        {
            Park = new Park { DisplayName = "一企一档验收园区", CountyCode = County, ParkType = ParkType.NationalDevelopmentZone, LeadIndustry = "industries/IT", AboveSizeEnterpriseCount = 100 },
        }, Admin);
        await parks.SubmitParkAsync(new SubmitParkRequest { Name = park.Name }, Admin);
        await parks.CertifyParkAsync(new CertifyParkRequest { Name = park.Name, Year = 2023, Batch = 1 }, Admin);
        await parks.RecordTransformationAsync(new RecordTransformationRequest
        {
            Parent = park.Name,
            EnterpriseUscc = uscc,
            EnterpriseDisplayName = enterprise.DisplayName,
            Level = TransformationLevel.DigitalWorkshop,
            Year = 2024,
        }, Admin);
        return uscc;
    }

    private static Project NewProject(string uscc, Google.Type.Date? plannedStart, Google.Type.Date? plannedCompletion) => new()
    {
        DisplayName = "一企一档验收技改项目",
        ProjectCode = $"2024-{County}-38-03-{Interlocked.Increment(ref _serial) % 1_000_000:D6}",
        EnterpriseUscc = uscc,
        EnterpriseDisplayName = "一企一档验收企业",
        CountyCode = County,
        Industry = "industries/IT",
        Gbt4754Class = "C3971",
        Nature = ProjectNature.Renovation,
        TotalInvestmentYuan = 150_000_000,
        PlannedStartDate = plannedStart,
        PlannedCompletionDate = plannedCompletion,
    };

    /// <summary>A valid USCC of a Hefei registration with the given 9 trailing digits before the check character.</summary>
    private static string Valid(string serial)
    {
        var first17 = "91340100" + serial.PadLeft(9, '7');
        return first17 + Uscc.CheckCharacter(first17);
    }

    /// <summary>A valid USCC with letters, whose lower-case spelling is not one.</summary>
    private static string WithLetters() => "91340100MA2N0ABCD" + Uscc.CheckCharacter("91340100MA2N0ABCD");

    private static char WrongCheck(string uscc) => uscc[^1] == '0' ? '1' : '0';
}
