namespace Industry.Gateway.Web;

/// <summary>
/// What the page needs to sign in, served at <see cref="WebPageEndpoints.ConfigPath"/>: the OIDC authority the gateway
/// trusts (<c>Authentication:Authority</c>; none locally, where the page takes a pasted development token), the page's
/// client id at that authority (<c>Web:ClientId</c>) and the scopes it asks for (<c>Web:Scope</c>). Nothing secret: a
/// browser app is a public client (PKCE, no client secret).
/// </summary>
internal sealed record WebPageConfig(string? Authority, string ClientId, string Scope)
{
    public static WebPageConfig From(IConfiguration configuration) => new(
        configuration["Authentication:Authority"] is { Length: > 0 } authority ? authority : null,
        configuration["Web:ClientId"] is { Length: > 0 } clientId ? clientId : "industry-web",
        configuration["Web:Scope"] is { Length: > 0 } scope ? scope : "openid profile");
}
