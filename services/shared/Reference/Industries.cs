using System.Collections.Frozen;

namespace Industry.ServiceDefaults.Reference;

/// <summary>The 4+10 industries (<c>industries-4plus10.csv</c>), in the published order.</summary>
public static class Industries
{
    /// <summary>The collection in an industry's resource name.</summary>
    public const string Collection = "industries";

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

    /// <summary>The wire form of an industry: its resource name, <c>industries/{code}</c>, as the protos define it.</summary>
    public static string NameOf(string code) => code.Length == 0 ? string.Empty : $"{Collection}/{code}";

    /// <summary>
    /// The code in <c>industries/{code}</c>, upper-cased. A bare code is accepted too: it is what people type, and
    /// what the 4+10 list itself shows.
    /// </summary>
    public static string CodeOf(string? nameOrCode)
    {
        var value = (nameOrCode ?? string.Empty).Trim();
        return (value.StartsWith(Collection + "/", StringComparison.OrdinalIgnoreCase) ? value[(Collection.Length + 1)..] : value).ToUpperInvariant();
    }

    /// <summary>
    /// Why <paramref name="name"/> is not the resource name of a 4+10 industry (<c>industries/AUTO</c>), as a field
    /// violation's description, or null when it is one; an empty name is fine unless <paramref name="required"/>.
    /// </summary>
    public static string? NameProblem(string name, bool required) =>
        name.Length == 0 ? (required ? "is required." : null)
        : !Resources.ResourceName.IsName(name, Collection)
            ? $"must be {(required ? "a" : "empty or a")} resource name '{Collection}/{{code}}', e.g. 'industries/AUTO'."
        : Find(name[(Collection.Length + 1)..]) is null ? $"'{name[(Collection.Length + 1)..]}' is not a 4+10 industry code."
        : null;

    /// <summary>
    /// The industry a GB/T 4754 class belongs to: the one whose prefixes match it, the longest match winning
    /// (<c>C3851</c> is HOMEAPP's <c>C385</c>, not EQUIP's <c>C38</c>); empty when none does. Cross-cutting industries
    /// have no prefixes, so they are never derived.
    /// </summary>
    public static string CodeForClass(string gbt4754Class) =>
        All.SelectMany(i => i.Gbt4754Prefixes.Where(p => gbt4754Class.StartsWith(p, StringComparison.Ordinal)).Select(p => (i.Code, p.Length)))
            .OrderByDescending(m => m.Length)
            .Select(m => m.Code)
            .FirstOrDefault() ?? string.Empty;

}
