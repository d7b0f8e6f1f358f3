using System.Text.Json;
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

        if (GrpcRequests.IsGrpc(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/grpc";
            context.Response.Headers["grpc-status"] = ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Response.Headers["grpc-message"] = Uri.EscapeDataString(message);
            return;
        }

        context.Response.StatusCode = code == StatusCode.DeadlineExceeded ? StatusCodes.Status504GatewayTimeout : StatusCodes.Status503ServiceUnavailable;
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, new { code = (int)code, message, details = Array.Empty<object>() }, cancellationToken: context.RequestAborted);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Proxying {Path} failed: {Error}")]
    private static partial void LogBackendError(ILogger logger, string path, ForwarderError error, Exception? exception);
}
