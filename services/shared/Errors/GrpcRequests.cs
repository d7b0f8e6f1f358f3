using Microsoft.AspNetCore.Http;

namespace Industry.ServiceDefaults.Errors;

public static class GrpcRequests
{
    /// <summary>gRPC (and gRPC-Web) requests say so in their content type.</summary>
    public static bool IsGrpc(HttpRequest request) =>
        request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;
}
