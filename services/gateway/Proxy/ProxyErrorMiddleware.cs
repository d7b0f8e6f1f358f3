using Grpc.Core;
using Yarp.ReverseProxy.Forwarder;

namespace Industry.Gateway.Proxy;

/// <summary>
/// When a backend cannot be reached (stopped, refusing connections, timing out), YARP answers 502/504 with no body.
/// gRPC clients would then see a bare HTTP error; this turns it into a trailers-only gRPC response with
/// <c>UNAVAILABLE</c> (or <c>DEADLINE_EXCEEDED</c> on a timeout), and into a <c>google.rpc.Status</c> JSON body for
/// REST callers, the same shape JSON transcoding uses for every other error.
/// </summary>
internal sealed partial class ProxyErrorMiddleware(RequestDelegate next, ILogger<ProxyErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        var error = context.GetForwarderErrorFeature();
        if (error is null || context.Response.HasStarted)
        {
            return;
        }

        var code = error.Error is ForwarderError.RequestTimedOut ? StatusCode.DeadlineExceeded : StatusCode.Unavailable;
        var message = code == StatusCode.DeadlineExceeded
            ? "The service did not answer within the deadline."
            : "The service is unavailable; retry with backoff.";
        LogBackendError(logger, context.Request.Path, error.Error, error.Exception);
        // A backend that answered before reading the whole request body (a 404 for a route it does not serve) has had
        // its headers copied already, Content-Length: 0 among them, which the error body below would contradict.
        context.Response.Headers.ContentLength = null;
        await GatewayErrorResponse.WriteAsync(context, code, code == StatusCode.DeadlineExceeded ? "BACKEND_TIMEOUT" : "BACKEND_UNAVAILABLE", message);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Proxying {Path} failed: {Error}")]
    private static partial void LogBackendError(ILogger logger, string path, ForwarderError error, Exception? exception);
}
