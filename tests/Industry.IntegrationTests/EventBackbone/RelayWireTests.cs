using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Grpc.Core;
using Industry.Projects.V1;
using Industry.TestInfrastructure;
using RabbitMQ.Client.Events;

namespace Industry.IntegrationTests.EventBackbone;

/// <summary>
/// Every AMQP property and header of a relayed event, against what the relay sent while it published through
/// MassTransit (ADR 0045): the contract of docs/events.md section 4 unchanged, and only the MassTransit headers the
/// ADR names dropped: the same properties and headers, of the same AMQP types, with the same values (those that vary
/// from message to message compared by their shape). A write with a caller's trace and one without.
/// </summary>
[Collection(BrokerFaultDefinition.Name)]
public sealed partial class RelayWireTests : IAsyncLifetime
{
    private BrokerAndDatabase _infrastructure = null!;
    private ServiceProcess _projects = null!;

    public async Task InitializeAsync()
    {
        _infrastructure = await BrokerAndDatabase.StartAsync();
        _projects = ServiceProcess.Start("projects", "projects", "Industry.Projects", new Dictionary<string, string>(_infrastructure.RabbitMqEnvironment())
        {
            ["ConnectionStrings__projects"] = await _infrastructure.CreateDatabaseAsync("relay_wire"),
        });
        await _projects.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
    }

    public async Task DisposeAsync()
    {
        await _projects.DisposeAsync();
        await _infrastructure.DisposeAsync();
    }

    /// <summary>
    /// What the relay sent for a <c>PlanUpdated</c> while it published through MassTransit 8.5.12 (recorded with this
    /// test's <see cref="Describe"/> before the change; the host info shortened).
    /// </summary>
    private static readonly string[] MassTransitRelay =
    [
        "exchange: industry.projects.v1.plan-updated",
        "header ConversationId (Byte[]): <uuid>",
        "header MT-Activity-Id (Byte[]): 00-<trace>-<span>-01",
        "header MT-Host-Info (Byte[]): {\"MachineName\":\"vm\",\"ProcessName\":\"Industry.Projects\",…,\"MassTransitVersion\":\"8.5.12.0\",…}",
        "header MT-MessageType (Byte[]): urn:message:Industry.Projects.V1:PlanUpdated;urn:message:Google.Protobuf:IMessage[[Industry.Projects.V1:PlanUpdated]];…",
        "header MT-Source-Address (Byte[]): rabbitmq://127.0.0.1:18257/vm_IndustryProjects_bus_3hcyyyrji515uxtybdxijbdcfg?temporary=true",
        "header MessageId (Byte[]): <uuid>",
        "header cloudEvents:actor (Byte[]): test-province_admin",
        "header cloudEvents:datacontenttype (Byte[]): application/json",
        "header cloudEvents:id (Byte[]): <uuid>",
        "header cloudEvents:source (Byte[]): //projects.industry.anhui.gov.cn",
        "header cloudEvents:specversion (Byte[]): 1.0",
        "header cloudEvents:subject (Byte[]): plans/<year>",
        "header cloudEvents:subjectversion (Byte[]): 1",
        "header cloudEvents:time (Byte[]): <time>",
        "header cloudEvents:traceparent (Byte[]): 00-<trace>-<span>-01",
        "header cloudEvents:type (Byte[]): industry.projects.v1.PlanUpdated",
        "header x-dotnet-pub-seq-no (Int64): <n>",
        "property content_type: application/json",
        "property delivery_mode: 2",
        "property message_id: <uuid>",
        "routing_key: ''",
    ];

    /// <summary>MassTransit's own headers that only its sender added and no consumer of the suite reads (ADR 0045).</summary>
    private static readonly string[] Dropped = ["ConversationId", "MT-Host-Info", "MT-MessageType", "MT-Source-Address", "MessageId"];

