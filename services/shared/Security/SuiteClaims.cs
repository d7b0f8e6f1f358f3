namespace Industry.ServiceDefaults.Security;

/// <summary>Claim names the suite reads from a token (plain JWT names: inbound claim mapping is off).</summary>
public static class SuiteClaims
{
    /// <summary>The caller's identity, recorded as the actor of every write.</summary>
    public const string Subject = "sub";

    /// <summary>One of <see cref="Roles"/> (a string, or an array of them).</summary>
    public const string Role = "role";

    /// <summary>The six-digit city division code a <see cref="Roles.CityEditor"/> may write in.</summary>
    public const string City = "city";

    /// <summary>The six-digit county division code a <see cref="Roles.CountyEditor"/> may report investment in.</summary>
    public const string County = "county";
}
