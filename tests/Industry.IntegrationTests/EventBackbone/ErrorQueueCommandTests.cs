using Industry.Projects.V1;
using Industry.ServiceDefaults.Hosting;
using Industry.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using RabbitMQ.Client;

namespace Industry.IntegrationTests.EventBackbone;

/// <summary>
/// Poison messages and the operator's <c>errors</c> command (issue 17, hole 6), on quorum queues with a delivery limit
/// as prod declares them: an event the consumer refused and one the broker gave up on after deliveries nobody
/// acknowledged are both listed with their reason; once the cause is fixed they are replayed and applied exactly once,
/// another is purged, and the error queue ends empty.
/// </summary>
public sealed class ErrorQueueCommandTests : IAsyncLifetime
{
    private const string Prefix = "errorstool";
    private const int FirstYear = 7600; // clear of the years the other consumer tests use
    private const int RefusedTarget = 760_001;
    private const int DeliveryLimit = 2;
    private static readonly string Queue = ConsumerHost.QueueNameFor(Prefix);
    private static readonly string ErrorQueue = Queue + "_error";
    private BrokerAndDatabase _infrastructure = null!;

    // A virtual host of the test's own: while the consumer is down, any PlanUpdated another test class raises would
    // otherwise wait in this queue, be "crashed" with the test's event and land in the error queue beside it.
    private Uri _broker = null!;
    private Dictionary<string, string?> _settings = null!;
    private ConsumerHost? _consumer;
    private EventPublisher _publisher = null!;
    private string _database = string.Empty;

