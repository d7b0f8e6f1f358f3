namespace Industry.Clusters.Domain;

/// <summary>The level a cluster is recognised at. Numbers as in the proto (<c>None</c> is <c>CLUSTER_LEVEL_UNSPECIFIED</c>).</summary>
public enum ClusterLevel
{
    /// <summary>Not recognised (yet).</summary>
    None = 0,

    /// <summary>省级: recognised by the province.</summary>
    Provincial = 1,

    /// <summary>国家级: recognised nationally.</summary>
    National = 2,
}
