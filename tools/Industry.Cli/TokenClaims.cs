using Industry.Cli.Texts;
using Industry.ServiceDefaults.Security;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Industry.Cli;

/// <summary>What a token says about its bearer (docs/security.md): who, which role, which city or county, until when.</summary>
internal sealed record TokenClaims(string Subject, string Role, string? City, string? County, DateTime Expires)
{
    public static TokenClaims From(JsonWebToken token) => new(
        Claim(token, SuiteClaims.Subject) ?? string.Empty,
        Claim(token, SuiteClaims.Role) ?? string.Empty,
        Claim(token, SuiteClaims.City),
        Claim(token, SuiteClaims.County),
        token.ValidTo);

    private static string? Claim(JsonWebToken token, string type) => token.TryGetClaim(type, out var claim) ? claim.Value : null;
}

/// <summary>The roles' names for people (docs/security.md).</summary>
internal static class RoleNames
{
    public static string Of(string role, CliLanguage language) => role switch
    {
        Roles.Viewer => language.Text("viewer", "查看者"),
        Roles.CountyEditor => language.Text("county editor", "区县填报员"),
        Roles.CityEditor => language.Text("city editor", "市级编辑"),
        Roles.ProvinceAdmin => language.Text("province administrator", "省级管理员"),
        _ => role,
    };
}
