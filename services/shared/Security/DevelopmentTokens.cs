using System.Globalization;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Industry.ServiceDefaults.Security;

/// <summary>Mints tokens signed with the development key, for local runs and tests (never accepted in Production).</summary>
public static class DevelopmentTokens
{
    /// <param name="options">The settings holding the development key, issuer and audience.</param>
    /// <param name="subject">The <c>sub</c>: who acts (recorded as the actor of writes).</param>
    /// <param name="role">One of <see cref="Roles"/> (anything else authenticates but may do nothing).</param>
    /// <param name="cityCode">The <c>city</c> claim, for a <see cref="Roles.CityEditor"/>.</param>
    /// <param name="countyCode">The <c>county</c> claim, for a <see cref="Roles.CountyEditor"/>.</param>
    /// <param name="lifetime">How long the token is valid from now; negative for an already expired token.</param>
    /// <param name="signingKey">Another key than the configured one (tests of wrongly signed tokens).</param>
    public static string Mint(SuiteAuthenticationOptions options, string subject, string role, string? cityCode, TimeSpan lifetime, byte[]? signingKey = null, string? countyCode = null)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object> { [SuiteClaims.Subject] = subject, [SuiteClaims.Role] = role };
        if (!string.IsNullOrEmpty(cityCode))
        {
            claims[SuiteClaims.City] = cityCode;
        }

        if (!string.IsNullOrEmpty(countyCode))
        {
            claims[SuiteClaims.County] = countyCode;
        }

        var expires = now + lifetime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = options.DevelopmentIssuer,
            Audience = options.Audience,
            Claims = claims,
            IssuedAt = lifetime < TimeSpan.Zero ? expires.AddMinutes(-5) : now,
            NotBefore = lifetime < TimeSpan.Zero ? expires.AddMinutes(-5) : now,
            Expires = expires,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(signingKey ?? options.DevelopmentKeyBytes()), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    /// <summary>A token lifetime as <c>mint-token</c> and <c>industry login --dev</c> take it: <c>8h</c>, <c>30m</c>, <c>90s</c>, <c>2d</c>.</summary>
    public static TimeSpan? ParseLifetime(string text)
    {
        if (text.Length < 2 || !int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount == 0)
        {
            return null;
        }

        return text[^1] switch
        {
            's' => TimeSpan.FromSeconds(amount),
            'm' => TimeSpan.FromMinutes(amount),
            'h' => TimeSpan.FromHours(amount),
            'd' => TimeSpan.FromDays(amount),
            _ => null,
        };
    }
}
