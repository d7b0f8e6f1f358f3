using System.Net;
using Grpc.Health.V1;
using Industry.Projects.V1;
using Industry.TestInfrastructure;

namespace Industry.IntegrationTests.EventBackbone;

/// <summary>
/// A broker outage does not take the API down (issue 17, hole 8): the real projects service stays ready (degraded)
/// while RabbitMQ is stopped, so Kubernetes keeps it in service; reads and writes succeed, and the writes' events
/// arrive once the broker is back. (MassTransit already reported a lost connection as degraded; the broker check's
/// MinimalFailureStatus now guarantees it, for a bus that has not connected yet too.)
/// </summary>
[Collection(BrokerFaultDefinition.Name)]
public sealed class BrokerOutageReadinessTests : IAsyncLifetime
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);
    private ServiceProcess? _projects;
    private BrokerAndDatabase _infrastructure = null!;

    public async Task InitializeAsync() => _infrastructure = await BrokerAndDatabase.StartAsync();

    public async Task DisposeAsync()
    {
        if (_projects is not null)
        {
            await _projects.DisposeAsync();
        }

        await _infrastructure.DisposeAsync();
    }

    [Fact]
    public async Task BrokerStoppedFor30Seconds_ServiceStaysReadyServesReadsAndWritesAndEventsArriveAfterwards()
    {
        var environment = new Dictionary<string, string>(_infrastructure.RabbitMqEnvironment())
        {
            ["ConnectionStrings__projects"] = await _infrastructure.CreateDatabaseAsync("broker_outage"),
        };
        _projects = ServiceProcess.Start("projects", "projects", "Industry.Projects", environment);
        await _projects.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        await using var subscription = await EventSubscription.BindAsync(_infrastructure.RabbitMqUri, PlanEvents.Exchange);
        using var channel = TestTokens.Channel(_projects.GrpcAddress);
        var projects = new ProjectService.ProjectServiceClient(channel);
        var health = new Health.HealthClient(channel);
        using var http = new HttpClient { BaseAddress = _projects.HttpAddress, Timeout = TimeSpan.FromSeconds(5) };

        var notReady = new List<string>();
        var writes = 0;
        await _infrastructure.StopBrokerAsync();
        try
        {
            var end = DateTime.UtcNow + Outage;
            while (DateTime.UtcNow < end)
            {
                using (var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative)))
                {
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        notReady.Add($"{DateTime.UtcNow:HH:mm:ss} /health/ready {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                    }
                }

                var grpc = await health.CheckAsync(new HealthCheckRequest { Service = "readiness" });
                if (grpc.Status != HealthCheckResponse.Types.ServingStatus.Serving)
                {
                    notReady.Add($"{DateTime.UtcNow:HH:mm:ss} gRPC readiness {grpc.Status}");
                }

                writes++;
                await projects.UpdatePlanAsync(new UpdatePlanRequest
                {
                    Plan = new Plan { Name = "plans/2094", TargetKeyProjectsUnderImplementation = writes },
                    AllowMissing = true,
                }, deadline: DateTime.UtcNow.AddSeconds(10));
                var read = await projects.GetPlanAsync(new GetPlanRequest { Name = "plans/2094" }, deadline: DateTime.UtcNow.AddSeconds(10));
                Assert.Equal(writes, read.TargetKeyProjectsUnderImplementation);
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
        finally
        {
            await _infrastructure.StartBrokerAsync();
        }

        Assert.True(notReady.Count == 0, "Not ready while the broker was away:\n" + string.Join('\n', notReady));
        var received = await subscription.WaitForAsync(writes, TimeSpan.FromSeconds(90));
        Assert.Equal(writes, received.Select(m => m.BasicProperties.MessageId).Distinct().Count());
        await _projects.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));
    }

    // A pod that starts while the broker is away (a node restart, a broker upgrade) must still enter service: its bus has
    // never connected, which MassTransit reports as unhealthy unless the broker check is capped at degraded.
    [Fact]
    public async Task StartedWhileTheBrokerIsAway_ServiceBecomesReadyTakesWritesAndEventsArriveOnceTheBrokerIsBack()
    {
        var environment = new Dictionary<string, string>(_infrastructure.RabbitMqEnvironment())
        {
            ["ConnectionStrings__projects"] = await _infrastructure.CreateDatabaseAsync("broker_away_at_start"),
        };
        await using var subscription = await EventSubscription.BindAsync(_infrastructure.RabbitMqUri, PlanEvents.Exchange);
        await _infrastructure.StopBrokerAsync();
        try
        {
            _projects = ServiceProcess.Start("projects", "projects", "Industry.Projects", environment);
            await _projects.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
            using var channel = TestTokens.Channel(_projects.GrpcAddress);
            var projects = new ProjectService.ProjectServiceClient(channel);
            await projects.UpdatePlanAsync(new UpdatePlanRequest
            {
                Plan = new Plan { Name = "plans/2095", TargetKeyProjectsUnderImplementation = 7 },
                AllowMissing = true,
            }, deadline: DateTime.UtcNow.AddSeconds(10));
        }
        finally
        {
            await _infrastructure.StartBrokerAsync();
        }

        var received = await subscription.WaitForAsync(1, TimeSpan.FromSeconds(90));
        Assert.Single(received);
    }
}
