using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using Industry.Projects.V1;
using Industry.TestInfrastructure;
using Npgsql;
using RabbitMQ.Client.Events;
using Xunit.Abstractions;

namespace Industry.EndToEndTests;

/// <summary>
/// A rolling update in miniature (docs/conventions.md §5.8): two projects-service replicas on one database behind the
/// gateway, a client calling through the gateway without pause, and SIGTERM to one replica. The replica drains
/// (reports not ready while still serving, so the gateway's active health checks take it out of rotation), then stops
/// its server, outbox relay and bus. No call may fail, the replica must exit cleanly within its shutdown timeout, and
/// every write's PlanUpdated event must reach the broker exactly once with no outbox row left behind.
/// It runs alone (<see cref="TimingSensitiveDefinition"/>): its timings mean something only on an unloaded machine.
/// </summary>
[Collection(TimingSensitiveDefinition.Name)]
public sealed class GracefulShutdownTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Exchange = "industry.projects.v1.plan-updated";
    private const string TargetPath = "target_key_projects_under_implementation";
    private const int ShutdownTimeoutSeconds = 25;
    private const int DrainDelaySeconds = 5;
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(10);
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    private readonly string _traceId = ActivityTraceId.CreateRandom().ToHexString();
    private BrokerAndDatabase _infrastructure = null!;
    private string _database = string.Empty;
    private ServiceProcess? _leaving;
    private ServiceProcess? _staying;
    private ServiceProcess? _gateway;
    private GrpcChannel? _channel;

    public async Task InitializeAsync()
    {
        _infrastructure = await BrokerAndDatabase.StartAsync();
        _database = await _infrastructure.CreateDatabaseAsync("e2e_shutdown_projects");
        var environment = new Dictionary<string, string>(_infrastructure.RabbitMqEnvironment())
        {
            ["ConnectionStrings__projects"] = _database,
            ["Hosting__ShutdownTimeoutSeconds"] = ShutdownTimeoutSeconds.ToString(CultureInfo.InvariantCulture),
            ["Hosting__DrainDelaySeconds"] = DrainDelaySeconds.ToString(CultureInfo.InvariantCulture),
            // One line per request, to see that the replica being stopped did take its share of the calls.
            ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
        };

        // One after the other: the first migrates the fresh database, the second finds it up to date.
        _leaving = ServiceProcess.Start("projects-a", "projects", "Industry.Projects", environment);
        await _leaving.WaitUntilReadyAsync(ReadyTimeout);
        _staying = ServiceProcess.Start("projects-b", "projects", "Industry.Projects", environment);
        await _staying.WaitUntilReadyAsync(ReadyTimeout);

        var gateway = SuiteProcesses.GatewayEnvironment(null, _leaving, null);
        gateway["ReverseProxy__Clusters__projects__Destinations__secondary__Address"] = _staying.GrpcAddress.ToString();
        _gateway = ServiceProcess.Start("gateway", "gateway", "Industry.Gateway", gateway);
        await _gateway.WaitUntilReadyAsync(ReadyTimeout);
        _channel = TestTokens.Channel(_gateway.GrpcAddress);
    }

    public async Task DisposeAsync()
    {
        _channel?.Dispose();
        foreach (var process in new[] { _gateway, _leaving, _staying })
        {
            if (process is not null)
            {
                await process.DisposeAsync();
            }
        }

        if (_infrastructure is not null)
        {
            await _infrastructure.DisposeAsync();
        }
    }

    [Fact]
    public async Task Sigterm_OneOfTwoReplicasUnderLoad_NoCallFailsAndEveryEventPublishedOnce()
    {
        await using var subscription = await EventSubscription.BindAsync(_infrastructure.RabbitMqUri, Exchange);
        var client = new ProjectService.ProjectServiceClient(_channel);
        var load = new Load();
        using var stop = new CancellationTokenSource();
        Task[] callers =
        [
            .. Enumerable.Range(0, 4).Select(_ => ReadLoopAsync(client, load, stop.Token)),
            .. Enumerable.Range(2030, 2).Select(year => WriteLoopAsync(client, $"plans/{year}", load, stop.Token)),
        ];

        // Both replicas serve before the stop: the gateway balances over them.
        await WaitUntilAsync(() => _leaving!.RecentOutput.Contains("ProjectService/", StringComparison.Ordinal), TimeSpan.FromSeconds(20),
            () => $"{_leaving!.Name} served no call through the gateway:\n{_leaving.RecentOutput}");
        await Task.Delay(TimeSpan.FromSeconds(1));
        var callsBeforeStop = load.Calls;

        var stopwatch = Stopwatch.StartNew();
        await _leaving!.StopAsync(TimeSpan.FromSeconds(ShutdownTimeoutSeconds + 30));
        var stopTime = stopwatch.Elapsed;
        var callsDuringStop = load.Calls - callsBeforeStop;

        // The survivor goes on serving alone.
        await Task.Delay(TimeSpan.FromSeconds(2));
        await stop.CancelAsync();
        await Task.WhenAll(callers);
        output.WriteLine($"stopped in {stopTime.TotalSeconds:F1} s; {load.Calls} calls ({callsDuringStop} during the stop), {load.Writes.Count} writes, {load.Failures.Count} failures");
        output.WriteLine(_leaving.RecentOutput);

        Assert.True(load.Failures.IsEmpty, "Calls failed:\n" + string.Join("\n", load.Failures.Take(20)));
        Assert.True(callsDuringStop > 0, "no call was made while the replica stopped");
        Assert.Equal(0, _leaving.ExitCode);
        Assert.InRange(stopTime, TimeSpan.FromSeconds(DrainDelaySeconds), TimeSpan.FromSeconds(ShutdownTimeoutSeconds));
        Assert.False(_staying!.HasExited);

        // Every accepted write raised exactly one event, whichever replica took it and whichever relay published it.
        var expected = load.Writes.Select(w => $"{w.Name}@{VersionOf(w.Etag)}").Order(StringComparer.Ordinal).ToList();
        var ours = await WaitForEventsAsync(subscription, expected.Count);
        var published = ours.Select(e => $"{e.Event.Metadata.Subject}@{e.Event.Metadata.SubjectVersion}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, published);
        Assert.Equal(ours.Count, ours.Select(e => e.MessageId).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(0, await PendingOutboxRowsAsync());
    }

    private static async Task ReadLoopAsync(ProjectService.ProjectServiceClient client, Load load, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                // Never cancelled by the test: a call in flight when the load stops runs to its end.
                var plan = await client.GetPlanAsync(
                    new GetPlanRequest { Name = "plans/2024" }, deadline: DateTime.UtcNow + CallDeadline, cancellationToken: CancellationToken.None);
                Assert.Equal(1200, plan.TargetKeyProjectsUnderImplementation);
                load.Succeeded();
            }
            catch (RpcException ex)
            {
                load.Failed($"{DateTime.UtcNow:HH:mm:ss.fff} GetPlan: {ex.StatusCode} {ex.Status.Detail}");
            }

            await Task.Delay(5, CancellationToken.None);
        }
    }

    /// <summary>One writer per plan, one write at a time, each changing the target so that each raises an event.</summary>
    private async Task WriteLoopAsync(ProjectService.ProjectServiceClient client, string name, Load load, CancellationToken stop)
    {
        var headers = new Metadata { { "traceparent", $"00-{_traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01" } };
        for (var target = 1; !stop.IsCancellationRequested; target++)
        {
            var request = new UpdatePlanRequest
            {
                Plan = new Plan { Name = name, TargetKeyProjectsUnderImplementation = target },
                UpdateMask = new FieldMask { Paths = { TargetPath } },
                AllowMissing = true,
            };
            try
            {
                load.Wrote(await client.UpdatePlanAsync(request, headers, DateTime.UtcNow + CallDeadline, CancellationToken.None));
            }
            catch (RpcException ex)
            {
                load.Failed($"{DateTime.UtcNow:HH:mm:ss.fff} UpdatePlan {name}: {ex.StatusCode} {ex.Status.Detail}");
            }

            await Task.Delay(20, CancellationToken.None);
        }
    }

    /// <summary>
    /// Waits until <paramref name="count"/> events of this test's trace arrived (the broker is shared with other runs),
    /// then a little longer, so that a duplicate published late would be seen too.
    /// </summary>
    private async Task<List<(string MessageId, PlanUpdated Event)>> WaitForEventsAsync(EventSubscription subscription, int count)
    {
        List<(string, PlanUpdated)> Ours() => [.. subscription.Received.Where(IsOurs).Select(d => (d.BasicProperties.MessageId!, Parse(d)))];
        await WaitUntilAsync(() => Ours().Count >= count, TimeSpan.FromSeconds(30), () => $"{Ours().Count} of {count} events arrived");
        await Task.Delay(TimeSpan.FromSeconds(2));
        return Ours();
    }

    private bool IsOurs(BasicDeliverEventArgs delivery) =>
        delivery.BasicProperties.Headers?.TryGetValue("cloudEvents:traceparent", out var value) == true
        && value is byte[] bytes
        && Encoding.UTF8.GetString(bytes).Split('-') is [_, var traceId, ..]
        && traceId == _traceId;

    private static PlanUpdated Parse(BasicDeliverEventArgs delivery) => Parser.Parse<PlanUpdated>(Encoding.UTF8.GetString(delivery.Body.Span));

    private async Task<long> PendingOutboxRowsAsync()
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM outbox_messages WHERE dispatch_time IS NULL", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, Func<string> failure)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail(failure());
            }

            await Task.Delay(100);
        }
    }

    /// <summary>The etag is the plan's version in weak-etag form: <c>W/"2"</c> → 2.</summary>
    private static long VersionOf(string etag) => long.Parse(etag.AsSpan()[3..^1], CultureInfo.InvariantCulture);

    /// <summary>What the client saw: successful calls, accepted writes, and every failure with its time and status.</summary>
    private sealed class Load
    {
        private long _calls;

        public long Calls => Interlocked.Read(ref _calls);

        public ConcurrentQueue<Plan> Writes { get; } = new();

        public ConcurrentQueue<string> Failures { get; } = new();

        public void Succeeded() => Interlocked.Increment(ref _calls);

        public void Wrote(Plan plan)
        {
            Writes.Enqueue(plan);
            Succeeded();
        }

        public void Failed(string failure)
        {
            Failures.Enqueue(failure);
            Interlocked.Increment(ref _calls);
        }
    }
}

/// <summary>Tests that measure time: run after the others, one at a time, never beside another test's processes.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingSensitiveDefinition
{
    public const string Name = "timing-sensitive";
}
