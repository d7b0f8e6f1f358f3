using System.Globalization;
using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace Industry.ServiceDefaults.Errors;

/// <summary>
/// An error answered by middleware, before any gRPC handler runs (no token at the gateway, rate limit, unreachable
/// backend, a path that is not exactly a method), in the shape handlers' errors have: for gRPC and gRPC-Web a
/// trailers-only response with <c>grpc-status</c> and a <c>google.rpc.Status</c> carrying an <c>ErrorInfo</c> in
/// <c>grpc-status-details-bin</c>; for JSON/REST the same status as a JSON body with the matching HTTP status code.
/// </summary>
public static class ErrorResponse
{
    public static Task WriteAsync(HttpContext context, string errorDomain, StatusCode code, string reason, string message)
    {
        var response = context.Response;
        var localized = ErrorTexts.For(reason, ErrorLocale.Negotiate(context.Request.Headers.AcceptLanguage));
        if (GrpcRequests.IsGrpc(context.Request))
        {
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = context.Request.ContentType!.StartsWith("application/grpc-web", StringComparison.OrdinalIgnoreCase)
                ? "application/grpc-web+proto"
                : "application/grpc";
            response.Headers["grpc-status"] = ((int)code).ToString(CultureInfo.InvariantCulture);
            response.Headers["grpc-message"] = Uri.EscapeDataString(message);
            response.Headers["grpc-status-details-bin"] = Convert.ToBase64String(Status(errorDomain, code, reason, message, localized).ToByteArray()).TrimEnd('=');
            return Task.CompletedTask;
        }

        response.StatusCode = HttpStatusOf(code);
        response.ContentType = "application/json";
        var body = new
        {
            code = (int)code,
            message,
            details = new object[]
            {
                new Dictionary<string, string> { ["@type"] = "type.googleapis.com/google.rpc.ErrorInfo", ["reason"] = reason, ["domain"] = errorDomain },
                new Dictionary<string, string> { ["@type"] = "type.googleapis.com/google.rpc.LocalizedMessage", ["locale"] = localized.Locale, ["message"] = localized.Message },
            },
        };
        return JsonSerializer.SerializeAsync(response.Body, body, cancellationToken: context.RequestAborted);
    }

    private static Google.Rpc.Status Status(string errorDomain, StatusCode code, string reason, string message, LocalizedMessage localized) => new()
    {
        Code = (int)code,
        Message = message,
        Details = { Any.Pack(new ErrorInfo { Reason = reason, Domain = errorDomain }), Any.Pack(localized) },
    };

    /// <summary>The HTTP status JSON transcoding gives each code (google.rpc.Code's mapping).</summary>
    public static int HttpStatusOf(StatusCode code) => code switch
    {
        StatusCode.InvalidArgument or StatusCode.FailedPrecondition or StatusCode.OutOfRange => StatusCodes.Status400BadRequest,
        StatusCode.AlreadyExists or StatusCode.Aborted => StatusCodes.Status409Conflict,
        StatusCode.Cancelled => 499,
        StatusCode.Unauthenticated => StatusCodes.Status401Unauthorized,
        StatusCode.PermissionDenied => StatusCodes.Status403Forbidden,
        StatusCode.ResourceExhausted => StatusCodes.Status429TooManyRequests,
        StatusCode.DeadlineExceeded => StatusCodes.Status504GatewayTimeout,
        StatusCode.Unavailable => StatusCodes.Status503ServiceUnavailable,
        StatusCode.NotFound or StatusCode.Unimplemented => StatusCodes.Status404NotFound,
        _ => StatusCodes.Status500InternalServerError,
    };
}
