using Industry.ServiceDefaults.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Industry.ServiceDefaults.Telemetry;

/// <summary>
/// OpenTelemetry traces, metrics and logs for gRPC server and client, HTTP, PostgreSQL, MassTransit and the suite's
/// own sources (<see cref="SuiteTelemetry.SourceName"/>). Database spans come from Npgsql's own ActivitySource, not from
/// EF Core's diagnostic events, which build several payload objects per command for the listener to take apart again
/// (about a tenth of a read's CPU, ADR 0033); SQLite, the local development store, has no spans. The OTLP exporter, and with it the export of logs, is switched
/// on only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the standard variable, so operators need nothing else);
/// without it, traces still carry the W3C context into the outbox's events. Metrics are also served for Prometheus to
/// scrape (<see cref="MetricsEndpoint"/>), whether or not they are exported by OTLP.
/// </summary>
public static class TelemetryExtensions
{
    /// <summary>MassTransit's ActivitySource and Meter name.</summary>
    public const string MassTransitSource = "MassTransit";

    public static WebApplicationBuilder AddServiceTelemetry(this WebApplicationBuilder builder, ServiceIdentity identity)
    {
        builder.Logging.Configure(o => o.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        var exporting = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        if (exporting)
        {
            // Without an exporter the OpenTelemetry logger would build every record (scopes, formatted message) for nobody.
            builder.Logging.AddOpenTelemetry(o =>
            {
                o.IncludeFormattedMessage = true;
                o.IncludeScopes = true;
            });
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName: "industry-" + identity.Name, serviceNamespace: "industry"))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(MassTransitSource)
                .AddMeter(SuiteTelemetry.SourceName)
                .AddPrometheusExporter())
            .WithTracing(t => t
                .AddSource(SuiteTelemetry.SourceName)
                .AddSource(MassTransitSource)
                .AddAspNetCoreInstrumentation(o => o.Filter = ctx => !ctx.Request.Path.StartsWithSegments("/health", StringComparison.Ordinal)
                    && !ctx.Request.Path.StartsWithSegments("/grpc.health.v1.Health", StringComparison.Ordinal))
                .AddGrpcClientInstrumentation()
                .AddHttpClientInstrumentation()
                .AddNpgsql());

        if (exporting)
        {
            telemetry.UseOtlpExporter();
        }

        return builder;
    }
}
