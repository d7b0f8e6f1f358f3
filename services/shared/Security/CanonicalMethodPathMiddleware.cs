using Grpc.AspNetCore.Server;
using Grpc.Core;
using Industry.ServiceDefaults.Errors;
using Industry.ServiceDefaults.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Industry.ServiceDefaults.Security;

/// <summary>
/// Refuses a request whose path is not exactly the path of the method its matched endpoint runs, before any handler:
/// routing matches paths without regard to case (and forgives a trailing slash or percent-encoded letters), so
/// <c>/INDUSTRY.PARKS.V1.PARKSERVICE/DELETEPARK</c> would otherwise run <c>DeletePark</c> under another name. A gRPC or
/// gRPC-Web call must name its method byte for byte as the contract does (the request target is compared as sent, not
/// decoded); a JSON/REST call must spell the fixed words of its route in their case. Refusals are <c>UNIMPLEMENTED</c>
/// (gRPC) or HTTP 404 (JSON), as for a method that does not exist, since as far as the contract goes it does not.
/// </summary>
public sealed class CanonicalMethodPathMiddleware(RequestDelegate next, ServiceIdentity identity)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint() is RouteEndpoint endpoint && endpoint.Metadata.GetMetadata<GrpcMethodMetadata>() is { } grpc)
        {
            var method = grpc.Method.FullName;
            var canonical = string.Equals(endpoint.RoutePattern.RawText, method, StringComparison.Ordinal)
                ? string.Equals(RawTarget(context), method, StringComparison.Ordinal)
                : LiteralsMatchExactly(endpoint.RoutePattern, context.Request.Path);
            if (!canonical)
            {
                return ErrorResponse.WriteAsync(context, identity.ErrorDomain, StatusCode.Unimplemented, "METHOD_NOT_FOUND",
                    "No method has this path: paths are case-sensitive and must be sent as the contract spells them.");
            }
        }

        return next(context);
    }

    /// <summary>The request target as the client sent it (HTTP/2 <c>:path</c>), before any decoding.</summary>
    public static string RawTarget(HttpContext context) =>
        context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? string.Empty;

    /// <summary>Whether every fixed word of <paramref name="pattern"/> appears in <paramref name="path"/> in the same case.</summary>
    internal static bool LiteralsMatchExactly(RoutePattern pattern, PathString path)
    {
        var segments = (path.Value ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < pattern.PathSegments.Count && i < segments.Length; i++)
        {
            var parts = pattern.PathSegments[i].Parts;
            if (parts.Any(p => p is RoutePatternParameterPart { IsCatchAll: true }))
            {
                return true; // the rest of the path is a value, not fixed words
            }

            foreach (var literal in parts.OfType<RoutePatternLiteralPart>())
            {
                var exact = parts.Count == 1
                    ? string.Equals(segments[i], literal.Content, StringComparison.Ordinal)
                    : segments[i].Contains(literal.Content, StringComparison.Ordinal);
                if (!exact)
                {
                    return false;
                }
            }
        }

        return true;
    }
}
