using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Industry.ServiceDefaults.Idempotency;

/// <summary>Request idempotency (AIP-155, ADR 0013) for a service whose model has <see cref="IdempotencyModel.AddIdempotencyTables"/>.</summary>
public static class IdempotencyExtensions
{
    /// <summary>Registers the write pipeline and its <see cref="RequestIdempotency"/> per call, and the purge of expired rows. Call after <c>AddServiceDatabase</c>.</summary>
    public static WebApplicationBuilder AddWritePipeline(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(IdempotencyOptions.Section).Get<IdempotencyOptions>() ?? new IdempotencyOptions();
        builder.Services.AddSingleton(options);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<RequestIdempotency>();
        builder.Services.AddScoped<Writes.WritePipeline>();
        builder.Services.AddHostedService<IdempotencyPurge>();
        return builder;
    }
}
