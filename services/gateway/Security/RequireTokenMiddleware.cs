using Grpc.Core;
using Industry.Gateway.Proxy;
using Industry.ServiceDefaults.Security;

namespace Industry.Gateway.Security;

/// <summary>
/// Refuses a proxied request without a valid token at the gateway (UNAUTHENTICATED, or HTTP 401 for JSON), before it
/// costs a backend anything. Roles and cities are the services' to check: they know the resources.
/// </summary>
internal sealed class RequireTokenMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            return next(context);
        }

        var (reason, message) = TokenFailure.Explain(context);
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return GatewayErrorResponse.WriteAsync(context, StatusCode.Unauthenticated, reason, message);
    }
}
