using Industry.ServiceDefaults.Health;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Industry.ServiceDefaults.Messaging;

/// <summary>
/// MassTransit over RabbitMQ, configured from <see cref="RabbitMqOptions"/>. The bus starts in the background and
/// reconnects by itself, so a broker outage makes the service not ready (readiness) but never stops it serving reads.
/// </summary>
public static class MessagingExtensions
{
    public static WebApplicationBuilder AddServiceMessaging(this WebApplicationBuilder builder, Action<IBusRegistrationConfigurator>? configureConsumers = null)
    {
        var options = builder.Configuration.GetSection(RabbitMqOptions.Section).Get<RabbitMqOptions>() ?? new RabbitMqOptions();
        builder.Services.AddMassTransit(x =>
        {
            x.ConfigureHealthCheckOptions(h =>
            {
                h.Name = "broker";
                h.Tags.Clear();
                h.Tags.Add(HealthExtensions.Ready);
            });
            configureConsumers?.Invoke(x);
            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(options.Host, options.Port, options.VirtualHost, h =>
                {
                    h.Username(options.Username);
                    h.Password(options.Password);
                });
                cfg.ConfigureEndpoints(context);
            });
        });
        builder.Services.Configure<MassTransitHostOptions>(o =>
        {
            // Never block start-up on the broker: the service serves reads while RabbitMQ is down.
            o.WaitUntilStarted = false;
            o.StopTimeout = TimeSpan.FromSeconds(15);
        });
        return builder;
    }
}
