using System.Globalization;
using System.Threading.RateLimiting;
using Grpc.Core;
using Industry.Gateway.Proxy;
using Industry.ServiceDefaults.Security;

namespace Industry.Gateway.Limits;

/// <summary>
/// Per-caller rate limit (OWASP API4): a token bucket per token subject, or per client address for calls without a
/// valid token, over every request but health checks. A refused call is RESOURCE_EXHAUSTED (HTTP 429 for JSON) with a
/// <c>Retry-After</c> hint; nothing is queued, so a flood costs the gateway little.
/// </summary>
internal static class RateLimitExtensions
{
    public static WebApplicationBuilder AddGatewayRateLimit(this WebApplicationBuilder builder, GatewayOptions options)
    {
        if (options.RateLimitPermitsPerSecond <= 0)
        {
            return builder;
        }

        var bucket = new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(options.RateLimitBurst, 1),
            TokensPerPeriod = options.RateLimitPermitsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        };
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsHealthCheck(context.Request.Path)
                    ? RateLimitPartition.GetNoLimiter(string.Empty)
                    : RateLimitPartition.GetTokenBucketLimiter(CallerKey(context), _ => bucket));
            limiter.OnRejected = (rejected, _) =>
            {
                rejected.HttpContext.Response.Headers.RetryAfter = "1";
                return new ValueTask(GatewayErrorResponse.WriteAsync(rejected.HttpContext, StatusCode.ResourceExhausted, "RATE_LIMITED",
                    string.Create(CultureInfo.InvariantCulture, $"Too many requests: at most {options.RateLimitPermitsPerSecond} per second per caller (bursts of {bucket.TokenLimit}); retry after a second.")));
            };
        });
        return builder;
    }

    /// <summary>Runs after authentication, so that a valid token's subject is the key.</summary>
    public static WebApplication UseGatewayRateLimit(this WebApplication app, GatewayOptions options)
    {
        if (options.RateLimitPermitsPerSecond > 0)
        {
            app.UseRateLimiter();
        }

        return app;
    }

    private static string CallerKey(HttpContext context) =>
        context.User.FindFirst(SuiteClaims.Subject)?.Value is { Length: > 0 } subject
            ? "sub:" + subject
            : "ip:" + context.Connection.RemoteIpAddress;

    private static bool IsHealthCheck(PathString path) =>
        path.StartsWithSegments("/health", StringComparison.Ordinal) || path.StartsWithSegments("/grpc.health.v1.Health", StringComparison.Ordinal);
}
