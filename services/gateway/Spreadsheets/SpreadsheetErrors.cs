using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Rpc;
using Grpc.Core;
using Industry.Gateway.Proxy;
using Industry.ServiceDefaults.Errors;
using Industry.ServiceDefaults.Security;

namespace Industry.Gateway.Spreadsheets;

/// <summary>
/// The errors of the spreadsheet endpoints, as JSON transcoding answers them: the HTTP status of the gRPC code and the
/// <c>google.rpc.Status</c> as JSON, so that a refused export (a bad filter, another city) reads like the list call's refusal.
/// </summary>
internal static class SpreadsheetErrors
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithTypeRegistry(TypeRegistry.FromMessages(
        ErrorInfo.Descriptor, BadRequest.Descriptor, LocalizedMessage.Descriptor, PreconditionFailure.Descriptor, QuotaFailure.Descriptor, ResourceInfo.Descriptor, RetryInfo.Descriptor)));

    /// <summary>UNAUTHENTICATED when the request carries no valid token; null when it does.</summary>
    public static Task? RequireCaller(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            return null;
        }

        var (reason, message) = TokenFailure.Explain(context);
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return GatewayErrorResponse.WriteAsync(context, StatusCode.Unauthenticated, reason, message);
    }

    /// <summary>
    /// The checks every file endpoint makes before its own: a signed-in caller, and a file extension that is a sheet
    /// format. Null when an error has been answered.
    /// </summary>
    public static async Task<SheetFormat?> CallerAndFormatAsync(HttpContext context, string extension)
    {
        if (RequireCaller(context) is { } refused)
        {
            await refused;
            return null;
        }

        if (SheetFormats.FromExtension(extension) is not { } format)
        {
            await InvalidArgument(context, "format", $"'{extension}' is not a spreadsheet format: use .xlsx or .csv.");
            return null;
        }

        return format;
    }

    public static Task WriteAsync(HttpContext context, RpcException error)
    {
        var status = error.GetRpcStatus() ?? new Google.Rpc.Status { Code = (int)error.StatusCode, Message = error.Status.Detail };
        return WriteAsync(context, status);
    }

    public static Task InvalidArgument(HttpContext context, string field, string description) => WriteAsync(context, new Google.Rpc.Status
    {
        Code = (int)StatusCode.InvalidArgument,
        Message = $"{field} {description}",
        Details = { Google.Protobuf.WellKnownTypes.Any.Pack(new BadRequest { FieldViolations = { new BadRequest.Types.FieldViolation { Field = field, Description = description } } }) },
    });

    /// <summary>An error whose HTTP status is not the code's usual one (413 for an upload over the limit).</summary>
    public static Task WriteAsync(HttpContext context, StatusCode code, int httpStatus, string message) =>
        WriteAsync(context, new Google.Rpc.Status { Code = (int)code, Message = message }, httpStatus);

    private static Task WriteAsync(HttpContext context, Google.Rpc.Status status, int? httpStatus = null)
    {
        context.Response.StatusCode = httpStatus ?? ErrorResponse.HttpStatusOf((StatusCode)status.Code);
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(Formatter.Format(status), context.RequestAborted);
    }
}
