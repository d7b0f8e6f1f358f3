// Quickstart: one authenticated gRPC call through the gateway and one event, with the Industry.Contracts package.
// Binds a queue to the ClusterCreated exchange, creates a cluster and reads it back over gRPC, then waits for the
// ClusterCreated event about that cluster and decodes it into the generated class. Prints three lines (README.md) and
// exits 0; on any failure prints "quickstart failed: ..." on stderr and exits 1.
// Settings come from INDUSTRY_GATEWAY_GRPC, INDUSTRY_TOKEN and INDUSTRY_AMQP_URL (examples/README.md).
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Net.Client;
using Industry.Clusters.V1;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

const string Exchange = "industry.clusters.v1.cluster-created"; // docs/events.md §6
var callTimeout = TimeSpan.FromSeconds(15);
var eventTimeout = TimeSpan.FromSeconds(30);

try
{
    var token = Setting("INDUSTRY_TOKEN");
    var gateway = new Uri(Setting("INDUSTRY_GATEWAY_GRPC", "http://127.0.0.1:7000"));
    var broker = new Uri(Setting("INDUSTRY_AMQP_URL", "amqp://guest:guest@127.0.0.1:5672/"));
    var auth = new Metadata { { "authorization", $"Bearer {token}" } };

    // Subscribe before writing: a fanout exchange drops what it publishes while no queue is bound.
    await using var connection = await new ConnectionFactory { Uri = broker }.CreateConnectionAsync();
    await using var amqp = await connection.CreateChannelAsync();
    var queue = (await amqp.QueueDeclareAsync(queue: "", durable: false, exclusive: true, autoDelete: true)).QueueName;
    await amqp.QueueBindAsync(queue, Exchange, routingKey: "");
    var deliveries = Channel.CreateUnbounded<(string MessageId, ClusterCreated Event)>();
    var json = new JsonParser(JsonParser.Settings.Default.WithIgnoreUnknownFields(true)); // v1 may add fields
    var consumer = new AsyncEventingBasicConsumer(amqp);
    consumer.ReceivedAsync += async (_, delivery) =>
    {
        var created = json.Parse<ClusterCreated>(Encoding.UTF8.GetString(delivery.Body.Span));
        await amqp.BasicAckAsync(delivery.DeliveryTag, multiple: false);
        deliveries.Writer.TryWrite((delivery.BasicProperties.MessageId ?? "", created));
    };
    await amqp.BasicConsumeAsync(queue, autoAck: false, consumer);

    // http:// is plaintext HTTP/2 (the local suite); https:// uses TLS.
    using var channel = GrpcChannel.ForAddress(gateway);
    var clusters = new ClusterService.ClusterServiceClient(channel);
    var clusterId = $"quickstart-{Guid.NewGuid():N}"[..23];
    var cluster = await clusters.CreateClusterAsync(
        new CreateClusterRequest
        {
            ClusterId = clusterId,
            Cluster = new Cluster
            {
                DisplayName = $"快速入门集群 {clusterId}",
                Kind = ClusterKind.AdvancedManufacturing,
                Industry = "industries/IT",
                LeadDivisionCode = "340104",
            },
            RequestId = Guid.NewGuid().ToString(), // a retry with the same id cannot create a second cluster
        },
        auth,
        DateTime.UtcNow + callTimeout);
    Console.WriteLine($"created {cluster.Name}");
    var read = await clusters.GetClusterAsync(new GetClusterRequest { Name = cluster.Name }, auth, DateTime.UtcNow + callTimeout);
    Console.WriteLine($"read {read.Name} state={ProtoName(read.State)} city={read.CityCode}");

    // Other clusters' events arrive on the same exchange: wait for the one about ours.
    using var wait = new CancellationTokenSource(eventTimeout);
    try
    {
        await foreach (var (messageId, created) in deliveries.Reader.ReadAllAsync(wait.Token))
        {
            if (created.Metadata.Subject == cluster.Name)
            {
                Console.WriteLine($"event {created.Metadata.EventType} subject={created.Metadata.Subject} version={created.Metadata.SubjectVersion} id={messageId}");
                return 0;
            }
        }
    }
    catch (OperationCanceledException) when (wait.IsCancellationRequested)
    {
    }

    return Fail($"no {Exchange} event about {cluster.Name} within {eventTimeout.TotalSeconds} s");
}
catch (RpcException ex)
{
    return Fail($"gRPC call failed: {UpperSnake(ex.StatusCode.ToString())}: {ex.Status.Detail}");
}
catch (Exception ex) when (ex is BrokerUnreachableException or OperationInterruptedException or InvalidProtocolBufferException or ArgumentException or UriFormatException)
{
    return Fail($"{ex.GetType().Name}: {ex.Message}");
}

static string Setting(string name, string? fallback = null) =>
    Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value
    : fallback ?? throw new ArgumentException($"{name} is not set (see examples/README.md)");

// The enum value's name as the proto (and the JSON mapping) spells it: CLUSTER_STATE_CULTIVATING.
static string ProtoName(ClusterState state) =>
    typeof(ClusterState).GetField(state.ToString())?.GetCustomAttribute<OriginalNameAttribute>()?.Name ?? state.ToString();

// gRPC status codes as the protocol names them (Unauthenticated -> UNAUTHENTICATED, DeadlineExceeded -> DEADLINE_EXCEEDED).
static string UpperSnake(string pascal) => Regex.Replace(pascal, "(?<=[a-z])(?=[A-Z])", "_").ToUpperInvariant();

static int Fail(string message)
{
    Console.Error.WriteLine($"quickstart failed: {message}");
    return 1;
}
