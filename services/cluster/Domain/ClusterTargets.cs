namespace Industry.Clusters.Domain;

/// <summary>
/// 年度目标: the cluster programme's targets for one year (clusters to recognise, qualifications to grant, new
/// above-size enterprises), in total and per city. A target that was never set is null, so progress reports "no
/// target" instead of 0. The cities' targets need not add up to the province's: cities often commit to more than
/// their share, and the province may set its total before the cities report theirs (ADR 0035).
/// </summary>
public sealed class ClusterTargets(int year) : YearlyTargets<ClusterTargetsDraft>(year)
{
    public const string Collection = "clusterTargets";

    public static readonly TargetFields<ClusterTargetsDraft> Fields = new TargetFields<ClusterTargetsDraft>(Collection)
        .Count("advanced_manufacturing_clusters", d => d.AdvancedManufacturingClusters, (d, v) => d with { AdvancedManufacturingClusters = v })
        .Count("provincial_sme_clusters", d => d.ProvincialSmeClusters, (d, v) => d with { ProvincialSmeClusters = v })
        .Count("national_sme_clusters", d => d.NationalSmeClusters, (d, v) => d with { NationalSmeClusters = v })
        .Count("innovative_smes", d => d.InnovativeSmes, (d, v) => d with { InnovativeSmes = v })
        .Count("specialized_smes", d => d.SpecializedSmes, (d, v) => d with { SpecializedSmes = v })
        .Count("little_giants", d => d.LittleGiants, (d, v) => d with { LittleGiants = v })
        .Count("single_champions", d => d.SingleChampions, (d, v) => d with { SingleChampions = v })
        .Count("new_above_size_enterprises", d => d.NewAboveSizeEnterprises, (d, v) => d with { NewAboveSizeEnterprises = v })
        .Cities("city_targets", d => d.CityTargets, (d, v) => d with { CityTargets = v }, c => c.CityCode, new TargetFields<ClusterCityTarget>()
            .Count("advanced_manufacturing_clusters", c => c.AdvancedManufacturingClusters)
            .Count("provincial_sme_clusters", c => c.ProvincialSmeClusters)
            .Count("national_sme_clusters", c => c.NationalSmeClusters)
            .Count("innovative_smes", c => c.InnovativeSmes)
            .Count("specialized_smes", c => c.SpecializedSmes)
            .Count("little_giants", c => c.LittleGiants)
            .Count("single_champions", c => c.SingleChampions)
            .Count("new_above_size_enterprises", c => c.NewAboveSizeEnterprises))
        .Keyed("cluster_revenue_targets", d => d.ClusterRevenueTargets, (d, v) => d with { ClusterRevenueTargets = v }, "cluster", r => r.Cluster, ClusterNameProblem,
            new TargetFields<ClusterRevenueTarget>().Number("revenue_yuan", r => (long?)r.RevenueYuan, 1L, RevenueRules.MaxRevenueYuan, $"must be a positive number of yuan up to {RevenueRules.MaxRevenueYuan}."));

    public override string Name => Collection + "/" + Year;

    public int? AdvancedManufacturingClusters { get; private set; }

    public int? ProvincialSmeClusters { get; private set; }

    public int? NationalSmeClusters { get; private set; }

    public int? InnovativeSmes { get; private set; }

    public int? SpecializedSmes { get; private set; }

    public int? LittleGiants { get; private set; }

    public int? SingleChampions { get; private set; }

    public int? NewAboveSizeEnterprises { get; private set; }

    public List<ClusterCityTarget> CityTargets { get; private set; } = [];

    /// <summary>集群营收目标: single clusters' revenue targets of the year (C14), by cluster name.</summary>
    public List<ClusterRevenueTarget> ClusterRevenueTargets { get; private set; } = [];

    public override ClusterTargetsDraft ToDraft() => new(
        AdvancedManufacturingClusters, ProvincialSmeClusters, NationalSmeClusters, InnovativeSmes, SpecializedSmes, LittleGiants, SingleChampions, NewAboveSizeEnterprises, CityTargets, ClusterRevenueTargets);

    public override IReadOnlyList<string> Revise(ClusterTargetsDraft draft, DateTime now, string actor) => Revise(now, actor, c => c
        .Set(AdvancedManufacturingClusters, draft.AdvancedManufacturingClusters, v => AdvancedManufacturingClusters = v, "advanced_manufacturing_clusters")
        .Set(ProvincialSmeClusters, draft.ProvincialSmeClusters, v => ProvincialSmeClusters = v, "provincial_sme_clusters")
        .Set(NationalSmeClusters, draft.NationalSmeClusters, v => NationalSmeClusters = v, "national_sme_clusters")
        .Set(InnovativeSmes, draft.InnovativeSmes, v => InnovativeSmes = v, "innovative_smes")
        .Set(SpecializedSmes, draft.SpecializedSmes, v => SpecializedSmes = v, "specialized_smes")
        .Set(LittleGiants, draft.LittleGiants, v => LittleGiants = v, "little_giants")
        .Set(SingleChampions, draft.SingleChampions, v => SingleChampions = v, "single_champions")
        .Set(NewAboveSizeEnterprises, draft.NewAboveSizeEnterprises, v => NewAboveSizeEnterprises = v, "new_above_size_enterprises")
        .SetList(ByCity(CityTargets, t => t.CityCode), ByCity(draft.CityTargets, t => t.CityCode), v => CityTargets = v, "city_targets")
        .SetList(ByCity(ClusterRevenueTargets, t => t.Cluster), ByCity(draft.ClusterRevenueTargets, t => t.Cluster), v => ClusterRevenueTargets = v, "cluster_revenue_targets"));

    private static string? ClusterNameProblem(string name) =>
        ResourceName.IsName(name, Cluster.Collection) ? null : $"'{name}' is not a cluster name 'clusters/{{cluster}}'.";
}

/// <summary>The targets' values, as an update gives them and the targets store them; null is unset.</summary>
public sealed record ClusterTargetsDraft(
    int? AdvancedManufacturingClusters,
    int? ProvincialSmeClusters,
    int? NationalSmeClusters,
    int? InnovativeSmes,
    int? SpecializedSmes,
    int? LittleGiants,
    int? SingleChampions,
    int? NewAboveSizeEnterprises,
    IReadOnlyList<ClusterCityTarget> CityTargets,
    IReadOnlyList<ClusterRevenueTarget> ClusterRevenueTargets);

/// <summary>One city's share of the year's targets, counted as the city's row of the progress counts it.</summary>
public sealed record ClusterCityTarget(
    string CityCode,
    int? AdvancedManufacturingClusters,
    int? ProvincialSmeClusters,
    int? NationalSmeClusters,
    int? InnovativeSmes,
    int? SpecializedSmes,
    int? LittleGiants,
    int? SingleChampions,
    int? NewAboveSizeEnterprises);

/// <summary>One cluster's revenue target of the year (集群营收目标, C14): the revenue it is to reach, in yuan.</summary>
public sealed record ClusterRevenueTarget(string Cluster, long RevenueYuan);
