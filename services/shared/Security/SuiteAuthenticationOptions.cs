namespace Industry.ServiceDefaults.Security;

/// <summary>
/// Token validation settings, the <c>Authentication</c> section, the same for the gateway and every service.
/// Production: <see cref="Authority"/> (the OIDC issuer, whose metadata gives the signing keys) and
/// <see cref="Audience"/>. Development and tests: <see cref="DevelopmentSigningKey"/>, an HMAC key that the
/// <c>mint-token</c> command signs local tokens with; a Production process refuses to start with it.
/// </summary>
public sealed class SuiteAuthenticationOptions
{
    public const string Section = "Authentication";

    /// <summary>The OIDC authority (issuer URL), e.g. <c>https://sso.example.gov.cn/realms/industry</c>. Required in Production.</summary>
    public string? Authority { get; set; }

    /// <summary>The audience every token must name. Default <c>industry-api</c>.</summary>
    public string Audience { get; set; } = "industry-api";

    /// <summary>Fetch the authority's metadata over HTTPS only. Default true; turn off only for a local identity provider.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Base64 HMAC-SHA256 key of at least 32 bytes, for development tokens; refused in Production.</summary>
    public string? DevelopmentSigningKey { get; set; }

    /// <summary>The issuer of development tokens. Default <c>industry-dev</c>.</summary>
    public string DevelopmentIssuer { get; set; } = "industry-dev";

    /// <summary>Tolerated clock difference between the issuer and this process. Default 30 s.</summary>
    public int ClockSkewSeconds { get; set; } = 30;

    /// <summary>
    /// How long a validated token may be served from <see cref="ValidatedTokenCache"/> (never past its expiry); 0 turns
    /// the cache off. Default 300 s (ADR 0033).
    /// </summary>
    public int ValidatedTokenCacheSeconds { get; set; } = 300;

    /// <summary>How many validated tokens are kept at most. Default 10,000 (a few MB).</summary>
    public int ValidatedTokenCacheSize { get; set; } = 10_000;

    /// <summary>The development signing key's bytes, checked.</summary>
    public byte[] DevelopmentKeyBytes()
    {
        var key = Convert.FromBase64String(DevelopmentSigningKey ?? throw new InvalidOperationException("Authentication:DevelopmentSigningKey is not set."));
        return key.Length >= 32 ? key : throw new InvalidOperationException("Authentication:DevelopmentSigningKey must be at least 32 bytes (base64).");
    }
}
