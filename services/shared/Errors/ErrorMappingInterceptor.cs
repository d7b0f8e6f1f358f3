using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;

namespace Industry.ServiceDefaults.Errors;

/// <summary>
/// The one place where exceptions become gRPC statuses (docs/conventions.md §1.8, ADR 0006). Expected failures
/// (<see cref="ServiceException"/>) are logged at Debug; anything unexpected is logged as an error with its
/// stack trace here, and the caller gets <c>INTERNAL</c> with the trace id only.
/// </summary>
public sealed partial class ErrorMappingInterceptor(ErrorStatusMapper mapper, ILogger<ErrorMappingInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context).ConfigureAwait(false);
        }
        catch (Exception ex) when (Translate(ex, context) is { } rpc)
        {
            throw rpc;
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(requestStream, context).ConfigureAwait(false);
        }
        catch (Exception ex) when (Translate(ex, context) is { } rpc)
        {
            throw rpc;
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context).ConfigureAwait(false);
        }
        catch (Exception ex) when (Translate(ex, context) is { } rpc)
        {
            throw rpc;
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context).ConfigureAwait(false);
        }
        catch (Exception ex) when (Translate(ex, context) is { } rpc)
        {
            throw rpc;
        }
    }

    /// <summary>Returns the exception to throw instead, or null to let an <see cref="RpcException"/> pass unchanged.</summary>
    private RpcException? Translate(Exception exception, ServerCallContext context)
    {
        var status = mapper.ToStatus(exception, ErrorLocale.Negotiate(context.RequestHeaders.GetValue("accept-language")), context.CancellationToken);
        if (status is null)
        {
            return null;
        }

        if (status.Code == (int)StatusCode.Internal)
        {
            LogUnexpected(logger, exception, context.Method);
        }
        else
        {
            LogExpected(logger, context.Method, (StatusCode)status.Code, status.Message);
        }

        return status.ToRpcException();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception in {Method}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Method} failed with {Code}: {Detail}")]
    private static partial void LogExpected(ILogger logger, string method, StatusCode code, string detail);
}
