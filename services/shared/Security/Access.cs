namespace Industry.ServiceDefaults.Security;

/// <summary>What a gRPC method needs from its caller (its access level) (DESIGN.md 3.5).</summary>
public enum Access
{
    /// <summary>Any of the suite's roles.</summary>
    Read,

    /// <summary>
    /// <see cref="Roles.ProvinceAdmin"/>, or <see cref="Roles.CityEditor"/> for resources of its own city: the method checks
    /// the city itself with <see cref="CallerAccess.RequireCity"/>, since only it knows the resource's city.
    /// </summary>
    CityWrite,

    /// <summary><see cref="Roles.ProvinceAdmin"/> only.</summary>
    AdminWrite,
}
