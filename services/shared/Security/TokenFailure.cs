using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;

namespace Industry.ServiceDefaults.Security;

/// <summary>
/// Why a request has no identity: no token, an expired one, or one that does not validate. The authentication
/// middleware keeps only successes, so the bearer handler's failure event stores the exception on the request.
/// </summary>
public static class TokenFailure
{
    private static readonly object Key = new();

    internal static void Record(HttpContext context, Exception failure) => context.Items[Key] = failure;

    /// <summary>The <c>ErrorInfo.reason</c> and a message safe to show the caller (no token contents).</summary>
    public static (string Reason, string Message) Explain(HttpContext context) =>
        (context.Items.TryGetValue(Key, out var failure) ? failure : null) switch
        {
            null => ("TOKEN_MISSING", "The call needs a bearer token (authorization: Bearer <JWT>)."),
            SecurityTokenExpiredException => ("TOKEN_EXPIRED", "The bearer token has expired."),
            _ => ("TOKEN_INVALID", "The bearer token is not valid (signature, issuer, audience or lifetime)."),
        };
}
