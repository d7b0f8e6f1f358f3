using Grpc.AspNetCore.Server;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Industry.Common.V1;
using Industry.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http;

namespace Industry.ServiceDefaults.Security;

/// <summary>
/// Checks every gRPC and JSON call against the access its contract declares (<see cref="MethodPermissions"/>), before
/// the method runs: no valid token is <c>UNAUTHENTICATED</c>, a role that may not call the method <c>PERMISSION_DENIED</c>.
/// The method is the one the matched endpoint will run (its <see cref="GrpcMethodMetadata"/>), never the request path's
/// text, which routing matches without regard to case (<see cref="CanonicalMethodPathMiddleware"/> refuses such paths
/// before this runs). Deny by default: only health checks and server reflection, by their exact service names, are open;
/// any other method without a declared access is refused. The per-city rule is the method's own
/// (<see cref="Writes.Write.RequireCity"/>). It runs inside the error-mapping interceptor, so the refusals carry the same
/// rich status as every other error.
/// </summary>
public sealed class AuthorizationInterceptor : Interceptor
{
    private static readonly HashSet<string> OpenServices = new(StringComparer.Ordinal)
    {
        "grpc.health.v1.Health",
        "grpc.reflection.v1alpha.ServerReflection",
        "grpc.reflection.v1.ServerReflection",
    };

    private readonly MethodPermissions _permissions = MethodPermissions.Suite;

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Authorize(context);
        return continuation(request, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authorize(context);
        return continuation(requestStream, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authorize(context);
        return continuation(request, responseStream, context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authorize(context);
        return continuation(requestStream, responseStream, context);
    }

    private void Authorize(ServerCallContext context)
    {
        var http = context.GetHttpContext();
        var method = http.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method;
        if (method is not null && OpenServices.Contains(method.ServiceName))
        {
            return;
        }

        var path = method?.FullName ?? "(no method)";
        if (method is null || _permissions.Find(method.FullName) is not { } access)
        {
            throw new ServiceException(ErrorKind.PermissionDenied, "PERMISSION_NOT_DECLARED",
                $"{path} declares no access level and is refused.", new Dictionary<string, string> { ["method"] = path });
        }

        if (http.User.Identity?.IsAuthenticated != true)
        {
            throw Unauthenticated(http);
        }

        var caller = Caller.From(http.User);
        if (!caller.Holds(access))
        {
            throw RoleNotPermitted(path, access, caller);
        }
    }

    /// <summary>The refusal of a caller whose role may not call <paramref name="path"/> (the gateway answers it too).</summary>
    public static ServiceException RoleNotPermitted(string path, Access access, Caller caller) =>
        new(ErrorKind.PermissionDenied, "ROLE_NOT_PERMITTED",
            $"{path.TrimStart('/')} needs {Describe(access)}; the caller's role is {caller.Role ?? "none"}.",
            new Dictionary<string, string> { ["method"] = path.TrimStart('/'), ["access"] = access.ToString(), ["caller_role"] = caller.Role ?? string.Empty });

    private static string Describe(Access access) => access switch
    {
        Access.Read => $"one of the roles {string.Join(", ", Roles.All)}",
        Access.CityWrite => $"{Roles.ProvinceAdmin}, or {Roles.CityEditor} with a city",
        Access.CountyWrite => $"{Roles.ProvinceAdmin}, {Roles.CityEditor} with a city, or {Roles.CountyEditor} with a county",
        _ => Roles.ProvinceAdmin,
    };

    private static ServiceException Unauthenticated(HttpContext http)
    {
        var (reason, message) = TokenFailure.Explain(http);
        return new ServiceException(ErrorKind.Unauthenticated, reason, message);
    }
}
