namespace Industry.ServiceDefaults.Security;

/// <summary>
/// The suite's roles (docs/security.md), as the <c>role</c> claim of a token carries them. A token with none of them can
/// authenticate but may do nothing.
/// </summary>
public static class Roles
{
    /// <summary>Reads everything.</summary>
    public const string Viewer = "viewer";

    /// <summary>Reads everything; writes projects, investment reports, parks' applications and transformations in the city of its <c>city</c> claim.</summary>
    public const string CityEditor = "city_editor";

    /// <summary>Does everything, including recognitions, certifications, plans and targets.</summary>
    public const string ProvinceAdmin = "province_admin";

    public static readonly IReadOnlyList<string> All = [Viewer, CityEditor, ProvinceAdmin];
}
