namespace Industry.Clusters.Domain;

/// <summary>集群成员企业: an enterprise's membership of a cluster, <c>clusters/{c}/members/{uscc}</c>; not editable.</summary>
public sealed class ClusterMember
{
    public const string Collection = "members";

    private ClusterMember()
    {
    }

    public ClusterMember(string clusterId, string uscc, int joinYear, DateTime now, string actor)
    {
        ClusterId = clusterId;
        Uscc = uscc;
        JoinYear = joinYear;
        CreateTime = now;
        CreateActor = actor;
    }

    public string ClusterId { get; private set; } = string.Empty;

    public string Uscc { get; private set; } = string.Empty;

    public string Name => $"{Cluster.Collection}/{ClusterId}/{Collection}/{Uscc}";

    /// <summary>The year the enterprise joined; 0 when unknown.</summary>
    public int JoinYear { get; private set; }

    public DateTime CreateTime { get; private set; }

    public string CreateActor { get; private set; } = string.Empty;

    /// <summary>The cluster id and the USCC (upper-cased, as stored) in <c>clusters/{c}/members/{uscc}</c>.</summary>
    public static (string ClusterId, string Uscc) ParseName(string name)
    {
        var (clusterId, uscc) = ResourceName.ChildId(name, Cluster.Collection, Collection);
        return (clusterId, uscc.ToUpperInvariant());
    }
}
