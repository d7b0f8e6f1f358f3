using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using Industry.Clusters.V1;
using Industry.TestInfrastructure;

namespace Industry.EndToEndTests;

/// <summary>
/// "Every method works through the gateway as well as directly", for <c>ClusterService</c>: each method, taken from the
/// proto's descriptor so that a new method cannot be forgotten, is called through the gateway and its effect or answer
/// compared with a direct call to the cluster service.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class ClusterServiceGatewayTests(SuiteFixture fixture) : IDisposable
{
    private static int _serial = 800_000;

    private readonly GrpcChannel _direct = TestTokens.Channel(fixture.Suite.Cluster.GrpcAddress);

    public static TheoryData<string> Methods => [.. ClusterService.Descriptor.Methods.Select(m => m.Name)];

    private ClusterService.ClusterServiceClient Gateway => new(fixture.Gateway);

    private ClusterService.ClusterServiceClient Direct => new(_direct);

    private static CallOptions Options => new(deadline: DateTime.UtcNow.AddSeconds(15));

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task Method_ThroughGateway_WorksAsDirectly(string method)
    {
        var scenario = Scenario(method);
        Assert.True(scenario is not null, $"ClusterService.{method} has no gateway scenario: add one to {nameof(Scenario)}.");
        await scenario();
    }

    public void Dispose() => _direct.Dispose();

    /// <summary>How one method is exercised through the gateway and checked against the cluster service directly.</summary>
    private Func<Task>? Scenario(string method) => method switch
    {
        "GetIndustry" => () => SameAsync(c => c.GetIndustryAsync(new GetIndustryRequest { Name = "industries/AUTO" }, Options).ResponseAsync),
        "ListIndustries" => () => SameAsync(c => c.ListIndustriesAsync(new ListIndustriesRequest { PageSize = 5 }, Options).ResponseAsync),
        "GetCluster" => async () =>
        {
            var cluster = await NewClusterDirectlyAsync();
            await SameAsync(c => c.GetClusterAsync(new GetClusterRequest { Name = cluster.Name }, Options).ResponseAsync);
        }
        ,
        "ListClusters" => async () =>
        {
            var cluster = await NewClusterDirectlyAsync();
            var request = new ListClustersRequest { Filter = $"host_park = \"{cluster.HostPark}\"" };
            Assert.Equal(cluster, Assert.Single((await SameAsync(c => c.ListClustersAsync(request, Options).ResponseAsync)).Clusters));
        }
        ,
        "CreateCluster" => async () =>
        {
            var created = await Gateway.CreateClusterAsync(new CreateClusterRequest { Cluster = NewCluster() }, Options);
            Assert.Equal(created, await Direct.GetClusterAsync(new GetClusterRequest { Name = created.Name }, Options));
        }
        ,
        "UpdateCluster" => async () =>
        {
            var cluster = await NewClusterDirectlyAsync();
            var updated = await Gateway.UpdateClusterAsync(new UpdateClusterRequest { Cluster = new Cluster { Name = cluster.Name, DisplayName = "经网关修改", Etag = cluster.Etag } }, Options);
            Assert.Equal(updated, await Direct.GetClusterAsync(new GetClusterRequest { Name = cluster.Name }, Options));
        }
        ,
        "DeleteCluster" => async () =>
        {
            var cluster = await NewClusterDirectlyAsync();
            await Gateway.DeleteClusterAsync(new DeleteClusterRequest { Name = cluster.Name, Etag = cluster.Etag }, Options);
            await AssertNotFoundAsync(() => Direct.GetClusterAsync(new GetClusterRequest { Name = cluster.Name }, Options).ResponseAsync);
        }
        ,
        "RecognizeCluster" => async () =>
        {
            var cluster = await NewClusterDirectlyAsync();
            var recognized = await Gateway.RecognizeClusterAsync(new RecognizeClusterRequest { Name = cluster.Name, Level = ClusterLevel.Provincial, Year = 2023 }, Options);
            Assert.Equal(recognized, await Direct.GetClusterAsync(new GetClusterRequest { Name = cluster.Name }, Options));
        }
        ,
        "RevokeCluster" => async () =>
        {
            var cluster = await Direct.RecognizeClusterAsync(new RecognizeClusterRequest { Name = (await NewClusterDirectlyAsync()).Name, Level = ClusterLevel.Provincial, Year = 2023 }, Options);
            var revoked = await Gateway.RevokeClusterAsync(new RevokeClusterRequest { Name = cluster.Name, Reason = "经网关撤销" }, Options);
            Assert.Equal(revoked, await Direct.GetClusterAsync(new GetClusterRequest { Name = cluster.Name }, Options));
        }
        ,
        "ReportClusterRevenue" => async () =>
        {
            var report = await Gateway.ReportClusterRevenueAsync(Revenue(await NewClusterDirectlyAsync(), "2024-03"), Options);
            Assert.Equal(report, await Direct.GetRevenueReportAsync(new GetRevenueReportRequest { Name = report.Name }, Options));
        }
        ,
        "GetRevenueReport" => async () =>
        {
            var report = await Direct.ReportClusterRevenueAsync(Revenue(await NewClusterDirectlyAsync(), "2024-04"), Options);
            await SameAsync(c => c.GetRevenueReportAsync(new GetRevenueReportRequest { Name = report.Name }, Options).ResponseAsync);
        }
        ,
        "ListRevenueReports" => async () =>
        {
            var cluster = await NewClusterDirectlyAsync();
            await Direct.ReportClusterRevenueAsync(Revenue(cluster, "2024-01"), Options);
            await Direct.ReportClusterRevenueAsync(Revenue(cluster, "2024-02"), Options);
            Assert.Equal(2, (await SameAsync(c => c.ListRevenueReportsAsync(new ListRevenueReportsRequest { Parent = cluster.Name }, Options).ResponseAsync)).RevenueReports.Count);
        }
        ,
        "DeleteRevenueReport" => async () =>
        {
            var report = await Direct.ReportClusterRevenueAsync(Revenue(await NewClusterDirectlyAsync(), "2024-05"), Options);
            await Gateway.DeleteRevenueReportAsync(new DeleteRevenueReportRequest { Name = report.Name, Etag = report.Etag }, Options);
            await AssertNotFoundAsync(() => Direct.GetRevenueReportAsync(new GetRevenueReportRequest { Name = report.Name }, Options).ResponseAsync);
        }
        ,
        "CreateClusterMember" => async () =>
        {
            var member = await Gateway.CreateClusterMemberAsync(Member(await NewClusterDirectlyAsync(), await NewEnterpriseDirectlyAsync()), Options);
            Assert.Equal(member, await Direct.GetClusterMemberAsync(new GetClusterMemberRequest { Name = member.Name }, Options));
        }
        ,
        "GetClusterMember" => async () =>
        {
            var member = await Direct.CreateClusterMemberAsync(Member(await NewClusterDirectlyAsync(), await NewEnterpriseDirectlyAsync()), Options);
            await SameAsync(c => c.GetClusterMemberAsync(new GetClusterMemberRequest { Name = member.Name }, Options).ResponseAsync);
        }
        ,
        "ListClusterMembers" => async () =>
        {
            var cluster = await NewClusterDirectlyAsync();
            var member = await Direct.CreateClusterMemberAsync(Member(cluster, await NewEnterpriseDirectlyAsync()), Options);
            Assert.Equal(member, Assert.Single((await SameAsync(c => c.ListClusterMembersAsync(new ListClusterMembersRequest { Parent = cluster.Name }, Options).ResponseAsync)).ClusterMembers));
        }
        ,
        "DeleteClusterMember" => async () =>
        {
            var member = await Direct.CreateClusterMemberAsync(Member(await NewClusterDirectlyAsync(), await NewEnterpriseDirectlyAsync()), Options);
            await Gateway.DeleteClusterMemberAsync(new DeleteClusterMemberRequest { Name = member.Name }, Options);
            await AssertNotFoundAsync(() => Direct.GetClusterMemberAsync(new GetClusterMemberRequest { Name = member.Name }, Options).ResponseAsync);
        }
        ,
        "GetClusterStats" => async () =>
        {
            var cluster = await NewClusterDirectlyAsync();
            await Direct.CreateClusterMemberAsync(Member(cluster, await NewEnterpriseDirectlyAsync()), Options);
            Assert.Equal(1, (await SameAsync(c => c.GetClusterStatsAsync(new GetClusterStatsRequest { Name = cluster.Name + "/stats" }, Options).ResponseAsync)).MemberCount);
        }
        ,
        "GetEnterprise" => async () =>
        {
            var enterprise = await NewEnterpriseDirectlyAsync();
            await SameAsync(c => c.GetEnterpriseAsync(new GetEnterpriseRequest { Name = enterprise.Name }, Options).ResponseAsync);
        }
        ,
        "ListEnterprises" => async () =>
        {
            var enterprise = await NewEnterpriseDirectlyAsync();
            var request = new ListEnterprisesRequest { Filter = $"display_name = \"{enterprise.DisplayName}\"" };
            Assert.Equal(enterprise, Assert.Single((await SameAsync(c => c.ListEnterprisesAsync(request, Options).ResponseAsync)).Enterprises));
        }
        ,
        "CreateEnterprise" => async () =>
        {
            var request = new CreateEnterpriseRequest { Enterprise = NewEnterprise(), RequestId = Guid.NewGuid().ToString() };
            var created = await Gateway.CreateEnterpriseAsync(request, Options);
            Assert.Equal(created, await Direct.GetEnterpriseAsync(new GetEnterpriseRequest { Name = created.Name }, Options));
            Assert.Equal(created, await Direct.CreateEnterpriseAsync(request, Options)); // the retry, directly: the same answer
        }
        ,
        "BatchCreateEnterprises" => async () =>
        {
            var batch = await Gateway.BatchCreateEnterprisesAsync(new BatchCreateEnterprisesRequest
            {
                Requests = { new CreateEnterpriseRequest { Enterprise = NewEnterprise() }, new CreateEnterpriseRequest { Enterprise = NewEnterprise() } },
            }, Options);
            Assert.Equal(2, batch.Enterprises.Count);
            Assert.Equal(batch.Enterprises[1], await Direct.GetEnterpriseAsync(new GetEnterpriseRequest { Name = batch.Enterprises[1].Name }, Options));
        }
        ,
        "BatchGrantQualifications" => async () =>
        {
            var enterprise = await NewEnterpriseDirectlyAsync();
            var batch = await Gateway.BatchGrantQualificationsAsync(new BatchGrantQualificationsRequest
            {
                Requests =
                {
                    new GrantQualificationRequest { Name = enterprise.Name, Type = QualificationType.InnovativeSme, Year = 2023 },
                    new GrantQualificationRequest { Name = enterprise.Name, Type = QualificationType.SpecializedSme, Year = 2023 },
                },
            }, Options);
            Assert.Equal(batch.Enterprises[^1], await Direct.GetEnterpriseAsync(new GetEnterpriseRequest { Name = enterprise.Name }, Options));
        }
        ,
        "UpdateEnterprise" => async () =>
        {
            var enterprise = await NewEnterpriseDirectlyAsync();
            var updated = await Gateway.UpdateEnterpriseAsync(
                new UpdateEnterpriseRequest { Enterprise = new Enterprise { Name = enterprise.Name, CountyCode = "340207", Etag = enterprise.Etag }, UpdateMask = new FieldMask { Paths = { "county_code" } } },
                Options);
            Assert.Equal("340200", updated.CityCode);
            Assert.Equal(updated, await Direct.GetEnterpriseAsync(new GetEnterpriseRequest { Name = enterprise.Name }, Options));
        }
        ,
        "DeleteEnterprise" => async () =>
        {
            var enterprise = await NewEnterpriseDirectlyAsync();
            await Gateway.DeleteEnterpriseAsync(new DeleteEnterpriseRequest { Name = enterprise.Name, Etag = enterprise.Etag }, Options);
            await AssertNotFoundAsync(() => Direct.GetEnterpriseAsync(new GetEnterpriseRequest { Name = enterprise.Name }, Options).ResponseAsync);
        }
        ,
        "GrantQualification" => async () =>
        {
            var enterprise = await NewEnterpriseDirectlyAsync();
            var granted = await Gateway.GrantQualificationAsync(new GrantQualificationRequest { Name = enterprise.Name, Type = QualificationType.InnovativeSme, Year = 2023 }, Options);
            Assert.Equal(granted, await Direct.GetEnterpriseAsync(new GetEnterpriseRequest { Name = enterprise.Name }, Options));
        }
        ,
        "RevokeQualification" => async () =>
        {
            var enterprise = await Direct.GrantQualificationAsync(
                new GrantQualificationRequest { Name = (await NewEnterpriseDirectlyAsync()).Name, Type = QualificationType.InnovativeSme, Year = 2023 }, Options);
            var revoked = await Gateway.RevokeQualificationAsync(new RevokeQualificationRequest { Name = enterprise.Name, Type = QualificationType.InnovativeSme, Reason = "经网关撤销" }, Options);
            Assert.Empty(revoked.Qualifications);
            Assert.Equal(revoked, await Direct.GetEnterpriseAsync(new GetEnterpriseRequest { Name = enterprise.Name }, Options));
        }
        ,
        "ReviewQualification" => async () =>
        {
            var enterprise = await Direct.GrantQualificationAsync(
                new GrantQualificationRequest { Name = (await NewEnterpriseDirectlyAsync()).Name, Type = QualificationType.GreenFactory, Year = 2023 }, Options);
            var reviewed = await Gateway.ReviewQualificationAsync(
                new ReviewQualificationRequest { Name = enterprise.Name, Type = QualificationType.GreenFactory, Outcome = QualificationReviewOutcome.Passed, ValidUntil = new Google.Type.Date { Year = 2029, Month = 12, Day = 31 } },
                Options);
            Assert.Equal(2029, Assert.Single(reviewed.Qualifications).ValidUntil.Year);
            Assert.Equal(reviewed, await Direct.GetEnterpriseAsync(new GetEnterpriseRequest { Name = enterprise.Name }, Options));
        }
        ,
        "CreatePerMuEvaluation" => async () =>
        {
            var enterprise = await NewEnterpriseDirectlyAsync();
            var created = await Gateway.CreatePerMuEvaluationAsync(new CreatePerMuEvaluationRequest { Parent = enterprise.Name, PerMuEvaluation = NewPerMuEvaluation() }, Options);
            Assert.Equal(created, await Direct.GetPerMuEvaluationAsync(new GetPerMuEvaluationRequest { Name = created.Name }, Options));
        }
        ,
        "GetPerMuEvaluation" => async () =>
        {
            var evaluation = await NewPerMuEvaluationDirectlyAsync();
            await SameAsync(c => c.GetPerMuEvaluationAsync(new GetPerMuEvaluationRequest { Name = evaluation.Name }, Options).ResponseAsync);
        }
        ,
        "ListPerMuEvaluations" => async () =>
        {
            var evaluation = await NewPerMuEvaluationDirectlyAsync();
            var parent = evaluation.Name[..evaluation.Name.IndexOf("/perMuEvaluations/", StringComparison.Ordinal)];
            Assert.Equal(evaluation, Assert.Single((await SameAsync(c => c.ListPerMuEvaluationsAsync(new ListPerMuEvaluationsRequest { Parent = parent }, Options).ResponseAsync)).PerMuEvaluations));
        }
        ,
        "UpdatePerMuEvaluation" => async () =>
        {
            var evaluation = await NewPerMuEvaluationDirectlyAsync();
            var updated = await Gateway.UpdatePerMuEvaluationAsync(
                new UpdatePerMuEvaluationRequest { PerMuEvaluation = new PerMuEvaluation { Name = evaluation.Name, Grade = PerMuGrade.A, Etag = evaluation.Etag } }, Options);
            Assert.Equal(PerMuGrade.A, updated.Grade);
            Assert.Equal(updated, await Direct.GetPerMuEvaluationAsync(new GetPerMuEvaluationRequest { Name = evaluation.Name }, Options));
        }
        ,
        "GetClusterTargets" => () => SameAsync(c => c.GetClusterTargetsAsync(new GetClusterTargetsRequest { Name = "clusterTargets/2024" }, Options).ResponseAsync),
        "ListClusterTargets" => () => SameAsync(c => c.ListClusterTargetsAsync(new ListClusterTargetsRequest { PageSize = 100 }, Options).ResponseAsync),
        "UpdateClusterTargets" => async () =>
        {
            var targets = await Gateway.UpdateClusterTargetsAsync(
                new UpdateClusterTargetsRequest { ClusterTargets = new ClusterTargets { Name = "clusterTargets/2037", InnovativeSmes = 3100 }, AllowMissing = true }, Options);
            Assert.Equal(targets, await Direct.GetClusterTargetsAsync(new GetClusterTargetsRequest { Name = targets.Name }, Options));
        }
        ,
        // One small type, republished through the gateway: a snapshot per stored year, and the same request id sent
        // straight to the service answers the first counts.
        "RepublishState" => async () =>
        {
            var years = (await Direct.ListClusterTargetsAsync(new ListClusterTargetsRequest { PageSize = 1000 }, Options)).ClusterTargets.Count;
            var request = new RepublishStateRequest { ResourceTypes = { "industry.anhui.gov.cn/ClusterTargets" }, RequestId = Guid.NewGuid().ToString() };
            var throughGateway = await Gateway.RepublishStateAsync(request, Options);
            var counted = Assert.Single(throughGateway.RepublishedTypes);
            Assert.Equal(("industry.anhui.gov.cn/ClusterTargets", (long)years), (counted.ResourceType, counted.SnapshotCount));
            Assert.Equal(throughGateway, await Direct.RepublishStateAsync(request, Options));
        }
        ,
        "GetClusterProgress" => async () =>
        {
            await NewEnterpriseDirectlyAsync(); // something to count
            Assert.Equal(2024, (await SameAsync(c => c.GetClusterProgressAsync(new GetClusterProgressRequest { Year = 2024 }, Options).ResponseAsync)).Year);
        }
        ,
        _ => null,
    };

    /// <summary>The answer through the gateway, asserted equal to the answer directly.</summary>
    private async Task<T> SameAsync<T>(Func<ClusterService.ClusterServiceClient, Task<T>> call)
    {
        var throughGateway = await call(Gateway);
        Assert.Equal(await call(Direct), throughGateway);
        return throughGateway;
    }

    private static Cluster NewCluster() => new()
    {
        DisplayName = "网关验收集群",
        Kind = ClusterKind.SmeCharacteristic,
        Industry = "industries/AUTO",
        LeadDivisionCode = "340104",
        HostPark = $"parks/gateway-{Interlocked.Increment(ref _serial)}",
    };

    private static Enterprise NewEnterprise()
    {
        var first17 = $"91340100{Interlocked.Increment(ref _serial):D9}";
        return new Enterprise
        {
            Uscc = first17 + UsccCheckCharacter(first17),
            DisplayName = $"网关验收企业{_serial}",
            CountyCode = "340104",
            Gbt4754Class = "C3841",
            AboveSize = true,
            AboveSizeYear = 2024,
        };
    }

    /// <summary>GB 32100-2015's check character of a USCC of digits only (this project does not reference the services' shared library).</summary>
    private static char UsccCheckCharacter(string first17)
    {
        const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        var sum = first17.Select((c, i) => (c - '0') * (int)(Math.Pow(3, i) % 31)).Sum();
        return Alphabet[(31 - (sum % 31)) % 31];
    }

    private static ReportClusterRevenueRequest Revenue(Cluster cluster, string period) =>
        new() { Parent = cluster.Name, Period = period, YearToDateRevenueYuan = 1_000_000_000 };

    private static CreateClusterMemberRequest Member(Cluster cluster, Enterprise enterprise) =>
        new() { Parent = cluster.Name, ClusterMember = new ClusterMember { Enterprise = enterprise.Name, JoinYear = 2023 } };

    private async Task<Cluster> NewClusterDirectlyAsync() => await Direct.CreateClusterAsync(new CreateClusterRequest { Cluster = NewCluster() }, Options);

    private static PerMuEvaluation NewPerMuEvaluation() => new() { Year = 2023, Grade = PerMuGrade.C, LandAreaMu = 80.25, TaxYuan = 2_400_000, RevenueYuan = 90_000_000 };

    private async Task<PerMuEvaluation> NewPerMuEvaluationDirectlyAsync() =>
        await Direct.CreatePerMuEvaluationAsync(new CreatePerMuEvaluationRequest { Parent = (await NewEnterpriseDirectlyAsync()).Name, PerMuEvaluation = NewPerMuEvaluation() }, Options);

    private async Task<Enterprise> NewEnterpriseDirectlyAsync() => await Direct.CreateEnterpriseAsync(new CreateEnterpriseRequest { Enterprise = NewEnterprise() }, Options);

    private static async Task AssertNotFoundAsync(Func<Task> call) =>
        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(call)).StatusCode);
}
