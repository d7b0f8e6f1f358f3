using Grpc.Core;

namespace Industry.EndToEndTests.AccessMatrix;

/// <summary>What one call answered, whatever its transport: the gRPC status (a JSON error's <c>code</c>), its <c>ErrorInfo.reason</c>, the HTTP status.</summary>
internal sealed record Outcome(StatusCode Code, string Reason, int Http, byte[]? Message = null)
{
    private static readonly HashSet<string> AuthorizationReasons = ["ROLE_NOT_PERMITTED", "OUTSIDE_CALLER_CITY", "OUTSIDE_CALLER_COUNTY", "PERMISSION_NOT_DECLARED"];

    /// <summary>No method answered this path (gRPC <c>UNIMPLEMENTED</c>; JSON: HTTP 404 from no route or from the path check).</summary>
    public bool NoSuchMethod => Code == StatusCode.Unimplemented;

    /// <summary>Neither a missing or invalid token nor a role or city refusal: the method ran (or would, but for the request's content).</summary>
    public bool PassedAuthorization => Code != StatusCode.Unauthenticated && !(Code == StatusCode.PermissionDenied && AuthorizationReasons.Contains(Reason));

    public override string ToString() => $"{Code}{(Reason.Length > 0 ? "/" + Reason : string.Empty)} (HTTP {Http})";
}
