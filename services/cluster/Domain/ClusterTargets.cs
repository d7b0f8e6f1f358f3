namespace Industry.Clusters.Domain;

/// <summary>
/// 年度目标: the cluster programme's targets for one year (clusters to recognise, qualifications to grant, new
/// above-size enterprises). A target that was never set is null, so progress reports "no target" instead of 0.
/// </summary>
public sealed class ClusterTargets
{
    private ClusterTargets()
    {
    }

    public ClusterTargets(int year, DateTime now, string actor)
    {
        Year = year;
        CreateTime = now;
        UpdateTime = now;
        UpdateActor = actor;
        Version = 1;
    }

    public int Year { get; private set; }

    public int? AdvancedManufacturingClusters { get; set; }

    public int? ProvincialSmeClusters { get; set; }

    public int? NationalSmeClusters { get; set; }

    public int? InnovativeSmes { get; set; }

    public int? SpecializedSmes { get; set; }

    public int? LittleGiants { get; set; }

    public int? SingleChampions { get; set; }

    public int? NewAboveSizeEnterprises { get; set; }

    /// <summary>Incremented on every write: the etag and the optimistic-concurrency token.</summary>
    public long Version { get; private set; }

    public DateTime CreateTime { get; private set; }

    public DateTime UpdateTime { get; private set; }

    public string UpdateActor { get; private set; } = string.Empty;

    public void Touch(DateTime now, string actor)
    {
        Version++;
        UpdateTime = now;
        UpdateActor = actor;
    }
}