    public async Task InitializeAsync()
    {
        _infrastructure = await BrokerAndDatabase.StartAsync();
        _database = await _infrastructure.CreateDatabaseAsync("error_queue_command");
        var virtualHost = await _infrastructure.CreateVirtualHostAsync("errorstool");
        _broker = _infrastructure.RabbitMqUriFor(virtualHost);
        _settings = new Dictionary<string, string?>
        {
            ["RabbitMq:VirtualHost"] = virtualHost,
            ["RabbitMq:EndpointPrefix"] = Prefix,
            ["RabbitMq:QuorumQueues"] = "true",
            ["RabbitMq:DeliveryLimit"] = DeliveryLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        _consumer = await ConsumerHost.StartAsync(_infrastructure, connectionString: _database, settings: _settings);
        _publisher = await EventPublisher.ConnectAsync(_broker);
    }

    public async Task DisposeAsync()
    {
        PlanEffectConsumer.RefusedTargets.TryRemove(RefusedTarget, out _);
        await _publisher.DisposeAsync();
        if (_consumer is not null)
        {
            await _consumer.DisposeAsync();
        }

        await _infrastructure.DisposeAsync();
    }

    [Fact]
    public async Task RefusedAndCrashingEvents_AreListedWithTheirReason_ReplayedOnceFixed_AndPurged()
    {
        // A cause an operator can fix (a reference row missing), for two events; a third is fine.
        PlanEffectConsumer.RefusedTargets[RefusedTarget] = true;
        var refused = PlanEvents.Updated(Guid.NewGuid(), FirstYear, version: 1, target: RefusedTarget);
        var dropped = PlanEvents.Updated(Guid.NewGuid(), FirstYear + 1, version: 1, target: RefusedTarget);
        var accepted = PlanEvents.Updated(Guid.NewGuid(), FirstYear + 2, version: 1, target: 3);
        foreach (var @event in new[] { refused, dropped, accepted })
        {
            await _publisher.PublishAsync(@event);
        }

        await WaitForErrorQueueAsync(2);

        // An event that crashes every process receiving it: no consumer runs, each delivery ends unacknowledged.
        await _consumer!.DisposeAsync();
        _consumer = null;
        var crashing = PlanEvents.Updated(Guid.NewGuid(), FirstYear + 3, version: 1, target: 4);
        await _publisher.PublishAsync(crashing);
        Assert.True(await CrashedDeliveriesAsync() > DeliveryLimit, "the broker stopped redelivering before its limit");
        await WaitForErrorQueueAsync(3);

        var list = await RunAsync("errors", "list");
        Assert.Contains($"{Queue}\t{Id(refused)}\t", list, StringComparison.Ordinal);
        Assert.Contains($"System.InvalidOperationException: simulated missing reference row for target {RefusedTarget}", list, StringComparison.Ordinal);
        Assert.Contains($"{Queue}\t{Id(dropped)}\t", list, StringComparison.Ordinal);
        Assert.Matches($"{Id(crashing)}\t.*dead-lettered by the broker: delivery_limit", list);
        var shown = await RunAsync("errors", "show", Id(refused));
        Assert.Contains("header MT-Fault-ExceptionType: System.InvalidOperationException", shown, StringComparison.Ordinal);
        Assert.Contains($"\"plans/{FirstYear}\"", shown, StringComparison.Ordinal);
        Assert.Equal(3u, await ErrorQueueDepthAsync()); // listing and showing leave every message where it is

        // The cause fixed and the consumer back: one replayed by id, one purged by id, the rest replayed together.
        PlanEffectConsumer.RefusedTargets.TryRemove(RefusedTarget, out _);
        _consumer = await ConsumerHost.StartAsync(_infrastructure, connectionString: _database, settings: _settings);
        Assert.Contains("replayed 1", await RunAsync("errors", "replay", Id(refused)), StringComparison.Ordinal);
        Assert.Contains("purged 1", await RunAsync("errors", "purge", Id(dropped)), StringComparison.Ordinal);
        Assert.Contains("replayed 1", await RunAsync("errors", "replay", "all"), StringComparison.Ordinal);
        Assert.Equal(0u, await ErrorQueueDepthAsync());

        var ids = new[] { refused, dropped, accepted, crashing }.Select(e => Guid.Parse(e.Metadata.EventId)).ToList();
        await _consumer.WaitUntilAsync(
            async db => await db.AppliedPlans.CountAsync(p => ids.Contains(p.MessageId)) >= 3, TimeSpan.FromSeconds(60), "the replayed events applied");
        await Task.Delay(TimeSpan.FromSeconds(2)); // a second application would show by now
        var applied = await _consumer.QueryAsync(db => db.AppliedPlans.Where(p => ids.Contains(p.MessageId)).Select(p => p.MessageId).ToListAsync());
        Assert.Equal(new[] { refused, accepted, crashing }.Select(e => Guid.Parse(e.Metadata.EventId)).Order(), applied.Order());
        Assert.Equal(0u, await ErrorQueueDepthAsync());

        // Purge without an id empties the error queue.
        PlanEffectConsumer.RefusedTargets[RefusedTarget] = true;
        await _publisher.PublishAsync(PlanEvents.Updated(Guid.NewGuid(), FirstYear + 4, version: 1, target: RefusedTarget));
        await WaitForErrorQueueAsync(1);
        Assert.Contains("purged 1", await RunAsync("errors", "purge"), StringComparison.Ordinal);
        Assert.Equal(0u, await ErrorQueueDepthAsync());
    }

    [Fact]
    public async Task EveryServiceProcessHasTheCommand()
    {
        var database = await _infrastructure.CreateDatabaseAsync("error_queue_command_cluster");
        var environment = new Dictionary<string, string>(_infrastructure.RabbitMqEnvironment()) { ["ConnectionStrings__cluster"] = database };
        var (exitCode, output, errors) = await ServiceCommand.RunToExitAsync("cluster", "Industry.Cluster", environment, "errors", "list");
        Assert.True(exitCode == 0, $"errors list exited with {exitCode}:\n{output}\n{errors}");
        Assert.Contains("\nqueue\tmessage_id\tevent_type\tsubject\tfault_time\treason\n", "\n" + output, StringComparison.Ordinal); // among its log lines
        Assert.Contains("message(s) in the error queues", errors, StringComparison.Ordinal);
        Assert.Equal(2, (await ServiceCommand.RunToExitAsync("cluster", "Industry.Cluster", environment, "errors", "replay")).ExitCode);
    }

    private static string Id(PlanUpdated @event) => @event.Metadata.EventId;

    /// <summary>The command as a service process runs it: an application built like the consumer's, never started.</summary>
    private async Task<string> RunAsync(params string[] args)
    {
        await using var app = ConsumerHost.Build(_infrastructure, concurrentMessages: 1, _database, _settings);
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exitCode = await ErrorsCommand.RunAsync(app, args, output, errors);
        Assert.True(exitCode == 0, $"{string.Join(' ', args)} exited with {exitCode}:\n{output}\n{errors}");
        return output.ToString();
    }

    /// <summary>Receives the message and drops the channel without acknowledging it, as a process that dies does, until the broker stops handing it out.</summary>
    private async Task<int> CrashedDeliveriesAsync()
    {
        await using var connection = await new ConnectionFactory { Uri = _broker }.CreateConnectionAsync();
        var deliveries = 0;
        for (var misses = 0; misses < 5 && deliveries < 10;)
        {
            // A new channel each time: closing one returns its unacknowledged message, a moment later.
            await using var channel = await connection.CreateChannelAsync();
            if (await channel.BasicGetAsync(Queue, autoAck: false) is null)
            {
                misses++;
                await Task.Delay(100);
            }
            else
            {
                deliveries++;
            }
        }

        return deliveries;
    }

    /// <summary>Messages in the error queue; 0 while it does not exist.</summary>
    private async Task<uint> ErrorQueueDepthAsync()
    {
        await using var connection = await new ConnectionFactory { Uri = _broker }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(ErrorQueue)).MessageCount;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return 0;
        }
    }

    private async Task WaitForErrorQueueAsync(uint depth)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (await ErrorQueueDepthAsync() < depth)
        {
            Assert.True(DateTime.UtcNow < deadline, $"fewer than {depth} message(s) reached {ErrorQueue}");
            await Task.Delay(100);
        }
    }
}
