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

    public static V1.ClusterTargets ToProto(this Domain.ClusterTargets targets)
    {
        var proto = new V1.ClusterTargets
        {
            Name = "clusterTargets/" + targets.Year,
            Year = targets.Year,
            Etag = Etag.Of(targets.Version),
            CreateTime = WireTime.ToTimestamp(targets.CreateTime),
            UpdateTime = WireTime.ToTimestamp(targets.UpdateTime),
            UpdateActor = targets.UpdateActor,
        };
        if (targets.AdvancedManufacturingClusters is { } advanced)
        {
            proto.AdvancedManufacturingClusters = advanced;
        }

        if (targets.ProvincialSmeClusters is { } provincial)
        {
            proto.ProvincialSmeClusters = provincial;
        }

        if (targets.NationalSmeClusters is { } national)
        {
            proto.NationalSmeClusters = national;
        }

        if (targets.InnovativeSmes is { } innovative)
        {
            proto.InnovativeSmes = innovative;
        }

        if (targets.SpecializedSmes is { } specialized)
        {
            proto.SpecializedSmes = specialized;
        }

        if (targets.LittleGiants is { } littleGiants)
        {
            proto.LittleGiants = littleGiants;
        }

        if (targets.SingleChampions is { } champions)
        {
            proto.SingleChampions = champions;
        }

        if (targets.NewAboveSizeEnterprises is { } aboveSize)
        {
            proto.NewAboveSizeEnterprises = aboveSize;
        }

        return proto;
    }
}
