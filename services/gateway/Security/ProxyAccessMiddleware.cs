using Grpc.Core;
using Industry.Gateway.Proxy;
using Industry.ServiceDefaults.Errors;
using Industry.ServiceDefaults.Security;

namespace Industry.Gateway.Security;

/// <summary>
/// What the gateway checks before it forwards a request, so that nothing it cannot name reaches a backend:
/// a gRPC or gRPC-Web call must name a method of the suite's contracts byte for byte (<c>UNIMPLEMENTED</c> otherwise,
/// whatever YARP's case-insensitive route matched); every request needs a valid token (<c>UNAUTHENTICATED</c>, or HTTP
/// 401 for JSON); and a gRPC caller's role must hold the method's declared access (<c>PERMISSION_DENIED</c>). The
/// services check all of this again, and cities too, which only they can (they know the resources); JSON routes are
/// mapped to methods by the services alone.
/// </summary>
internal sealed class ProxyAccessMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var grpc = GrpcRequests.IsGrpc(context.Request);
        var path = CanonicalMethodPathMiddleware.RawTarget(context);
        var access = grpc ? MethodPermissions.Suite.Find(path) : null;
        if (grpc && access is null)
        {
            return GatewayErrorResponse.WriteAsync(context, StatusCode.Unimplemented, "METHOD_NOT_FOUND",
                "No method of the suite has this path: paths are case-sensitive and must be sent as the contract spells them.");
        }

        if (context.User.Identity?.IsAuthenticated != true)
        {
            var (reason, message) = TokenFailure.Explain(context);
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return GatewayErrorResponse.WriteAsync(context, StatusCode.Unauthenticated, reason, message);
        }

        var caller = Caller.From(context.User);
        if (access is { } needed && !caller.Holds(needed))
        {
            var refusal = AuthorizationInterceptor.RoleNotPermitted(path, needed, caller);
            return GatewayErrorResponse.WriteAsync(context, StatusCode.PermissionDenied, refusal.Reason, refusal.Message);
        }

        return next(context);
    }
}
