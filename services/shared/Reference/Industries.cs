using System.Collections.Frozen;

namespace Industry.ServiceDefaults.Reference;

/// <summary>The 4+10 industries (<c>industries-4plus10.csv</c>), in the published order.</summary>
public static class Industries
{
    public static IReadOnlyList<IndustryCategory> All { get; } = [.. CsvResource.Read("industries-4plus10.csv").Select(r => new IndustryCategory(
        r["code"],
        r["name_zh"],
        r["name_en"],
        r["tier"] == "TRILLION_YUAN" ? IndustryTier.TrillionYuan : IndustryTier.HundredBillionYuan,
        r["gbt4754_divisions_proposed"].StartsWith('(')
            ? []
            : r["gbt4754_divisions_proposed"].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))];

    private static readonly FrozenDictionary<string, IndustryCategory> ByCode = All.ToFrozenDictionary(i => i.Code, StringComparer.Ordinal);

    public static IndustryCategory? Find(string? code) => code is not null && ByCode.TryGetValue(code, out var i) ? i : null;
}
