namespace Industry.Clusters.Domain;

/// <summary>集群成员企业: an enterprise's membership of a cluster, <c>clusters/{c}/members/{uscc}</c>; not editable.</summary>
public sealed class ClusterMember(string clusterId, string uscc, int joinYear, DateTime createTime, string createActor)
{
    public const string Collection = "members";

    public string ClusterId { get; private set; } = clusterId;

    public string Uscc { get; private set; } = uscc;

    public string Name => $"{Cluster.Collection}/{ClusterId}/{Collection}/{Uscc}";

    /// <summary>The year the enterprise joined; 0 when unknown.</summary>
    public int JoinYear { get; private set; } = joinYear;

    public DateTime CreateTime { get; private set; } = createTime;

    public string CreateActor { get; private set; } = createActor;

    /// <summary>The cluster id and the USCC (upper-cased, as stored) in <c>clusters/{c}/members/{uscc}</c>.</summary>
    public static (string ClusterId, string Uscc) ParseName(string name)
    {
        var (clusterId, uscc) = ResourceName.ChildId(name, Cluster.Collection, Collection);
        return (clusterId, uscc.ToUpperInvariant());
    }
}
