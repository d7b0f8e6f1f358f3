using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using Industry.Projects.V1;
using Industry.TestInfrastructure;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using Xunit.Abstractions;

namespace Industry.EndToEndTests;

/// <summary>
/// The event contract of docs/events.md, read the way a consumer in another language reads it: a queue of its own
/// bound to the fanout exchange with plain RabbitMQ.Client, the body decoded with the generated protobuf types and
/// Google.Protobuf's <see cref="JsonParser"/>, the AMQP properties and <c>cloudEvents:*</c> headers read raw. Nothing
/// from the services' shared library is used: if a consumer needed more than the protos, these tests could not pass.
/// The projects service runs alone as a real process on its own fresh database and the real broker.
/// </summary>
public sealed partial class ExternalConsumerTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Exchange = "industry.projects.v1.plan-updated";
    private const string TargetPath = "target_key_projects_under_implementation";
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(30);

    /// <summary>What docs/events.md tells a consumer to use: the proto3 JSON mapping, unknown fields ignored.</summary>
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    private BrokerAndDatabase _infrastructure = null!;
    private ServiceProcess _projects = null!;
    private GrpcChannel _channel = null!;

    public async Task InitializeAsync()
    {
        _infrastructure = await BrokerAndDatabase.StartAsync();
        var environment = new Dictionary<string, string>(_infrastructure.RabbitMqEnvironment())
        {
            ["ConnectionStrings__projects"] = await _infrastructure.CreateDatabaseAsync("e2e_consumer_projects"),
        };
        _projects = ServiceProcess.Start("projects", "projects", "Industry.Projects", environment);
        await _projects.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        _channel = TestTokens.Channel(_projects.GrpcAddress);
    }

    public async Task DisposeAsync()
    {
        _channel?.Dispose();
        if (_projects is not null)
        {
            await _projects.DisposeAsync();
        }

        if (_infrastructure is not null)
        {
            await _infrastructure.DisposeAsync();
        }
    }

    [Fact]
    public async Task UpdatePlan_ExternalQueueBoundToExchange_ReceivesPlanUpdatedAsProto3JsonWithCloudEventsHeaders()
    {
        await using var subscription = await EventSubscription.BindAsync(_infrastructure.RabbitMqUri, Exchange);
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        var before = DateTime.UtcNow;

        var plan = await UpdateTargetAsync(1234, etag: string.Empty, traceId);

        var delivery = await WaitForEventAboutAsync(subscription, plan);
        var after = DateTime.UtcNow;
        DumpHeaders(delivery);
        var properties = delivery.BasicProperties;
        var json = Encoding.UTF8.GetString(delivery.Body.Span);
        var @event = Parser.Parse<PlanUpdated>(json);
        var metadata = @event.Metadata;

        // Where it came from and what it is.
        Assert.Equal(Exchange, delivery.Exchange);
        Assert.Equal("application/json", properties.ContentType);
        Assert.Equal(DeliveryModes.Persistent, properties.DeliveryMode);
        Assert.Equal(metadata.EventId, properties.MessageId);
        Assert.True(Guid.TryParse(properties.MessageId, out _), $"message_id '{properties.MessageId}' is not a UUID");

        // The envelope in the body.
        Assert.Equal("industry.projects.v1.PlanUpdated", metadata.EventType);
        Assert.Equal("//projects.industry.anhui.gov.cn", metadata.Source);
        Assert.Equal("plans/2024", metadata.Subject);
        Assert.Equal(VersionOf(plan.Etag), metadata.SubjectVersion);
        Assert.Equal(plan.UpdateActor, metadata.Actor);
        var occurTime = metadata.OccurTime.ToDateTime();
        Assert.InRange(occurTime, before.AddSeconds(-5), after.AddSeconds(5));

        // The CloudEvents attributes as AMQP headers, all strings.
        Assert.Equal("1.0", Header(properties, "cloudEvents:specversion"));
        Assert.Equal(metadata.EventId, Header(properties, "cloudEvents:id"));
        Assert.Equal("//projects.industry.anhui.gov.cn", Header(properties, "cloudEvents:source"));
        Assert.Equal("industry.projects.v1.PlanUpdated", Header(properties, "cloudEvents:type"));
        Assert.Equal("plans/2024", Header(properties, "cloudEvents:subject"));
        Assert.Equal("application/json", Header(properties, "cloudEvents:datacontenttype"));
        Assert.Equal(VersionOf(plan.Etag).ToString(CultureInfo.InvariantCulture), Header(properties, "cloudEvents:subjectversion"));
        Assert.Equal(plan.UpdateActor, Header(properties, "cloudEvents:actor"));
        var time = Header(properties, "cloudEvents:time");
        Assert.EndsWith("Z", time, StringComparison.Ordinal);
        var headerTime = DateTime.Parse(time, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        Assert.Equal(DateTimeKind.Utc, headerTime.Kind);
        Assert.InRange(headerTime - occurTime, TimeSpan.FromMilliseconds(-1), TimeSpan.FromMilliseconds(1));
        var traceParent = Header(properties, "cloudEvents:traceparent");
        Assert.Matches(TraceParentPattern(), traceParent);
        Assert.Equal(traceId, traceParent.Split('-')[1]);

        // The resource after the change and what changed, through the generated types…
        Assert.Equal(plan, @event.Plan);
        Assert.Equal(1234, @event.Plan.TargetKeyProjectsUnderImplementation);
        Assert.Equal(TargetPath, Assert.Single(@event.UpdateMask.Paths));

        // …and as plain JSON, which is what a consumer without generated code reads.
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal(1234, root.GetProperty("plan").GetProperty("targetKeyProjectsUnderImplementation").GetInt32());
        Assert.Equal("targetKeyProjectsUnderImplementation", root.GetProperty("updateMask").GetString());
        Assert.Equal(JsonValueKind.String, root.GetProperty("metadata").GetProperty("subjectVersion").ValueKind);
    }

    [Fact]
    public async Task UpdatePlan_TwoChanges_TwoEventsWithDistinctIdsAndIncreasingSubjectVersions()
    {
        await using var subscription = await EventSubscription.BindAsync(_infrastructure.RabbitMqUri, Exchange);
        var traceId = ActivityTraceId.CreateRandom().ToHexString();

        var first = await UpdateTargetAsync(1234, etag: string.Empty, traceId);
        var second = await UpdateTargetAsync(1300, first.Etag, traceId);

        var events = new[] { await WaitForEventAboutAsync(subscription, first), await WaitForEventAboutAsync(subscription, second) };
        var ids = events.Select(e => e.BasicProperties.MessageId).ToList();
        var versions = events.Select(e => long.Parse(Header(e.BasicProperties, "cloudEvents:subjectversion"), CultureInfo.InvariantCulture)).ToList();
        var bodies = events.Select(e => Parser.Parse<PlanUpdated>(Encoding.UTF8.GetString(e.Body.Span))).ToList();

        Assert.Equal(2, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.True(Guid.TryParse(id, out _), $"message_id '{id}' is not a UUID"));
        Assert.Equal(ids, bodies.Select(b => b.Metadata.EventId));
        Assert.True(versions[0] < versions[1], $"subject versions {versions[0]} then {versions[1]} do not increase");
        Assert.Equal<long>([VersionOf(first.Etag), VersionOf(second.Etag)], versions);
        Assert.Equal(versions, bodies.Select(b => b.Metadata.SubjectVersion));
        Assert.All(events, e => Assert.Equal("plans/2024", Header(e.BasicProperties, "cloudEvents:subject")));
        Assert.Equal<int>([1234, 1300], bodies.Select(b => b.Plan.TargetKeyProjectsUnderImplementation));
    }

    /// <summary>Sets the 2024 target over gRPC with an update mask, in a trace of the test's own.</summary>
    private async Task<Plan> UpdateTargetAsync(int target, string etag, string traceId)
    {
        var client = new ProjectService.ProjectServiceClient(_channel);
        var request = new UpdatePlanRequest
        {
            Plan = new Plan { Name = "plans/2024", TargetKeyProjectsUnderImplementation = target, Etag = etag },
            UpdateMask = new FieldMask { Paths = { TargetPath } },
        };
        var headers = new Metadata { { "traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01" } };
        return await client.UpdatePlanAsync(request, headers, DateTime.UtcNow.AddSeconds(15));
    }

    /// <summary>
    /// The delivery whose body carries exactly <paramref name="plan"/> (name, etag, times): the broker is shared with
    /// other test runs, whose projects services publish on the same exchange, so the test picks out its own event.
    /// </summary>
    private static async Task<BasicDeliverEventArgs> WaitForEventAboutAsync(EventSubscription subscription, Plan plan)
    {
        var deadline = DateTime.UtcNow + EventTimeout;
        for (var count = 1; ; count++)
        {
            var remaining = deadline - DateTime.UtcNow;
            IReadOnlyList<BasicDeliverEventArgs> received;
            try
            {
                received = await subscription.WaitForAsync(count, remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException(
                    $"No event on {Exchange} carried {plan.Name} at {plan.Etag} within {EventTimeout}; received {subscription.Received.Count} other message(s).");
            }

            var match = received.FirstOrDefault(d => TryParse(d) is { } e && e.Plan is not null && e.Plan.Equals(plan));
            if (match is not null)
            {
                return match;
            }
        }
    }

    private static PlanUpdated? TryParse(BasicDeliverEventArgs delivery)
    {
        try
        {
            return Parser.Parse<PlanUpdated>(Encoding.UTF8.GetString(delivery.Body.Span));
        }
        catch (InvalidProtocolBufferException)
        {
            return null; // another run's deliberately malformed message
        }
        catch (InvalidJsonException)
        {
            return null;
        }
    }

    /// <summary>A header the contract defines: present, and an AMQP long string (bytes on the wire).</summary>
    private static string Header(IReadOnlyBasicProperties properties, string name)
    {
        Assert.NotNull(properties.Headers);
        Assert.True(properties.Headers.TryGetValue(name, out var value), $"header '{name}' is missing");
        var bytes = Assert.IsType<byte[]>(value);
        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>The etag is the plan's version in weak-etag form: <c>W/"2"</c> → 2.</summary>
    private static long VersionOf(string etag)
    {
        Assert.StartsWith("W/\"", etag, StringComparison.Ordinal);
        return long.Parse(etag.AsSpan()[3..^1], CultureInfo.InvariantCulture);
    }

    /// <summary>Everything that arrived, for the test log (docs/events.md lists which of it is contract).</summary>
    private void DumpHeaders(BasicDeliverEventArgs delivery)
    {
        var p = delivery.BasicProperties;
        output.WriteLine($"exchange={delivery.Exchange} routing_key='{delivery.RoutingKey}' message_id={p.MessageId} content_type={p.ContentType} "
            + $"delivery_mode={p.DeliveryMode} correlation_id={p.CorrelationId} type={p.Type} app_id={p.AppId} timestamp={p.Timestamp.UnixTime}");
        foreach (var (key, value) in p.Headers ?? new Dictionary<string, object?>())
        {
            output.WriteLine($"header {key} = {Format(value)}");
        }

        output.WriteLine("body " + Encoding.UTF8.GetString(delivery.Body.Span));
    }

    private static string Format(object? value) => value switch
    {
        null => "null",
        byte[] bytes => "\"" + Encoding.UTF8.GetString(bytes) + "\"",
        IEnumerable<object> list => "[" + string.Join(", ", list.Select(Format)) + "]",
        _ => $"{value} ({value.GetType().Name})",
    };

    /// <summary>W3C trace context, version 00: trace id and parent id in lower-case hex, neither all zeros.</summary>
    [GeneratedRegex("^00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}$")]
    private static partial Regex TraceParentPattern();
}
