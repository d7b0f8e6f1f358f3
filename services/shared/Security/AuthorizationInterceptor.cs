using Grpc.Core;
using Grpc.Core.Interceptors;
using Industry.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http;

namespace Industry.ServiceDefaults.Security;

/// <summary>
/// Checks every call of the suite's own services (<c>industry.*</c>) against the <see cref="MethodPermissions"/> the
/// process declared, before the method runs: no valid token is <c>UNAUTHENTICATED</c>, a role that may not call the
/// method <c>PERMISSION_DENIED</c>. A method of the suite that no table lists is refused (fail closed). Health checks and
/// server reflection are not the suite's and stay open. The per-city rule is the method's own
/// (<see cref="CallerAccess.RequireCity"/>). It runs inside the error-mapping interceptor, so the refusals carry the
/// same rich status as every other error, for gRPC and JSON callers alike.
/// </summary>
public sealed class AuthorizationInterceptor(IEnumerable<MethodPermissions> tables) : Interceptor
{
    private const string SuitePackagePrefix = "industry.";

    private readonly Dictionary<string, Access> _access = tables
        .SelectMany(t => t.ByMethod)
        .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

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
        var method = context.Method.TrimStart('/');
        if (!_access.TryGetValue(method, out var access))
        {
            if (method.StartsWith(SuitePackagePrefix, StringComparison.Ordinal))
            {
                throw new ServiceException(ErrorKind.PermissionDenied, "PERMISSION_NOT_DECLARED",
                    $"{method} declares no access level and is refused.", new Dictionary<string, string> { ["method"] = method });
            }

            return; // grpc.health.v1, grpc.reflection: open by design
        }

        var http = context.GetHttpContext();
        if (http.User.Identity?.IsAuthenticated != true)
        {
            throw Unauthenticated(http);
        }

        var caller = Caller.From(http.User);
        if (!caller.Holds(access))
        {
            throw new ServiceException(ErrorKind.PermissionDenied, "ROLE_NOT_PERMITTED",
                $"{method} needs {Describe(access)}; the caller's role is {caller.Role ?? "none"}.",
                new Dictionary<string, string> { ["method"] = method, ["access"] = access.ToString(), ["caller_role"] = caller.Role ?? string.Empty });
        }
    }

    private static string Describe(Access access) => access switch
    {
        Access.Read => $"one of the roles {string.Join(", ", Roles.All)}",
        Access.CityWrite => $"{Roles.ProvinceAdmin}, or {Roles.CityEditor} with a city",
        _ => Roles.ProvinceAdmin,
    };

    private static ServiceException Unauthenticated(HttpContext http)
    {
        var (reason, message) = TokenFailure.Explain(http);
        return new ServiceException(ErrorKind.Unauthenticated, reason, message);
    }
}
