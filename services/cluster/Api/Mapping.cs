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
        new V1.ClusterTargets
        {
            Name = "clusterTargets/" + targets.Year,
            Year = targets.Year,
            CityTargets = { targets.CityTargets.OrderBy(c => c.CityCode, StringComparer.Ordinal).Select(c => new V1.ClusterCityTarget().FillFrom(c)) },
            ClusterRevenueTargets = { targets.ClusterRevenueTargets.OrderBy(c => c.Cluster, StringComparer.Ordinal).Select(c => new V1.ClusterRevenueTarget().FillFrom(c)) },
        }.FillFrom(targets.ToDraft()).FillFrom(targets);

    /// <summary>A city's counts against its share of the targets; a city without a share has no target on any figure.</summary>
    public static V1.CityClusterProgress ToCityProto(this ClusterCounts counts, string cityCode, ClusterCityTarget? target) => new()
    {
        CityCode = cityCode,
        AdvancedManufacturingClusters = Targets.Against(counts.AdvancedManufacturingClusters, target?.AdvancedManufacturingClusters),
        ProvincialSmeClusters = Targets.Against(counts.ProvincialSmeClusters, target?.ProvincialSmeClusters),
        NationalSmeClusters = Targets.Against(counts.NationalSmeClusters, target?.NationalSmeClusters),
        InnovativeSmes = Targets.Against(counts.InnovativeSmes, target?.InnovativeSmes),
        SpecializedSmes = Targets.Against(counts.SpecializedSmes, target?.SpecializedSmes),
        LittleGiants = Targets.Against(counts.LittleGiants, target?.LittleGiants),
        SingleChampions = Targets.Against(counts.SingleChampions, target?.SingleChampions),
        NewAboveSizeEnterprises = Targets.Against(counts.NewAboveSizeEnterprises, target?.NewAboveSizeEnterprises),
        AboveSizeEnterprisesTotal = counts.AboveSizeEnterprisesTotal,
        ExitedAboveSizeEnterprises = counts.ExitedAboveSizeEnterprises,
        NetNewAboveSizeEnterprises = counts.NetNewAboveSizeEnterprises,
    };
}
