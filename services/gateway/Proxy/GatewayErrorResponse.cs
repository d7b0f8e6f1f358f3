using Grpc.Core;
using Industry.ServiceDefaults.Errors;

namespace Industry.Gateway.Proxy;

/// <summary>An error the gateway answers itself, in the gateway's error domain (<see cref="ErrorResponse"/>).</summary>
internal static class GatewayErrorResponse
{
    public const string ErrorDomain = "gateway.industry.anhui.gov.cn";

    public static Task WriteAsync(HttpContext context, StatusCode code, string reason, string message) =>
        ErrorResponse.WriteAsync(context, ErrorDomain, code, reason, message);
}
