using System.Diagnostics;
using System.Globalization;
using Industry.ServiceDefaults.Data;
using Industry.ServiceDefaults.Hosting;
using Industry.ServiceDefaults.Messaging;
using Industry.TestInfrastructure;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;

namespace Industry.IntegrationTests.EventBackbone;

/// <summary>
/// A consumer process in miniature, wired exactly as a service is (AddServiceDatabase + AddServiceMessaging) on its
/// own PostgreSQL database and the real broker, with its spans collected by an in-memory OpenTelemetry exporter.
/// </summary>
public sealed class ConsumerHost : InProcessHost<ConsumerTestDbContext>
{
    public const string TestActivitySource = "Industry.Tests";

    private ConsumerHost(WebApplication app, List<Activity> spans)
        : base(app) => Spans = spans;

    public List<Activity> Spans { get; }

    /// <summary>The queue MassTransit declared for <see cref="PlanEffectConsumer"/> (kebab-case, prefixed with the app name).</summary>
    public static string QueueName => QueueNameFor("integrationtests");

    /// <summary>The queue of <see cref="PlanEffectConsumer"/> in a host whose <c>RabbitMq:EndpointPrefix</c> is <paramref name="prefix"/>.</summary>
    public static string QueueNameFor(string prefix) => new KebabCaseEndpointNameFormatter(prefix, false).Consumer<PlanEffectConsumer>();

    /// <param name="infrastructure">The broker and the database server.</param>
    /// <param name="concurrentMessages">1 (the default) consumes one message at a time, in order; more lets the inbox
    /// apply messages consumed together in one transaction (group commit).</param>
    /// <param name="connectionString">The consumer's database; by default a new PostgreSQL database of <paramref name="infrastructure"/>.</param>
    /// <param name="settings">More configuration (<c>RabbitMq:EndpointPrefix</c>, …), over the defaults above.</param>
    public static async Task<ConsumerHost> StartAsync(BrokerAndDatabase infrastructure, int concurrentMessages = 1, string? connectionString = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var spans = new List<Activity>();
        var app = Build(infrastructure, concurrentMessages, connectionString ?? await infrastructure.CreateDatabaseAsync("consumer"), settings, spans);
        var prefix = settings?.GetValueOrDefault("RabbitMq:EndpointPrefix") ?? "integrationtests";
        await PurgeLeftoversAsync(infrastructure.RabbitMqUri, QueueNameFor(prefix));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ConsumerTestDbContext>().Database.EnsureCreatedAsync();
        }

        await app.StartAsync();
        await app.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
        return new ConsumerHost(app, spans);
    }

    /// <summary>
    /// The host's application, built as a service's Program builds it but not started: what a service process is when
    /// it runs one of its operator's commands (<see cref="ErrorsCommand"/>, …).
    /// </summary>
    public static WebApplication Build(BrokerAndDatabase infrastructure, int concurrentMessages, string connectionString, IReadOnlyDictionary<string, string?>? settings = null, List<Activity>? spans = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ApplicationName = "Industry.IntegrationTests", EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var defaults = new Dictionary<string, string?>(infrastructure.RabbitMqEnvironment().ToDictionary(e => e.Key.Replace("__", ":", StringComparison.Ordinal), e => (string?)e.Value))
        {
            ["ConnectionStrings:consumertest"] = connectionString,
            ["RabbitMq:PrefetchCount"] = (2 * concurrentMessages).ToString(CultureInfo.InvariantCulture),
            ["RabbitMq:ConcurrentMessageLimit"] = concurrentMessages.ToString(CultureInfo.InvariantCulture),
            ["RabbitMq:RetryIntervalsMilliseconds:0"] = "50",
            ["RabbitMq:RetryIntervalsMilliseconds:1"] = "50",
            ["RabbitMq:RetryIntervalsMilliseconds:2"] = "50",
            ["Outbox:RelayEnabled"] = "false",
            // The test's output folder holds the projects service's appsettings.json, whose Kestrel endpoints (fixed ports
            // 7002/7082) would override UseUrls: a second host in this process (another collection's) could not bind
            // them, and a host that fails to start leaves its bus consuming this queue.
            ["Kestrel:Endpoints:Grpc:Url"] = "http://127.0.0.1:0",
            ["Kestrel:Endpoints:Http:Url"] = "http://127.0.0.1:0",
        };
        builder.Configuration.AddInMemoryCollection(defaults);
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());

        var identity = new ServiceIdentity("consumertest");
        builder.Services.AddSingleton(identity);
        builder.AddServiceDatabase<ConsumerTestDbContext, ConsumerTestDbContext, ConsumerTestDbContext>(identity);
        builder.AddServiceMessaging(x => x.AddConsumer<PlanEffectConsumer>());
        builder.Services.AddOpenTelemetry().WithTracing(t => t
            .AddSource("MassTransit", TestActivitySource)
            .AddInMemoryExporter(spans ?? []));
        return builder.Build();
    }

    /// <summary>The queue outlives each test's host: drop what earlier tests' events left in it.</summary>
    private static async Task PurgeLeftoversAsync(Uri broker, string queueName)
    {
        await using var connection = await new RabbitMQ.Client.ConnectionFactory { Uri = broker }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            await channel.QueueDeclarePassiveAsync(queueName);
            await channel.QueuePurgeAsync(queueName);
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            // The queue does not exist yet: nothing to purge.
        }
    }

    /// <summary>Reads (and acknowledges) what MassTransit moved to <c>&lt;queue&gt;_error</c>; none while it does not exist yet.</summary>
    public static async Task<List<string>> ErrorQueueMessageIdsAsync(Uri broker)
    {
        await using var connection = await new RabbitMQ.Client.ConnectionFactory { Uri = broker }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var ids = new List<string>();
        try
        {
            while (await channel.BasicGetAsync(ConsumerHost.QueueName + "_error", autoAck: true) is { } message)
            {
                ids.Add(message.BasicProperties.MessageId ?? string.Empty);
            }
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            // MassTransit declares the error queue with the first message it moves there.
        }

        return ids;
    }
}
