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
    public static string QueueName => new KebabCaseEndpointNameFormatter("integrationtests", false).Consumer<PlanEffectConsumer>();

    /// <param name="infrastructure">The broker and the database server.</param>
    /// <param name="concurrentMessages">1 (the default) consumes one message at a time, in order; more lets the inbox
    /// apply messages consumed together in one transaction (group commit).</param>
    /// <param name="connectionString">The consumer's database; by default a new PostgreSQL database of <paramref name="infrastructure"/>.</param>
    public static async Task<ConsumerHost> StartAsync(BrokerAndDatabase infrastructure, int concurrentMessages = 1, string? connectionString = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ApplicationName = "Industry.IntegrationTests", EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var settings = new Dictionary<string, string?>(infrastructure.RabbitMqEnvironment().ToDictionary(e => e.Key.Replace("__", ":", StringComparison.Ordinal), e => (string?)e.Value))
        {
            ["ConnectionStrings:consumertest"] = connectionString ?? await infrastructure.CreateDatabaseAsync("consumer"),
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
        builder.Configuration.AddInMemoryCollection(settings);

        var identity = new ServiceIdentity("consumertest");
        builder.Services.AddSingleton(identity);
        builder.AddServiceDatabase<ConsumerTestDbContext, ConsumerTestDbContext, ConsumerTestDbContext>(identity);
        builder.AddServiceMessaging(x => x.AddConsumer<PlanEffectConsumer>());
        var spans = new List<Activity>();
        builder.Services.AddOpenTelemetry().WithTracing(t => t
            .AddSource("MassTransit", TestActivitySource)
            .AddInMemoryExporter(spans));

        await PurgeLeftoversAsync(infrastructure.RabbitMqUri);
        var app = builder.Build();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ConsumerTestDbContext>().Database.EnsureCreatedAsync();
        }

        await app.StartAsync();
        await app.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
        return new ConsumerHost(app, spans);
    }

    /// <summary>The queue outlives each test's host: drop what earlier tests' events left in it.</summary>
    private static async Task PurgeLeftoversAsync(Uri broker)
    {
        await using var connection = await new RabbitMQ.Client.ConnectionFactory { Uri = broker }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            await channel.QueueDeclarePassiveAsync(QueueName);
            await channel.QueuePurgeAsync(QueueName);
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
