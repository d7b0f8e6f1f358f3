using Grpc.Core;
using Grpc.Net.Client.Configuration;
using Industry.ServiceDefaults.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Industry.ServiceDefaults.ServiceClients;

/// <summary>
/// Service-to-service gRPC clients, configured the same way everywhere (docs/conventions.md §3.3-3.5): address from
/// <c>Services:&lt;name&gt;:Address</c> (<c>dns:///host:port</c> balances round-robin over every address of a headless
/// Service), the caller's deadline, cancellation and bearer token propagated, a default deadline otherwise, retries on
/// <c>UNAVAILABLE</c> only, explicit message-size limits.
/// </summary>
public static class GrpcClientExtensions
{
    /// <summary>Default deadline of an outgoing call without one: <c>Services:&lt;name&gt;:DeadlineSeconds</c>, 5 s.</summary>
    public const int DefaultDeadlineSeconds = 5;

    public static IHttpClientBuilder AddServiceGrpcClient<TClient>(this WebApplicationBuilder builder, string serviceName)
        where TClient : class
    {
        var section = builder.Configuration.GetSection($"Services:{serviceName}");
        var address = section["Address"] ?? throw new InvalidOperationException($"Services:{serviceName}:Address is not configured.");
        var deadline = DeadlineOf(builder.Configuration, serviceName);
        var maxReceive = builder.Configuration.GetValue("Grpc:MaxReceiveMessageBytes", ServiceDefaultsExtensions.DefaultMaxSendMessageBytes);
        var maxSend = builder.Configuration.GetValue("Grpc:MaxSendMessageBytes", ServiceDefaultsExtensions.DefaultMaxReceiveMessageBytes);

        return builder.Services
            .AddGrpcClient<TClient>(o => o.Address = new Uri(address))
            .ConfigureChannel(o =>
            {
                o.MaxReceiveMessageSize = maxReceive;
                o.MaxSendMessageSize = maxSend;
                o.Credentials = ChannelCredentials.Insecure;
                o.ServiceConfig = new ServiceConfig
                {
                    LoadBalancingConfigs = { new RoundRobinConfig() },
                    MethodConfigs = { new MethodConfig { Names = { MethodName.Default }, RetryPolicy = RetryOnUnavailable() } },
                };
            })
            .EnableCallContextPropagation(o => o.SuppressContextNotFoundErrors = true)
            .AddHttpMessageHandler(services => new ForwardCallerHeadersHandler(services.GetRequiredService<Microsoft.AspNetCore.Http.IHttpContextAccessor>()))
            .AddInterceptor(() => new DefaultDeadlineInterceptor(deadline));
    }

    /// <summary>
    /// <c>Services:&lt;name&gt;:DeadlineSeconds</c> (default 5 s), for callers that bound a call by it even under a longer
    /// deadline propagated from their own caller.
    /// </summary>
    public static TimeSpan DeadlineOf(IConfiguration configuration, string serviceName) =>
        TimeSpan.FromSeconds(configuration.GetSection($"Services:{serviceName}").GetValue("DeadlineSeconds", DefaultDeadlineSeconds));

    private static RetryPolicy RetryOnUnavailable() => new()
    {
        MaxAttempts = 3,
        InitialBackoff = TimeSpan.FromMilliseconds(100),
        MaxBackoff = TimeSpan.FromSeconds(1),
        BackoffMultiplier = 2,
        RetryableStatusCodes = { StatusCode.Unavailable },
    };
}
