using Industry.Parks.Data;
using Industry.Parks.Messaging;
using Industry.ServiceDefaults.Data;
using Industry.ServiceDefaults.Hosting;
using Industry.TestInfrastructure;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Industry.IntegrationTests.Parks;

/// <summary>
/// The parks service's messaging in miniature: its database (migrated, on PostgreSQL) and its project-event consumer
/// wired as the service wires them (<c>AddParksMessaging</c>), on the real broker. The consumer's queue is named after
/// this host (<c>parkconsumertests-project-state-changed</c>), so the parks processes of other test classes never take its events.
/// </summary>
public sealed class ParksConsumerHost : InProcessHost<ParksDbContext>
{
    /// <summary>The consumer's queue: the host's name as endpoint prefix, then the consumer's kebab-cased name.</summary>
    public const string QueueName = "parkconsumertests-project-state-changed";

    private ParksConsumerHost(WebApplication app)
        : base(app)
    {
    }

    public static async Task<ParksConsumerHost> StartAsync(BrokerAndDatabase infrastructure)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ApplicationName = "Industry.ParkConsumerTests", EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var settings = new Dictionary<string, string?>(infrastructure.RabbitMqEnvironment().ToDictionary(e => e.Key.Replace("__", ":", StringComparison.Ordinal), e => (string?)e.Value))
        {
            ["ConnectionStrings:parks"] = await infrastructure.CreateDatabaseAsync("parks_consumer"),
            // One message at a time, in order: a test knows its earlier events are consumed when a later one is.
            ["RabbitMq:PrefetchCount"] = "1",
            ["RabbitMq:ConcurrentMessageLimit"] = "1",
            ["RabbitMq:RetryIntervalsMilliseconds:0"] = "50",
            ["Outbox:RelayEnabled"] = "false",
            // The output folder's appsettings.json (a service's) has fixed Kestrel ports that would override UseUrls.
            ["Kestrel:Endpoints:Grpc:Url"] = "http://127.0.0.1:0",
            ["Kestrel:Endpoints:Http:Url"] = "http://127.0.0.1:0",
        };
        builder.Configuration.AddInMemoryCollection(settings);

        var identity = new ServiceIdentity("parks");
        builder.Services.AddSingleton(identity);
        builder.AddServiceDatabase<ParksDbContext, SqliteParksDbContext, PostgresParksDbContext>(identity);
        builder.AddParksMessaging();

        var app = builder.Build();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ParksDbContext>().Database.MigrateAsync();
        }

        await app.StartAsync();
        await app.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
        return new ParksConsumerHost(app);
    }
}
