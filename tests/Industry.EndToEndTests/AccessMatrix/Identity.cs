using System.Text;
using Industry.ServiceDefaults.Security;
using Industry.TestInfrastructure;

namespace Industry.EndToEndTests.AccessMatrix;

/// <summary>
/// Who calls: the four ways to hold no valid token, and the four roles (the city editor's city is
/// <see cref="CityResources.CityA"/>, the county editor's county <see cref="CityResources.CountyA"/>).
/// </summary>
internal sealed record Identity(string Name, string? Token, string? Role)
{
    /// <summary>The <c>ErrorInfo.reason</c> of the refusal of a caller without a valid token, or null for a valid one.</summary>
    public string? TokenFailure { get; init; }

    public bool Authenticated => TokenFailure is null;

    public static IReadOnlyList<Identity> All { get; } = Create();

    private static Identity[] Create()
    {
        // Refused tokens carry the strongest role, so that only the token itself can be what refuses them.
        var admin = TestTokens.Mint(Roles.ProvinceAdmin, subject: "matrix-admin");
        return
        [
            new("no token", null, null) { TokenFailure = "TOKEN_MISSING" },
            new("expired", TestTokens.Mint(Roles.ProvinceAdmin, lifetime: TimeSpan.FromMinutes(-10)), null) { TokenFailure = "TOKEN_EXPIRED" },
            new("foreign key", DevelopmentTokens.Mint(TestTokens.Options, "matrix-intruder", Roles.ProvinceAdmin, null, TimeSpan.FromHours(1), new byte[32]), null) { TokenFailure = "TOKEN_INVALID" },
            new("alg none", Unsigned(admin), null) { TokenFailure = "TOKEN_INVALID" },
            new("viewer", TestTokens.Mint(Roles.Viewer, subject: "matrix-viewer"), Roles.Viewer),
            new("county editor " + CityResources.CountyA, TestTokens.CountyEditor(CityResources.CountyA, subject: "matrix-county-editor"), Roles.CountyEditor),
            new("city editor " + CityResources.CityA, TestTokens.Mint(Roles.CityEditor, CityResources.CityA, subject: "matrix-editor"), Roles.CityEditor),
            new("province admin", admin, Roles.ProvinceAdmin),
        ];
    }

    /// <summary>The same claims under <c>{"alg":"none"}</c> with an empty signature (RFC 7519 §6, an unsecured JWT).</summary>
    private static string Unsigned(string token)
    {
        var header = Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"alg":"none","typ":"JWT"}""")).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return $"{header}.{token.Split('.')[1]}.";
    }

    public override string ToString() => Name;
}
