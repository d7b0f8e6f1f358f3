using System.Security.Claims;
using Industry.Common.V1;

namespace Industry.ServiceDefaults.Security;

/// <summary>The authenticated caller of a call, as far as authorization cares: the strongest role its token holds, and its city.</summary>
/// <param name="Subject">The token's <c>sub</c>.</param>
/// <param name="Role">The strongest of the suite's roles in the token, or <see langword="null"/> when it has none.</param>
/// <param name="CityCode">The <c>city</c> claim; required for a <see cref="Roles.CityEditor"/>.</param>
/// <param name="CountyCode">The <c>county</c> claim; required for a <see cref="Roles.CountyEditor"/>.</param>
public sealed record Caller(string Subject, string? Role, string? CityCode, string? CountyCode = null)
{
    public bool IsProvinceAdmin => Role == Roles.ProvinceAdmin;

    /// <summary>A city editor with a city: the only role whose writes are limited to one city.</summary>
    public bool IsCityEditor => Role == Roles.CityEditor && !string.IsNullOrEmpty(CityCode);

    /// <summary>A county editor with a county: writes only investment reports, of its county's projects.</summary>
    public bool IsCountyEditor => Role == Roles.CountyEditor && !string.IsNullOrEmpty(CountyCode);

    public static Caller From(ClaimsPrincipal user)
    {
        var roles = user.FindAll(SuiteClaims.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        // Strongest first: a token holding several roles acts with the widest.
        var role = Roles.All.Reverse().FirstOrDefault(roles.Contains);
        return new Caller(
            user.FindFirst(SuiteClaims.Subject)?.Value ?? string.Empty, role, user.FindFirst(SuiteClaims.City)?.Value, user.FindFirst(SuiteClaims.County)?.Value);
    }

    /// <summary>
    /// Whether the caller may call a method that needs <paramref name="access"/> (for <see cref="Access.CityWrite"/>, in
    /// some city; for <see cref="Access.CountyWrite"/>, in some county).
    /// </summary>
    public bool Holds(Access access) => access switch
    {
        Access.Read => Role is not null,
        Access.CityWrite => IsProvinceAdmin || IsCityEditor,
        Access.AdminWrite => IsProvinceAdmin,
        Access.CountyWrite => IsProvinceAdmin || IsCityEditor || IsCountyEditor,
        _ => false,
    };
}
