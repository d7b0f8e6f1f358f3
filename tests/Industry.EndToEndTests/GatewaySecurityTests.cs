using System.Net;
using System.Text.Json;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Grpc.Net.Client.Web;
using Industry.Clusters.V1;
using Industry.Overview.V1;
using Industry.Projects.V1;
using Industry.ServiceDefaults.Security;
using Industry.TestInfrastructure;

namespace Industry.EndToEndTests;

/// <summary>
/// The gateway's own duties (docs/security.md): tokens, the limits, JSON/REST and gRPC-Web, and the province overview,
/// including with one service stopped and with a low rate limit (each on a gateway process of its own).
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class GatewaySecurityTests(SuiteFixture fixture)
{
    public static TheoryData<string, string> BadTokens => new()
    {
        { "missing", "TOKEN_MISSING" },
        { "expired", "TOKEN_EXPIRED" },
        { "wrongly signed", "TOKEN_INVALID" },
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task BadToken_IsUnauthenticated_ForGrpcAndJson(string kind, string reason)
    {
        var token = kind switch
        {
            "missing" => null,
            "expired" => TestTokens.Mint(Roles.ProvinceAdmin, lifetime: TimeSpan.FromMinutes(-10)),
            _ => DevelopmentTokens.Mint(TestTokens.Options, "intruder", Roles.ProvinceAdmin, null, TimeSpan.FromHours(1), new byte[32]),
        };
        using var channel = TestTokens.AnonymousChannel(fixture.Suite.Gateway.GrpcAddress);
        var headers = token is null ? new Metadata() : TestTokens.Bearer(token);
        using var http = new HttpClient { BaseAddress = fixture.Suite.Gateway.HttpAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/industries");
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        var grpc = await Assert.ThrowsAsync<RpcException>(() => new ClusterService.ClusterServiceClient(channel).ListIndustriesAsync(new ListIndustriesRequest(), headers).ResponseAsync);
        using var json = await http.SendAsync(request);

        Assert.Equal((StatusCode.Unauthenticated, reason), (grpc.StatusCode, Errors.ReasonOf(grpc)));
        Assert.Equal(HttpStatusCode.Unauthorized, json.StatusCode);
        Assert.Contains(reason, await json.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthChecks_NeedNoToken()
    {
        using var channel = TestTokens.AnonymousChannel(fixture.Suite.Gateway.GrpcAddress);

        var health = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest { Service = "readiness" });

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
    }

    [Fact]
    public async Task OversizedMessage_IsResourceExhausted_AndStoresNothing()
    {
        var projects = new ProjectService.ProjectServiceClient(fixture.Gateway);
        var project = AuthorizationMatrixTests.NewProject("340104");
        project.Description = new string('x', 5 * 1024 * 1024);

        var error = await Assert.ThrowsAsync<RpcException>(() => projects.CreateProjectAsync(new CreateProjectRequest { Project = project }).ResponseAsync);
        var lookup = await Assert.ThrowsAsync<RpcException>(() => projects.GetProjectAsync(new GetProjectRequest { Name = "projects/p-" + project.ProjectCode }).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Equal(StatusCode.NotFound, lookup.StatusCode);
    }

    [Fact]
    public async Task JsonRest_WithViewerToken_ReadsAndIsRefusedAWrite()
    {
        using var http = TestTokens.Http(fixture.Suite.Gateway.HttpAddress, TestTokens.Viewer);

        using var read = await http.GetAsync("/v1/plans/2024");
        using var write = await http.PostAsync("/v1/clusters", new StringContent("""{"displayName":"x"}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Contains("ROLE_NOT_PERMITTED", await write.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GrpcWeb_ThroughGatewayHttpPort_Works_AndNeedsAToken()
    {
        GrpcChannel WebChannel(string? token) => GrpcChannel.ForAddress(fixture.Suite.Gateway.HttpAddress, new GrpcChannelOptions
        {
            HttpHandler = new GrpcWebHandler(GrpcWebMode.GrpcWebText, new HttpClientHandler()),
            HttpVersion = HttpVersion.Version11, // as a browser does, to the gateway's HTTP/1.1 port
            HttpVersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Credentials = token is null ? null : ChannelCredentials.Create(ChannelCredentials.Insecure, CallCredentials.FromInterceptor((_, metadata) =>
            {
                metadata.Add("authorization", "Bearer " + token);
                return Task.CompletedTask;
            })),
            UnsafeUseInsecureChannelCallCredentials = true,
        });
        using var withToken = WebChannel(TestTokens.Viewer);
        using var without = WebChannel(null);

        var industries = await new ClusterService.ClusterServiceClient(withToken).ListIndustriesAsync(new ListIndustriesRequest());
        var refused = await Assert.ThrowsAsync<RpcException>(() => new ClusterService.ClusterServiceClient(without).ListIndustriesAsync(new ListIndustriesRequest()).ResponseAsync);

        Assert.Equal(14, industries.Industries.Count);
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
    }

    [Fact]
    public async Task ProvinceOverview_HasAllThreeSections_ByGrpcAndJson()
    {
        var overview = await new OverviewService.OverviewServiceClient(fixture.Gateway)
            .GetProvinceOverviewAsync(new GetProvinceOverviewRequest { Year = 2024 }, TestTokens.Bearer(TestTokens.Viewer));
        using var json = await fixture.GatewayHttp.GetAsync("/v1/provinceOverviews/2024");
        using var body = JsonDocument.Parse(await json.Content.ReadAsStringAsync());

        Assert.Equal(
            (SectionState.Available, SectionState.Available, SectionState.Available),
            (overview.Clusters.State, overview.Projects.State, overview.Parks.State));
        Assert.Equal(1200, overview.Projects.Progress.KeyProjectsUnderImplementation.Target);
        Assert.Equal(2024, overview.Parks.Progress.Year);
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Equal("SECTION_STATE_AVAILABLE", body.RootElement.GetProperty("clusters").GetProperty("state").GetString());
    }

    [Fact]
    public async Task ProvinceOverview_InvalidYear_IsInvalidArgument()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => new OverviewService.OverviewServiceClient(fixture.Gateway)
            .GetProvinceOverviewAsync(new GetProvinceOverviewRequest { Year = 1999 }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task ProvinceOverview_WithParksStopped_ReturnsTheOthers_AndMarksParksUnavailable_WithinTheDeadline()
    {
        await using var gateway = ServiceProcess.Start("gateway-degraded", "gateway", "Industry.Gateway",
            SuiteProcesses.GatewayEnvironment(fixture.Suite.Cluster, fixture.Suite.Projects, parks: null));
        await gateway.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        using var channel = TestTokens.Channel(gateway.GrpcAddress);
        var started = DateTime.UtcNow;

        var overview = await new OverviewService.OverviewServiceClient(channel)
            .GetProvinceOverviewAsync(new GetProvinceOverviewRequest { Year = 2024 }, deadline: started.AddSeconds(8));

        Assert.Equal(
            (SectionState.Available, SectionState.Available, SectionState.Unavailable),
            (overview.Clusters.State, overview.Projects.State, overview.Parks.State));
        Assert.Equal((int)StatusCode.Unavailable, overview.Parks.Error.Code);
        Assert.Null(overview.Parks.Progress);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(8));
    }

    [Theory]
    [InlineData("0S")]
    [InlineData("50n")]
    [InlineData("0m")]
    public async Task Deadline_ZeroOrUnderTheMinimum_IsDeadlineExceeded_NotNoDeadline(string timeout)
    {
        // Grpc.Net.Client writes only deadlines it computes itself, so the header is sent as raw HTTP/2.
        using var http = new HttpClient { BaseAddress = fixture.Suite.Gateway.GrpcAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/industry.clusters.v1.ClusterService/ListIndustries")
        {
            Version = HttpVersion.Version20, // h2c: HTTP/2 without TLS, by prior knowledge
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(new byte[5]), // one empty, uncompressed message
        };
        request.Content.Headers.ContentType = new("application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        request.Headers.TryAddWithoutValidation("grpc-timeout", timeout);
        request.Headers.Authorization = new("Bearer", TestTokens.Admin);

        using var response = await http.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        var status = response.Headers.TryGetValues("grpc-status", out var values) ? values.Single()
            : response.TrailingHeaders.TryGetValues("grpc-status", out values) ? values.Single() : null;

        Assert.True(((int)StatusCode.DeadlineExceeded).ToString(System.Globalization.CultureInfo.InvariantCulture) == status,
            $"HTTP {(int)response.StatusCode}, grpc-status {status}; {response.Headers}");
    }

    [Fact]
    public async Task Json_ToAServiceThatNeverAnswers_IsCutAtTheDefaultDeadlineWith504()
    {
        // A backend that accepts connections and never answers: only a deadline of the gateway's own ends the call.
        using var silent = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var held = new System.Collections.Concurrent.ConcurrentBag<System.Net.Sockets.TcpClient>();
        _ = Task.Run(async () =>
        {
            while (true)
            {
                held.Add(await silent.AcceptTcpClientAsync());
            }
        });
        var environment = SuiteProcesses.GatewayEnvironment(null, fixture.Suite.Projects, fixture.Suite.Parks);
        environment["ReverseProxy__Clusters__cluster__Destinations__primary__Address"] = $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}";
        environment["Gateway__DefaultDeadlineSeconds"] = "1";
        await using var gateway = ServiceProcess.Start("gateway-deadline", "gateway", "Industry.Gateway", environment);
        await gateway.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        using var http = TestTokens.Http(gateway.HttpAddress, timeout: TimeSpan.FromSeconds(20));
        var started = DateTime.UtcNow;

        using var response = await http.GetAsync(new Uri("/v1/industries", UriKind.Relative));

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Contains("DEADLINE_EXCEEDED", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10), "the default deadline of 1 s ended the call");
        silent.Stop();
        foreach (var connection in held)
        {
            connection.Dispose();
        }
    }

    [Fact]
    public async Task RateLimit_PerCaller_IsResourceExhausted_AndOtherCallersGoOn()
    {
        var environment = SuiteProcesses.GatewayEnvironment(fixture.Suite.Cluster, fixture.Suite.Projects, fixture.Suite.Parks);
        environment["Gateway__RateLimitPermitsPerSecond"] = "1";
        environment["Gateway__RateLimitBurst"] = "3";
        await using var gateway = ServiceProcess.Start("gateway-limited", "gateway", "Industry.Gateway", environment);
        await gateway.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        using var channel = TestTokens.Channel(gateway.GrpcAddress);
        var clusters = new ClusterService.ClusterServiceClient(channel);
        var busy = TestTokens.Bearer(TestTokens.Mint(Roles.Viewer, subject: "busy-caller"));

        var statuses = new List<StatusCode>();
        for (var i = 0; i < 8; i++)
        {
            try
            {
                await clusters.ListIndustriesAsync(new ListIndustriesRequest(), busy);
                statuses.Add(StatusCode.OK);
            }
            catch (RpcException ex)
            {
                Assert.Equal("RATE_LIMITED", Errors.ReasonOf(ex));
                statuses.Add(ex.StatusCode);
            }
        }

        var other = await clusters.ListIndustriesAsync(new ListIndustriesRequest(), TestTokens.Bearer(TestTokens.Mint(Roles.Viewer, subject: "quiet-caller")));

        Assert.Contains(StatusCode.OK, statuses);
        Assert.Contains(StatusCode.ResourceExhausted, statuses);
        Assert.Equal(14, other.Industries.Count);
    }
}
