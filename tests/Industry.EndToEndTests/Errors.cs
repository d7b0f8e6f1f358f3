using Google.Rpc;
using Grpc.Core;

namespace Industry.EndToEndTests;

/// <summary>What a failed call's rich status says.</summary>
internal static class Errors
{
    /// <summary>The <c>ErrorInfo.reason</c> of the status, or empty when it has none.</summary>
    public static string ReasonOf(RpcException error) => error.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason ?? string.Empty;
}
