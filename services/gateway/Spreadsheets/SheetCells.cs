using System.Globalization;
using Industry.ServiceDefaults.Reference;
using Industry.ServiceDefaults.Resources;

namespace Industry.Gateway.Spreadsheets;

/// <summary>How the sheets show the suite's values: names of divisions, labels of enums, dates, yes and no.</summary>
internal static class SheetCells
{
    public const string Yes = "是";
    public const string No = "否";

    public static string DivisionName(string? code) => Divisions.Find(code)?.Name ?? string.Empty;

    /// <summary>The Chinese label of an enum value of the contracts (e.g. 在建), or the value's name when it has none.</summary>
    public static string Label<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var number = Convert.ToInt32(value, CultureInfo.InvariantCulture);
        return EnumLabels.Find(EnumType<TEnum>.Name, number)?.Chinese is { Length: > 0 } label ? label : value.ToString();
    }

    /// <summary>The values of an enum by Chinese label and by value name (<c>PROJECT_NATURE_NEW_BUILD</c>), for reading them back from a sheet.</summary>
    public static IReadOnlyDictionary<string, int> Numbers<TEnum>()
        where TEnum : struct, Enum
    {
        var type = EnumType<TEnum>.Name;
        var values = EnumLabels.All.Where(l => l.EnumType == type && l.Number != 0).ToList();
        return values.Where(l => l.Chinese.Length > 0).Select(l => (Key: l.Chinese, l.Number))
            .Concat(values.Select(l => (Key: l.Value, l.Number)))
            .ToDictionary(l => l.Key, l => l.Number, StringComparer.Ordinal);
    }

    public static string Date(Google.Type.Date? date) =>
        date is null || date.Year == 0 ? string.Empty : new DateOnly(date.Year, date.Month, date.Day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Flag(bool value) => value ? Yes : No;

    public static string IndustryName(string name)
    {
        var code = Industries.CodeOf(name);
        return Industries.Find(code)?.NameZh ?? code;
    }

    /// <summary>The id of a resource name (<c>clusters/hefei-ev</c> gives <c>hefei-ev</c>).</summary>
    public static string Id(string name) => name[(name.LastIndexOf('/') + 1)..];

    /// <summary>The contract's full name of a generated enum type (e.g. <c>industry.projects.v1.ProjectState</c>), found once per type.</summary>
    private static class EnumType<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly string Name =
            SuiteContracts.Enums.FirstOrDefault(e => e.ClrType == typeof(TEnum))?.FullName
                ?? throw new InvalidOperationException($"{typeof(TEnum)} is not an enum of the contracts.");
    }
}