    [Fact]
    public async Task RelayedEvent_EveryPropertyAndHeader_AsTheMassTransitRelaySentThemLessTheDroppedOnes()
    {
        await using var subscription = await EventSubscription.BindAsync(_infrastructure.RabbitMqUri, PlanEvents.Exchange);
        using var channel = TestTokens.Channel(_projects.GrpcAddress);
        var client = new ProjectService.ProjectServiceClient(channel);
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        var expected = MassTransitRelay.Where(line => !Dropped.Any(name => line.StartsWith($"header {name} (", StringComparison.Ordinal))).ToList();

        await UpdatePlanAsync(client, 2081, new Metadata { { "traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01" } });
        await UpdatePlanAsync(client, 2082, []);
        var received = await subscription.WaitForAsync(2, TimeSpan.FromSeconds(30));

        foreach (var delivery in received)
        {
            Assert.Equal(expected, Describe(delivery));
            // The consumers' parent (MT-Activity-Id) is the relay's publish span: in the request's trace, not the request's span.
            var request = Header(delivery, "cloudEvents:traceparent").Split('-');
            var publish = Header(delivery, "MT-Activity-Id").Split('-');
            Assert.Equal(request[1], publish[1]);
            Assert.NotEqual(request[2], publish[2]);
        }

        Assert.Equal(traceId, Header(received[0], "cloudEvents:traceparent").Split('-')[1]);
    }

    private static string Header(BasicDeliverEventArgs delivery, string name) =>
        Encoding.UTF8.GetString((byte[])delivery.BasicProperties.Headers![name]!);

    private static Task<Plan> UpdatePlanAsync(ProjectService.ProjectServiceClient client, int year, Metadata headers) =>
        client.UpdatePlanAsync(new UpdatePlanRequest
        {
            Plan = new Plan { Name = $"plans/{year}", TargetKeyProjectsUnderImplementation = 5 },
            AllowMissing = true,
        }, headers, deadline: DateTime.UtcNow.AddSeconds(30)).ResponseAsync;

    /// <summary>
    /// One line per property and header that is present, as <c>name: value</c>; values that differ from message to
    /// message (ids, times, trace ids) become their shape, so two deliveries of the same kind describe alike.
    /// </summary>
    private static List<string> Describe(BasicDeliverEventArgs delivery)
    {
        var p = delivery.BasicProperties;
        var lines = new List<string>
        {
            $"exchange: {delivery.Exchange}",
            $"routing_key: '{delivery.RoutingKey}'",
        };
        void Add(bool present, string name, object? value)
        {
            if (present)
            {
                lines.Add($"property {name}: {Shape(Convert.ToString(value, CultureInfo.InvariantCulture))}");
            }
        }

        Add(p.IsAppIdPresent(), "app_id", p.AppId);
        Add(p.IsClusterIdPresent(), "cluster_id", p.ClusterId);
        Add(p.IsContentEncodingPresent(), "content_encoding", p.ContentEncoding);
        Add(p.IsContentTypePresent(), "content_type", p.ContentType);
        Add(p.IsCorrelationIdPresent(), "correlation_id", p.CorrelationId);
        Add(p.IsDeliveryModePresent(), "delivery_mode", (int)p.DeliveryMode);
        Add(p.IsExpirationPresent(), "expiration", p.Expiration);
        Add(p.IsMessageIdPresent(), "message_id", p.MessageId);
        Add(p.IsPriorityPresent(), "priority", p.Priority);
        Add(p.IsReplyToPresent(), "reply_to", p.ReplyTo);
        Add(p.IsTimestampPresent(), "timestamp", p.Timestamp.UnixTime);
        Add(p.IsTypePresent(), "type", p.Type);
        Add(p.IsUserIdPresent(), "user_id", p.UserId);
        foreach (var (name, value) in p.Headers ?? new Dictionary<string, object?>())
        {
            var text = value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : value is long ? "<n>" : Convert.ToString(value, CultureInfo.InvariantCulture);
            lines.Add($"header {name} ({value?.GetType().Name}): {Shape(text)}");
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static string Shape(string? value)
    {
        if (value is null)
        {
            return "<null>";
        }

        value = Uuid().Replace(value, "<uuid>");
        value = Year().Replace(value, "plans/<year>");
        value = TraceParent().Replace(value, "00-<trace>-<span>-$1");
        return IsoTime().Replace(value, "<time>");
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Uuid();

    [GeneratedRegex("plans/[0-9]{4}")]
    private static partial Regex Year();

    [GeneratedRegex("00-[0-9a-f]{32}-[0-9a-f]{16}-([0-9a-f]{2})")]
    private static partial Regex TraceParent();

    [GeneratedRegex(@"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z")]
    private static partial Regex IsoTime();
}
