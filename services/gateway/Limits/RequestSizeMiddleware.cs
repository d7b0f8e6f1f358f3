using Industry.Gateway.Proxy;
using Industry.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http.Features;

namespace Industry.Gateway.Limits;

/// <summary>
/// gRPC requests may stream many messages (an import), so their whole body gets <see cref="GatewayOptions.MaxGrpcRequestBytes"/>
/// instead of the JSON body limit; each message is capped again by the service that reads it.
/// </summary>
internal sealed class RequestSizeMiddleware(RequestDelegate next, GatewayOptions options)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (GrpcRequests.IsGrpc(context.Request) && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = options.MaxGrpcRequestBytes;
        }

        return next(context);
    }
}
