namespace Industry.Clusters.Api;

/// <summary>Domain and reference types to and from the wire, in one place (proto types stop at Api/).</summary>
internal static class Mapping
{
    public static Clusters.V1.Industry ToProto(this IndustryCategory industry) => new()
    {
        Name = "industries/" + industry.Code,
        Code = industry.Code,
        DisplayName = industry.NameZh,
        EnglishName = industry.NameEn,
        Tier = industry.Tier == ServiceDefaults.Reference.IndustryTier.TrillionYuan
            ? Clusters.V1.IndustryTier.TrillionYuan
            : Clusters.V1.IndustryTier.HundredBillionYuan,
        Gbt4754Prefixes = { industry.Gbt4754Prefixes },
    };

    /// <summary>A target never set stays unset on the wire ("no target"), not 0.</summary>
    public static V1.ClusterTargets ToProto(this Domain.ClusterTargets targets) =>
        new V1.ClusterTargets { Name = "clusterTargets/" + targets.Year, Year = targets.Year }.FillFrom(targets.ToDraft()).FillFrom(targets);
}
