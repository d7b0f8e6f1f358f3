using Google.Protobuf.Reflection;
using Industry.ServiceDefaults.Errors;
using Industry.ServiceDefaults.Health;
using Industry.ServiceDefaults.Pagination;
using Industry.ServiceDefaults.Resources;
using Industry.ServiceDefaults.Security;
using Industry.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Industry.ServiceDefaults.Hosting;

/// <summary>The plumbing every process of the suite shares: one call in each Program.cs.</summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>Default cap on one gRPC message received (4 MiB): a request of the suite is far smaller.</summary>
    public const int DefaultMaxReceiveMessageBytes = 4 * 1024 * 1024;

    /// <summary>Default cap on one gRPC message sent (16 MiB): a full page of 1,000 resources fits.</summary>
    public const int DefaultMaxSendMessageBytes = 16 * 1024 * 1024;

    /// <summary>Default cap on an HTTP/1.1 (JSON) request body (4 MiB).</summary>
    public const long DefaultMaxRequestBodyBytes = 4 * 1024 * 1024;

    /// <summary>Default time given to in-flight calls and consumers to finish on SIGTERM (25 s).</summary>
    public const int DefaultShutdownTimeoutSeconds = 25;

    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, ServiceIdentity identity)
    {
        var configuration = builder.Configuration;
        builder.Services.AddSingleton(identity);

        // Graceful shutdown: Kestrel stops accepting, drains in-flight calls, hosted services (the bus) stop.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(
            configuration.GetValue("Hosting:ShutdownTimeoutSeconds", DefaultShutdownTimeoutSeconds)));
        builder.Services.AddShutdownDrain(configuration);

        // Endpoints come from Kestrel:Endpoints (Grpc = h2c, Http = HTTP/1.1 for JSON/REST); limits are explicit.
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize =
            configuration.GetValue("Kestrel:Limits:MaxRequestBodySize", DefaultMaxRequestBodyBytes));

        builder.AddServiceTelemetry(identity);
        builder.Services.AddServiceHealthChecks();
        builder.AddSuiteAuthentication();

        builder.Services.AddSingleton(new ErrorStatusMapper(identity.ErrorDomain));
        builder.Services.AddSingleton(PageTokenKey.CreateCodec(configuration, builder.Environment));
        builder.Services
            .AddGrpc(o =>
            {
                o.Interceptors.Add<ErrorMappingInterceptor>();
                o.Interceptors.Add<AuthorizationInterceptor>(); // inside the error mapping: refusals are rich statuses too
                o.MaxReceiveMessageSize = configuration.GetValue("Grpc:MaxReceiveMessageBytes", DefaultMaxReceiveMessageBytes);
                o.MaxSendMessageSize = configuration.GetValue("Grpc:MaxSendMessageBytes", DefaultMaxSendMessageBytes);
                o.EnableDetailedErrors = false;
            })
            // Error details (ErrorInfo, BadRequest) must be known to the JSON writer to appear in REST error bodies, and
            // the suite's own messages to write an Any that holds one (the history's replayed events).
            .AddJsonTranscoding(o =>
            {
                o.TypeRegistry = TypeRegistry.FromFiles([Google.Rpc.ErrorDetailsReflection.Descriptor, .. SuiteContracts.Files]);
                // The proto3 JSON mapping writes 64-bit integers (the yuan amounts) as strings: exact in JavaScript too.
                o.JsonSettings.WriteInt64sAsStrings = true;
            });
        MalformedRequestMethodProvider<object>.ReplaceDefault(builder.Services);
        builder.Services.AddGrpcReflection();
        return builder;
    }

    /// <summary>
    /// Exact method paths, token validation and gRPC-Web (browsers), then health (gRPC and HTTP), the metrics scrape
    /// endpoint and server reflection. Call once, before the service's own endpoints.
    /// </summary>
    /// <param name="app">The application.</param>
    /// <param name="grpcWebForEveryEndpoint">
    /// Translate gRPC-Web for every endpoint (a service). The gateway passes false and enables it on its own gRPC
    /// services only: gRPC-Web calls it proxies are translated by the service that answers them, since the proxy
    /// forwards the raw request body.
    /// </param>
    public static WebApplication MapServiceDefaults(this WebApplication app, bool grpcWebForEveryEndpoint = true)
    {
        // Routing has matched an endpoint by then (WebApplication routes first); a path that only resembles its method's is refused.
        app.UseMiddleware<CanonicalMethodPathMiddleware>();
        app.UseAuthentication();
        app.UseGrpcWeb(new GrpcWebOptions { DefaultEnabled = grpcWebForEveryEndpoint });
        app.MapServiceHealthChecks();
        app.MapMetricsEndpoint();
        app.MapGrpcReflectionService();
        return app;
    }
}
