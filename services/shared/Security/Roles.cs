namespace Industry.ServiceDefaults.Security;

/// <summary>
/// The suite's roles (docs/security.md), as the <c>role</c> claim of a token carries them. A token with none of them can
/// authenticate but may do nothing.
/// </summary>
public static class Roles
{
    /// <summary>Reads everything.</summary>
    public const string Viewer = "viewer";

    /// <summary>
    /// 区县填报员: reads everything; writes only the investment reports of the projects of the county of its
    /// <c>county</c> claim, which wait for its city's review (SUBMITTED) before they count.
    /// </summary>
    public const string CountyEditor = "county_editor";

    /// <summary>Reads everything; writes projects, investment reports, parks' applications and transformations in the city of its <c>city</c> claim.</summary>
    public const string CityEditor = "city_editor";

    /// <summary>Does everything, including recognitions, certifications, plans and targets.</summary>
    public const string ProvinceAdmin = "province_admin";

    /// <summary>Weakest first: a token holding several acts with the last of them it holds.</summary>
    public static readonly IReadOnlyList<string> All = [Viewer, CountyEditor, CityEditor, ProvinceAdmin];
}
