using System.Net;
using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Health.V1;
using Industry.Clusters.V1;
using Industry.Parks.V1;
using Industry.Projects.V1;

namespace Industry.EndToEndTests;

/// <summary>The foundation, through the gateway: every service healthy, one read of each, JSON/REST, unknown methods.</summary>
[Collection(SuiteDefinition.Name)]
public sealed class GatewayRoutingTests(SuiteFixture fixture)
{
    private static CallOptions Options => new(deadline: DateTime.UtcNow.AddSeconds(10));

    /// <summary>
    /// A backend that answers before reading the request body (ImportProjects has no JSON mapping, so the projects
    /// service answers 404 at once) made the gateway's error body contradict the copied <c>Content-Length: 0</c>: HTTP 500
    /// with an exception in the body. Many bodies in flight make the race likely.
    /// </summary>
    [Fact]
    public async Task JsonBodyTheBackendDoesNotRead_IsNeverAServerError()
    {
        var random = new Random(20261206);
        var bodies = Enumerable.Range(0, 240).Select(_ => "{\"rows\":\"" + new string('x', random.Next(0, 200_000)) + "\"}").ToList();
        var statuses = new System.Collections.Concurrent.ConcurrentBag<HttpStatusCode>();

        await Parallel.ForEachAsync(bodies, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (body, cancellationToken) =>
        {
            using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
            try
            {
                using var response = await fixture.GatewayHttp.PostAsync(new Uri("/v1/projects:import", UriKind.Relative), content, cancellationToken);
                statuses.Add(response.StatusCode);
            }
            catch (HttpRequestException)
            {
                // The 404 went out before the body was read, and the connection closed under the rest of the upload:
                // a refusal at the transport, not a server error.
            }
        });

        Assert.All(statuses, status => Assert.Contains(status, new[] { HttpStatusCode.NotFound, HttpStatusCode.ServiceUnavailable }));
    }

    [Theory]
    [InlineData("industry.clusters.v1.ClusterService")]
    [InlineData("industry.projects.v1.ProjectService")]
    [InlineData("industry.parks.v1.ParkService")]
    [InlineData("industry.history.v1.HistoryService")]
    [InlineData("readiness")]
    [InlineData("liveness")]
    public async Task HealthCheck_ThroughGateway_IsServing(string service)
    {
        var health = new Health.HealthClient(fixture.Gateway);

        var response = await health.CheckAsync(new HealthCheckRequest { Service = service }, Options);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task ListIndustries_ThroughGateway_ReturnsThe4Plus10InPublishedOrder()
    {
        var client = new ClusterService.ClusterServiceClient(fixture.Gateway);

        var response = await client.ListIndustriesAsync(new ListIndustriesRequest(), Options);

        Assert.Equal(14, response.Industries.Count);
        Assert.Equal(14, response.TotalSize);
        Assert.Equal(["IT", "AUTO", "EQUIP", "NEWMAT"], response.Industries.Take(4).Select(i => i.Code));
        Assert.All(response.Industries.Take(4), i => Assert.Equal(IndustryTier.TrillionYuan, i.Tier));
        Assert.Empty(response.NextPageToken);
    }

    [Fact]
    public async Task ListIndustries_PagedByFive_WalksAllPagesWithoutRepeats()
    {
        var client = new ClusterService.ClusterServiceClient(fixture.Gateway);
        var seen = new List<string>();
        var token = string.Empty;
        do
        {
            var page = await client.ListIndustriesAsync(new ListIndustriesRequest { PageSize = 5, PageToken = token }, Options);
            seen.AddRange(page.Industries.Select(i => i.Code));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal(14, seen.Distinct().Count());
        Assert.Equal(14, seen.Count);
    }

    [Fact]
    public async Task GetClusterTargets_2024_AreTheWorkReportTargets()
    {
        var client = new ClusterService.ClusterServiceClient(fixture.Gateway);

        var targets = await client.GetClusterTargetsAsync(new GetClusterTargetsRequest { Name = "clusterTargets/2024" }, Options);

        Assert.Equal((15, 25, 3000, 1500, 2500), (targets.AdvancedManufacturingClusters, targets.ProvincialSmeClusters, targets.InnovativeSmes, targets.SpecializedSmes, targets.NewAboveSizeEnterprises));
        Assert.False(targets.HasLittleGiants);
        Assert.NotEmpty(targets.Etag);
    }

    [Fact]
    public async Task GetPlan_2024_HasTheTargetOf1200KeyProjects()
    {
        var client = new ProjectService.ProjectServiceClient(fixture.Gateway);

        var plan = await client.GetPlanAsync(new GetPlanRequest { Name = "plans/2024" }, Options);

        Assert.Equal("plans/2024", plan.Name);
        Assert.Equal(1200, plan.TargetKeyProjectsUnderImplementation);
    }

    [Fact]
    public async Task GetDigitalTargets_2024_AreTheWorkReportTargets()
    {
        var client = new ParkService.ParkServiceClient(fixture.Gateway);

        var targets = await client.GetDigitalTargetsAsync(new GetDigitalTargetsRequest { Name = "digitalTargets/2024" }, Options);

        Assert.Equal((20, 6000, 200), (targets.ParksCertified, targets.EnterprisesTransformed, targets.WorkshopsFactoriesLeaders));
    }

    [Fact]
    public async Task GetPlan_MalformedName_IsInvalidArgumentWithFieldViolation()
    {
        var client = new ProjectService.ProjectServiceClient(fixture.Gateway);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.GetPlanAsync(new GetPlanRequest { Name = "plans/next" }, Options).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var status = error.GetRpcStatus()!;
        Assert.Equal("name", status.GetDetail<BadRequest>().FieldViolations.Single().Field);
        Assert.Equal("projects.industry.anhui.gov.cn", status.GetDetail<ErrorInfo>().Domain);
    }

    [Fact]
    public async Task GetDigitalTargets_YearWithoutTargets_IsNotFound()
    {
        var client = new ParkService.ParkServiceClient(fixture.Gateway);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.GetDigitalTargetsAsync(new GetDigitalTargetsRequest { Name = "digitalTargets/2031" }, Options).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Theory]
    [InlineData("/v1/industries", "industries")]
    [InlineData("/v1/industries/AUTO", "code")]
    [InlineData("/v1/clusterTargets/2024", "provincialSmeClusters")]
    [InlineData("/v1/plans/2024", "targetKeyProjectsUnderImplementation")]
    [InlineData("/v1/digitalTargets/2024", "workshopsFactoriesLeaders")]
    public async Task JsonRest_ThroughGatewayHttpPort_ReturnsTheResource(string path, string property)
    {
        using var response = await fixture.GatewayHttp.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(json.RootElement.TryGetProperty(property, out _), $"{path} has no '{property}'");
    }

    [Fact]
    public async Task JsonRest_NotFound_IsHttp404WithStatusBody()
    {
        using var response = await fixture.GatewayHttp.GetAsync(new Uri("/v1/industries/NOPE", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(5, json.RootElement.GetProperty("code").GetInt32());
    }

    [Theory]
    [InlineData("industry.nothing.v1.NothingService", "Nothing")]
    [InlineData("industry.clusters.v1.ClusterService", "NoSuchMethod")]
    public async Task UnknownMethod_ThroughGateway_IsUnimplemented(string service, string method)
    {
        var marshaller = Marshallers.Create(m => m.ToByteArray(), Empty.Parser.ParseFrom);
        var call = fixture.Gateway.CreateCallInvoker().AsyncUnaryCall(
            new Method<Empty, Empty>(MethodType.Unary, service, method, marshaller, marshaller), null, Options, new Empty());

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }
}
