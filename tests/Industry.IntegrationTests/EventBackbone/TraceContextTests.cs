using System.Diagnostics;
using Industry.Projects.V1;
using Industry.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace Industry.IntegrationTests.EventBackbone;

/// <summary>
/// The trace of a gRPC call continues through the outbox, the broker and the consumer: the consumer's span (collected
/// by an in-memory OpenTelemetry exporter) belongs to the trace that the caller started.
/// </summary>
[Collection(BrokerFaultDefinition.Name)]
public sealed class TraceContextTests : IAsyncLifetime
{
    private static readonly ActivitySource Source = new(ConsumerHost.TestActivitySource);
    private BrokerAndDatabase _infrastructure = null!;
    private ConsumerHost _consumer = null!;
    private ServiceProcess _projects = null!;

    public async Task InitializeAsync()
    {
        _infrastructure = await BrokerAndDatabase.StartAsync();
        _consumer = await ConsumerHost.StartAsync(_infrastructure);
        _projects = ServiceProcess.Start("projects", "projects", "Industry.Projects", new Dictionary<string, string>(_infrastructure.RabbitMqEnvironment())
        {
            ["ConnectionStrings__projects"] = await _infrastructure.CreateDatabaseAsync("trace"),
        });
        await _projects.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
    }

    public async Task DisposeAsync()
    {
        await _projects.DisposeAsync();
        await _consumer.DisposeAsync();
        await _infrastructure.DisposeAsync();
    }

    [Fact]
    public async Task UpdatePlan_EventConsumed_ConsumerSpanIsInTheTraceOfTheGrpcCall()
    {
        using var channel = TestTokens.Channel(_projects.GrpcAddress);
        var client = new ProjectService.ProjectServiceClient(channel);
        ActivityTraceId traceId;
        using (var call = Source.StartActivity("client calls UpdatePlan", ActivityKind.Client))
        {
            Assert.NotNull(call); // the in-memory exporter listens to the test source
            traceId = call.TraceId;
            await client.UpdatePlanAsync(new UpdatePlanRequest
            {
                Plan = new Plan { Name = "plans/2095", TargetKeyProjectsUnderImplementation = 77 },
                AllowMissing = true,
            }, deadline: DateTime.UtcNow.AddSeconds(30));
        }

        await _consumer.WaitUntilAsync(db => db.AppliedPlans.AnyAsync(p => p.Subject == "plans/2095" && p.Target == 77), TimeSpan.FromSeconds(30), "the event consumed");
        var consumerSpans = await WaitForSpansAsync(a => a.Kind == ActivityKind.Consumer && a.TraceId == traceId);

        Assert.NotEmpty(consumerSpans);
        Assert.All(consumerSpans, s => Assert.Equal(traceId, s.TraceId));
    }

    /// <summary>Spans are exported when they end, just after the consume completes.</summary>
    private async Task<List<Activity>> WaitForSpansAsync(Func<Activity, bool> match)
    {
        for (var i = 0; i < 50; i++)
        {
            List<Activity> found;
            lock (_consumer.Spans)
            {
                found = [.. _consumer.Spans.Where(match)];
            }

            if (found.Count > 0)
            {
                return found;
            }

            await Task.Delay(100);
        }

        lock (_consumer.Spans)
        {
            var seen = string.Join(", ", _consumer.Spans.Select(s => $"{s.DisplayName} [{s.Kind}] {s.TraceId}"));
            throw new TimeoutException("No consumer span in the call's trace. Spans seen: " + seen);
        }
    }
}
