using Grpc.Core;
using Industry.ServiceDefaults.Errors;

namespace Industry.Gateway.Proxy;

/// <summary>
/// Deadlines the <c>grpc-timeout</c> transform cannot give: a call asking for less than
/// <see cref="GatewayOptions.MinDeadline"/> is answered <c>DEADLINE_EXCEEDED</c> without reaching a service, and a
/// JSON/REST call, whose deadline the services' JSON transcoding does not read, is cancelled by the gateway after its
/// deadline (the default, or its <c>grpc-timeout</c> up to the maximum) and answered 504 with a <c>google.rpc.Status</c> body.
/// </summary>
internal sealed class DeadlineMiddleware(RequestDelegate next, GatewayOptions options)
{
    public const string TooShortReason = "DEADLINE_TOO_SHORT";

    public const string ExceededReason = "DEADLINE_EXCEEDED";

    public async Task InvokeAsync(HttpContext context)
    {
        if (DeadlineHeader.IsTooShort(context.Request, options.MinDeadline))
        {
            await GatewayErrorResponse.WriteAsync(context, StatusCode.DeadlineExceeded, TooShortReason,
                $"The call's deadline (grpc-timeout) is shorter than the minimum of {options.MinDeadlineMilliseconds} ms: it expired before reaching a service.");
            return;
        }

        if (GrpcRequests.IsGrpc(context.Request))
        {
            await next(context);
            return;
        }

        // The proxied request follows RequestAborted: cancelling it at the deadline stops the forward and, through the
        // aborted backend request, the service's work.
        var clientAborted = context.RequestAborted;
        using var deadline = new CancellationTokenSource(DeadlineHeader.ForJson(context.Request, options.DefaultDeadline, options.MaxDeadline));
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(clientAborted, deadline.Token);
        context.RequestAborted = linked.Token;
        try
        {
            await next(context);
        }
        finally
        {
            context.RequestAborted = clientAborted;
        }

        if (deadline.IsCancellationRequested && !clientAborted.IsCancellationRequested && !context.Response.HasStarted)
        {
            context.Response.Clear();
            await GatewayErrorResponse.WriteAsync(context, StatusCode.DeadlineExceeded, ExceededReason,
                "The call did not complete within its deadline; JSON calls get the gateway's default deadline, or their grpc-timeout up to the maximum.");
        }
    }
}
