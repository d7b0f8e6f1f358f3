using System.Collections.Frozen;

namespace Industry.ServiceDefaults.Reference;

/// <summary>
/// The province, its 16 cities and 104 counties (GB/T 2260, <c>anhui-divisions.csv</c>), loaded once from the
/// embedded copy. Projects, parks and enterprises are placed by county code; the city is always derived.
/// </summary>
public static class Divisions
{
    private static readonly FrozenDictionary<string, Division> ByCode = CsvResource.Read("anhui-divisions.csv")
        .Select(r => new Division(
            r["code"],
            r["name"],
            Enum.Parse<DivisionLevel>(r["level"], ignoreCase: true),
            string.IsNullOrEmpty(r["parent"]) ? null : r["parent"]))
        .ToFrozenDictionary(d => d.Code, StringComparer.Ordinal);

    /// <summary>Every division by code: the province, then the cities and counties (a city's counties follow it).</summary>
    public static IReadOnlyList<Division> All { get; } = [.. ByCode.Values.OrderBy(d => d.Code, StringComparer.Ordinal)];

    public static Division Province { get; } = ByCode.Values.Single(d => d.Level == DivisionLevel.Province);

    public static IReadOnlyList<Division> Cities { get; } =
        [.. ByCode.Values.Where(d => d.Level == DivisionLevel.City).OrderBy(d => d.Code, StringComparer.Ordinal)];

    public static IReadOnlyList<Division> Counties { get; } =
        [.. ByCode.Values.Where(d => d.Level == DivisionLevel.County).OrderBy(d => d.Code, StringComparer.Ordinal)];

    public static Division? Find(string? code) => code is not null && ByCode.TryGetValue(code, out var d) ? d : null;

    public static bool IsCounty(string? code) => Find(code)?.Level == DivisionLevel.County;

    /// <summary>Why <paramref name="code"/> is not a county of Anhui, as a field violation's description, or null when it is one.</summary>
    public static string? CountyProblem(string? code) =>
        IsCounty(code) ? null : string.IsNullOrEmpty(code) ? "is required." : $"'{code}' is not the code of a county of Anhui (GB/T 2260).";

    public static bool IsCity(string? code) => Find(code)?.Level == DivisionLevel.City;

    /// <summary>The city a county belongs to; a city is its own city. Null for unknown codes and the province.</summary>
    public static Division? CityOf(string? code) => Find(code) switch
    {
        { Level: DivisionLevel.City } city => city,
        { Level: DivisionLevel.County, ParentCode: var parent } => Find(parent),
        _ => null,
    };
}
