using System.Diagnostics;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Industry.Clusters.V1;
using Industry.TestInfrastructure;

namespace Industry.EndToEndTests;

/// <summary>A gateway whose services are all stopped: calls fail fast with UNAVAILABLE instead of hanging.</summary>
public sealed class StoppedServiceTests : IAsyncLifetime
{
    private ServiceProcess _gateway = null!;
    private GrpcChannel _channel = null!;

    public async Task InitializeAsync()
    {
        _gateway = ServiceProcess.Start("gateway", "gateway", "Industry.Gateway", SuiteProcesses.GatewayEnvironment(null, null, null));
        await _gateway.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        _channel = TestTokens.Channel(_gateway.GrpcAddress);
    }

    public async Task DisposeAsync()
    {
        _channel.Dispose();
        await _gateway.DisposeAsync();
    }

    [Fact]
    public async Task Call_ToStoppedService_IsUnavailableWellWithinTheDeadline()
    {
        var client = new ClusterService.ClusterServiceClient(_channel);
        var stopwatch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<RpcException>(() => client.ListIndustriesAsync(new ListIndustriesRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(30), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task HealthCheck_OfStoppedService_IsNotServingWhileGatewayIsReady()
    {
        var health = new Health.HealthClient(_channel);

        var backend = await health.CheckAsync(new HealthCheckRequest { Service = "industry.clusters.v1.ClusterService" });
        var gateway = await health.CheckAsync(new HealthCheckRequest { Service = "readiness" });

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, backend.Status);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, gateway.Status);
    }
}
