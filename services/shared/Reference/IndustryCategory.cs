namespace Industry.ServiceDefaults.Reference;

/// <summary>
/// One industry of the "4+10" system (4 万亿级 trillion-yuan and 10 千亿级 hundred-billion-yuan industries) with the
/// GB/T 4754 manufacturing divisions or classes it covers (empty for cross-cutting tags such as new materials).
/// </summary>
public sealed record IndustryCategory(string Code, string NameZh, string NameEn, IndustryTier Tier, IReadOnlyList<string> Gbt4754Prefixes);

public enum IndustryTier
{
    TrillionYuan,
    HundredBillionYuan,
}
