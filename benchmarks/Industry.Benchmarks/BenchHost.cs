using System.Globalization;
using Industry.ServiceDefaults.Data;
using Industry.ServiceDefaults.Hosting;
using Industry.ServiceDefaults.Messaging;
using Industry.ServiceDefaults.Messaging.Outbox;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;

namespace Industry.Benchmarks;

/// <summary>
/// A service host in this process, wired as every service is: <c>AddServiceDefaults</c>, <c>AddServiceDatabase</c> on
/// PostgreSQL and <c>AddServiceMessaging</c>, with the relay on or off and, when given a queue, the benchmark consumer.
/// </summary>
internal static class BenchHost
{
    public static WebApplication Build(EventsSettings settings, string connectionString, CommitLog commits, bool relay, string? consumerQueue)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = "Industry.Benchmarks",
            EnvironmentName = BenchAuth.EnvironmentName, // Production's settings but for the tokens (BenchAuth)
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        Logs.KeepQuiet(builder.Logging);
        var configuration = Broker.Settings(settings.RabbitMq);
        configuration["ConnectionStrings:bench"] = connectionString;
        configuration["Pagination:TokenKey"] = Convert.ToBase64String(Guid.NewGuid().ToByteArray());
        configuration["Authentication:DevelopmentSigningKey"] = BenchAuth.Options.DevelopmentSigningKey;
        if (!relay)
        {
            configuration["Outbox:RelayEnabled"] = "false";
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        var identity = new ServiceIdentity("bench");
        builder.AddServiceDefaults(identity);
        builder.AddServiceDatabase<BenchDbContext, BenchDbContext, BenchDbContext>(identity);
        builder.Services.AddSingleton(commits);
        builder.AddServiceMessaging(consumerQueue is null ? null : x => x.AddConsumer<BenchPlanConsumer>().Endpoint(e => e.Name = consumerQueue));
        return builder.Build();
    }

    public static async Task CreateSchemaAsync(WebApplication app, CancellationToken cancellationToken)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<BenchDbContext>().Database.EnsureCreatedAsync(cancellationToken);
    }

    public static Task WaitForBusAsync(WebApplication app) =>
        app.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(60));

    /// <summary>Raises <paramref name="count"/> events through <see cref="EventOutbox"/>; returns the first and last commit times.</summary>
    public static async Task<(DateTime First, DateTime Last)> ProduceAsync(IServiceProvider services, int count, int batch, int offset, CancellationToken cancellationToken)
    {
        var first = DateTime.MinValue;
        var last = DateTime.MinValue;
        for (var done = 0; done < count; done += batch)
        {
            await using var scope = services.CreateAsyncScope();
            var outbox = scope.ServiceProvider.GetRequiredService<EventOutbox>();
            var db = scope.ServiceProvider.GetRequiredService<DbContext>();
            var now = DateTime.UtcNow;
            for (var i = done; i < Math.Min(done + batch, count); i++)
            {
                // A distinct subject per event: the consumer's per-subject version check never contends.
                var n = offset + i;
                outbox.Add(SampleEvents.Plan(2024, 1, now), "plans/b" + n.ToString(CultureInfo.InvariantCulture), 1, SampleEvents.Actor);
            }

            await db.SaveChangesAsync(cancellationToken);
            last = DateTime.UtcNow;
            if (first == DateTime.MinValue)
            {
                first = last;
            }
        }

        return (first, last);
    }

}

/// <summary>Log levels for benchmark hosts: per-message Information logs would cut throughput about 3x.</summary>
internal static class Logs
{
    public static readonly IReadOnlyDictionary<string, string> Quiet = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Default"] = "Information",
        ["Microsoft.AspNetCore"] = "Warning",
        ["Microsoft.EntityFrameworkCore"] = "Warning",
        ["Grpc"] = "Warning",
        ["MassTransit"] = "Warning",
        ["Microsoft.Hosting.Lifetime"] = "Warning",
    };

    public static void KeepQuiet(ILoggingBuilder logging)
    {
        foreach (var (category, level) in Quiet)
        {
            _ = logging.AddFilter(category == "Default" ? null : category, Enum.Parse<LogLevel>(level));
        }
    }
}

/// <summary>RabbitMQ settings and housekeeping shared by the scenarios.</summary>
internal static class Broker
{
    /// <summary>The <c>RabbitMq</c> configuration section for <paramref name="uri"/>.</summary>
    public static Dictionary<string, string?> Settings(Uri uri)
    {
        var credentials = uri.UserInfo.Split(':', 2);
        var virtualHost = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        return new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["RabbitMq:Host"] = uri.Host,
            ["RabbitMq:Port"] = (uri.Port > 0 ? uri.Port : 5672).ToString(CultureInfo.InvariantCulture),
            ["RabbitMq:VirtualHost"] = virtualHost.Length == 0 ? "/" : virtualHost,
            ["RabbitMq:Username"] = Uri.UnescapeDataString(credentials[0]),
            ["RabbitMq:Password"] = credentials.Length > 1 ? Uri.UnescapeDataString(credentials[1]) : string.Empty,
        };
    }

    /// <summary>Removes a consumer queue and the exchange MassTransit declared in front of it.</summary>
    public static async Task DeleteQueueAndExchangeAsync(Uri uri, string name)
    {
        var factory = new ConnectionFactory { Uri = uri };
        await using var connection = await factory.CreateConnectionAsync("benchmark cleanup");
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeleteAsync(name);
        await channel.ExchangeDeleteAsync(name);
    }

    /// <summary>The broker's version, from the connection's server properties.</summary>
    public static async Task<string> VersionAsync(Uri uri, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = uri };
        await using var connection = await factory.CreateConnectionAsync("benchmark version", cancellationToken);
        return connection.ServerProperties?.TryGetValue("version", out var version) == true && version is byte[] bytes
            ? System.Text.Encoding.UTF8.GetString(bytes)
            : "unknown";
    }
}
