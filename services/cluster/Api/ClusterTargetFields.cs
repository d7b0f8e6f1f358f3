using Proto = Industry.Clusters.V1;

namespace Industry.Clusters.Api;

/// <summary>
/// The targets of <c>ClusterTargets</c>, one per proto field: how to read each from a request (absent is null) and how
/// to read and set it on the stored targets. UpdateClusterTargets resolves its mask over these paths.
/// </summary>
internal static class ClusterTargetFields
{
    public static readonly IReadOnlyList<Field> All =
    [
        new("advanced_manufacturing_clusters", p => p.HasAdvancedManufacturingClusters ? p.AdvancedManufacturingClusters : null, t => t.AdvancedManufacturingClusters, (t, v) => t.AdvancedManufacturingClusters = v),
        new("provincial_sme_clusters", p => p.HasProvincialSmeClusters ? p.ProvincialSmeClusters : null, t => t.ProvincialSmeClusters, (t, v) => t.ProvincialSmeClusters = v),
        new("national_sme_clusters", p => p.HasNationalSmeClusters ? p.NationalSmeClusters : null, t => t.NationalSmeClusters, (t, v) => t.NationalSmeClusters = v),
        new("innovative_smes", p => p.HasInnovativeSmes ? p.InnovativeSmes : null, t => t.InnovativeSmes, (t, v) => t.InnovativeSmes = v),
        new("specialized_smes", p => p.HasSpecializedSmes ? p.SpecializedSmes : null, t => t.SpecializedSmes, (t, v) => t.SpecializedSmes = v),
        new("little_giants", p => p.HasLittleGiants ? p.LittleGiants : null, t => t.LittleGiants, (t, v) => t.LittleGiants = v),
        new("single_champions", p => p.HasSingleChampions ? p.SingleChampions : null, t => t.SingleChampions, (t, v) => t.SingleChampions = v),
        new("new_above_size_enterprises", p => p.HasNewAboveSizeEnterprises ? p.NewAboveSizeEnterprises : null, t => t.NewAboveSizeEnterprises, (t, v) => t.NewAboveSizeEnterprises = v),
    ];

    public static readonly IReadOnlyList<string> Paths = [.. All.Select(f => f.Path)];

    /// <param name="Path">The proto field name.</param>
    /// <param name="Read">The value in a request; null when absent.</param>
    /// <param name="Get">The stored value; null when not set.</param>
    /// <param name="Set">Stores a value (null clears it).</param>
    public sealed record Field(string Path, Func<Proto.ClusterTargets, int?> Read, Func<Domain.ClusterTargets, int?> Get, Action<Domain.ClusterTargets, int?> Set);
}
