using Industry.ServiceDefaults.Data;
using Industry.ServiceDefaults.Health;
using Industry.ServiceDefaults.Messaging.Backlog;
using Industry.ServiceDefaults.Messaging.Errors;
using Industry.ServiceDefaults.Messaging.Inbox;
using Industry.ServiceDefaults.Messaging.Outbox;
using Industry.ServiceDefaults.Messaging.Snapshots;
using Industry.ServiceDefaults.Messaging.Wire;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Industry.ServiceDefaults.Messaging;

/// <summary>
/// MassTransit over RabbitMQ (ADR 0010, 0011): events as proto3 JSON on pinned fanout exchanges, consumers with
/// bounded prefetch and concurrency, in-memory retries (<see cref="ConsumerRetries"/>), then the queue's <c>_error</c> queue; the outbox relay when the service has a database. The bus starts in the background and
/// reconnects by itself; a broker outage only degrades readiness (it stays ready, docs/deploy.md), so the service keeps serving.
/// </summary>
public static class MessagingExtensions
{
    public static WebApplicationBuilder AddServiceMessaging(this WebApplicationBuilder builder, Action<IBusRegistrationConfigurator>? configureConsumers = null)
    {
        var options = builder.Configuration.GetSection(RabbitMqOptions.Section).Get<RabbitMqOptions>() ?? new RabbitMqOptions();
        var outbox = builder.Configuration.GetSection(OutboxOptions.Section).Get<OutboxOptions>() ?? new OutboxOptions();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(outbox);
        builder.Services.AddSingleton(TimeProvider.System);
        var topology = new BusTopology(((IHostApplicationBuilder)builder).Properties.ContainsKey(BusTopology.DeployOnlyProperty));
        builder.Services.AddSingleton(topology);
        var queues = new ConsumerQueues();
        builder.Services.AddSingleton(queues);
        builder.Services.AddSingleton<ErrorQueues>();
        builder.Services.AddSingleton(builder.Configuration.GetSection(BacklogOptions.Section).Get<BacklogOptions>() ?? new BacklogOptions());
        builder.Services.AddSingleton<BacklogGauges>();
        builder.Services.AddHostedService<BacklogSampler>();

        builder.Services.AddMassTransit(x =>
        {
            x.ConfigureHealthCheckOptions(h =>
            {
                h.Name = "broker";
                // Degraded at worst, never Unhealthy: readiness stays true while RabbitMQ is away, so Kubernetes keeps
                // the pods in service; writes commit to the outbox and their events follow when the broker returns.
                h.MinimalFailureStatus = HealthStatus.Degraded;
                h.Tags.Clear();
                h.Tags.Add(HealthExtensions.Ready);
            });
            var prefix = string.IsNullOrWhiteSpace(options.EndpointPrefix) ? builder.Environment.ApplicationName.Split('.')[^1].ToLowerInvariant() : options.EndpointPrefix;
            x.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(prefix, includeNamespace: false));
            x.AddConfigureEndpointsCallback((queueName, endpoint) => ConfigureConsumerEndpoint(queueName, endpoint, options, queues));
            configureConsumers?.Invoke(x);
            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(options.Host, options.Port, options.VirtualHost, h =>
                {
                    h.Username(options.Username);
                    h.Password(options.Password);
                    h.PublisherConfirmation = true;
                });
                cfg.MessageTopology.SetEntityNameFormatter(new EventEntityNameFormatter(cfg.MessageTopology.EntityNameFormatter));
                cfg.ConfigureJsonSerializerOptions(json =>
                {
                    json.Converters.Insert(0, new ProtobufJsonConverterFactory());
                    return json;
                });
                cfg.UseRawJsonSerializer(RawSerializerOptions.All, isDefault: true);
                ExcludeProtobufInterfaces(cfg);
                topology.Configure(cfg);
                ConsumerQueues.ConfigureErrorQueues(cfg);
                cfg.ConfigureEndpoints(context);
            });
        });
        builder.Services.Configure<MassTransitHostOptions>(o =>
        {
            // Never block start-up on the broker: the service serves reads while RabbitMQ is down.
            o.WaitUntilStarted = false;
            o.StopTimeout = TimeSpan.FromSeconds(15);
        });

        if (builder.Services.Any(s => s.ServiceType == typeof(IDatabaseMigrator)))
        {
            builder.Services.AddScoped<EventOutbox>();
            builder.Services.AddScoped<StateRepublisher>();
            builder.Services.AddSingleton<OutboxMetrics>();
            builder.Services.AddSingleton<InboxMetrics>();
            if (options.InboxBatchSize > 1)
            {
                builder.Services.AddSingleton<InboxBatchers>();
            }

            if (outbox.RelayEnabled)
            {
                builder.Services.AddHostedService<OutboxRelay>();
            }
        }

        return builder;
    }

    private static void ConfigureConsumerEndpoint(string queueName, IReceiveEndpointConfigurator endpoint, RabbitMqOptions options, ConsumerQueues queues)
    {
        endpoint.PrefetchCount = options.PrefetchCount;
        endpoint.ConcurrentMessageLimit = options.ConcurrentMessageLimit;
        queues.Configure(queueName, endpoint, options);
        endpoint.UseConsumerRetries(options);
    }

    /// <summary>
    /// Generated messages implement Google.Protobuf's interfaces; without this MassTransit would declare an exchange
    /// per interface and bind every event exchange to them.
    /// </summary>
    private static void ExcludeProtobufInterfaces(IRabbitMqBusFactoryConfigurator cfg)
    {
        foreach (var contract in EventCatalog.All.SelectMany(e => e.ClrType.GetInterfaces()).Distinct())
        {
            if (contract.Namespace?.StartsWith("Google.Protobuf", StringComparison.Ordinal) == true)
            {
                cfg.PublishTopology.GetMessageTopology(contract).Exclude = true;
            }
        }
    }
}
