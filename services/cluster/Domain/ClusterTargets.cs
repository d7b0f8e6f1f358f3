namespace Industry.Clusters.Domain;

/// <summary>
/// 年度目标: the cluster programme's targets for one year (clusters to recognise, qualifications to grant, new
/// above-size enterprises). A target that was never set is null, so progress reports "no target" instead of 0.
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
        .Count("new_above_size_enterprises", d => d.NewAboveSizeEnterprises, (d, v) => d with { NewAboveSizeEnterprises = v });

    public override string Name => Collection + "/" + Year;

    public int? AdvancedManufacturingClusters { get; private set; }

    public int? ProvincialSmeClusters { get; private set; }

    public int? NationalSmeClusters { get; private set; }

    public int? InnovativeSmes { get; private set; }

    public int? SpecializedSmes { get; private set; }

    public int? LittleGiants { get; private set; }

    public int? SingleChampions { get; private set; }

    public int? NewAboveSizeEnterprises { get; private set; }

    public override ClusterTargetsDraft ToDraft() => new(
        AdvancedManufacturingClusters, ProvincialSmeClusters, NationalSmeClusters, InnovativeSmes, SpecializedSmes, LittleGiants, SingleChampions, NewAboveSizeEnterprises);

    public override IReadOnlyList<string> Revise(ClusterTargetsDraft draft, DateTime now, string actor) => Revise(now, actor, c => c
        .Set(AdvancedManufacturingClusters, draft.AdvancedManufacturingClusters, v => AdvancedManufacturingClusters = v, "advanced_manufacturing_clusters")
        .Set(ProvincialSmeClusters, draft.ProvincialSmeClusters, v => ProvincialSmeClusters = v, "provincial_sme_clusters")
        .Set(NationalSmeClusters, draft.NationalSmeClusters, v => NationalSmeClusters = v, "national_sme_clusters")
        .Set(InnovativeSmes, draft.InnovativeSmes, v => InnovativeSmes = v, "innovative_smes")
        .Set(SpecializedSmes, draft.SpecializedSmes, v => SpecializedSmes = v, "specialized_smes")
        .Set(LittleGiants, draft.LittleGiants, v => LittleGiants = v, "little_giants")
        .Set(SingleChampions, draft.SingleChampions, v => SingleChampions = v, "single_champions")
        .Set(NewAboveSizeEnterprises, draft.NewAboveSizeEnterprises, v => NewAboveSizeEnterprises = v, "new_above_size_enterprises"));
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
    int? NewAboveSizeEnterprises);
